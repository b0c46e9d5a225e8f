#pragma once
// Word-level tests of the quote extractor (text/quotes.cc, docs/design/quotes.md) on one token of
// a field's folded tokens: the article and its clitics, prepositions, "kana"/"qad", the verbs
// that take whom they tell as their object, and the head nouns that name an organization.

#include <cstddef>
#include <string_view>

#include "text/word_table.h"

namespace khabar::text::quote_words {

inline constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";  // The article alef-lam.
inline constexpr std::string_view kFi = "\xD9\x81\xD9\x8A";  // fi (in), folded.
inline constexpr std::string_view kLada = "\xD9\x84\xD8\xAF\xD9\x8A";  // lada (at), folded.

// A Latin or Arabic comma.
bool Comma(const FoldedTokens& t, size_t i);
// The article, alone or after a one-letter clitic (wa-l-, bi-l-, li-l-).
bool Definite(const FoldedTokens& t, size_t i);
// A preposition glued to the article ("lil-sahafiyyin", "bil-...", "kal-..."): an object, never
// the subject of a verb.
bool Prepositional(const FoldedTokens& t, size_t i);
// Lam + a word followed by a definite word: a genitive complement ("li-kurat al-yad").
bool LamComplement(const FoldedTokens& t, size_t i);
// "kana", "qad" and their forms with wa/fa/la: they open a clause whose subject comes before its
// verb ("wa-kanat Rice qalat", "wa-qad Rice qalat").
bool Kana(const FoldedTokens& t, size_t i);
// A preposition word (fi, 'ala, ila, min, ma'a, 'an, khilal, ba'd, qabl, lada, 'abr, hawl,
// bi-sha'n, didd, 'ind, mundh).
bool Preposition(const FoldedTokens& t, size_t i);
// ablagha or akhbara (informed, told), with any conjunction: whom they tell is their object.
bool InformVerb(const FoldedTokens& t, size_t i);
// Head nouns that name an organization (a ministry, company, agency, party...), unlike the other
// naming nouns (a campaign, an index, a report, an operation).
bool OrganizationHead(const FoldedTokens& t, size_t i);
// An honorific with a pronoun, as a folded word: sumuwwuhu/ha (His/Her Highness), ma'alihi/ha,
// fakhamatuhu, sa'adatuhu/ha, samahatuhu, jalalatuhu/ha. It stands for a person named before.
bool Honorific(std::string_view key);
// "amma" (as for) up to six words before token v, in the same sentence.
bool AmmaBefore(const FoldedTokens& t, size_t v);

}  // namespace khabar::text::quote_words
