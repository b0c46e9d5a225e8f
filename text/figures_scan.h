#pragma once
// Internal to the figures extractor: the token table of one field and the quantity record that
// figures.cc (reading numbers) and figures_context.cc (qualifiers, ranges, currencies) share.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "text/figures_lexicon.h"
#include "text/tokenize.h"

namespace khabar::text::figures_internal {

// One token with its normalized text.
struct Word {
  uint32_t start = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kPunct;
  bool glued = false;  // No whitespace between the previous token and this one.
  uint32_t sentence = 0;
  uint32_t paragraph = 0;
  uint32_t hash = 0;  // FiguresLexicon::WordHash(norm).
  std::string_view norm;
};

// A proclitic analysis of a normalized Arabic word: wa/fa, then bi/li/ka, then the article.
struct Stem {
  std::string_view bare;   // Without proclitics and without the article.
  int prefix_letters = 0;  // Letters before the span starts (the article stays in the span).
  bool conj = false;       // Starts with wa or fa.
  bool prep = false;       // Has bi, li or ka.
  bool definite = false;   // Has the article.
};

// Every reading of `norm`, the unstripped one first.
inline constexpr int kMaxStems = 8;
int Stems(std::string_view norm, Stem out[kMaxStems]);

struct Quantity {
  size_t first = 0;  // Word range of the span, [first, last).
  size_t last = 0;
  size_t after = 0;  // First word after the span and its counted noun.
  uint32_t start = 0;
  uint32_t end = 0;
  double value = 0;
  double scale = 1;  // The scale word applied (1 if none).
  bool has_scale = false;
  bool words = false;  // Written in words.
  const UnitEntry* unit = nullptr;
  std::string counted;  // Counted noun lemma (outside the span).
  std::string currency;
  FigureKind kind = FigureKind::kNumber;
  Qualifier qualifier = Qualifier::kExact;
  bool drop = false;
  bool year_like = false;  // A bare 4-digit number between 1300 and 2100.  // Found not to be a
                           // figure by a context rule (a match score).
  bool bare() const { return unit == nullptr && counted.empty(); }
};

struct FieldText {
  std::string_view text;
  std::vector<Word> words;
  std::string arena;
};

void BuildWords(std::string_view text, FieldText* f);

// Qualifiers, ranges, conversions and currency inheritance over the quantities of one field.
void ResolveContext(const FiguresLexicon& lex, const FieldText& f, std::vector<Quantity>* qs);

}  // namespace khabar::text::figures_internal
