#include "text/entity_rules.h"

#include <algorithm>
#include <span>
#include <string>

#include "text/ner_model.h"
#include "text/normalize.h"
#include "text/quote_marks.h"

namespace khabar::text::ner {
namespace {

int BeginTag(PhraseClass c) {
  switch (c) {
    case PhraseClass::kPer:
      return static_cast<int>(Tag::kBPer);
    case PhraseClass::kOrg:
      return static_cast<int>(Tag::kBOrg);
    default:
      return static_cast<int>(Tag::kBLoc);
  }
}

// Known entities (lexicon/known_entities.tsv) that the tagger left out become entities.
void TagKnown(const Lexicon& lex, const std::vector<WordInfo>& info, uint8_t* tags) {
  uint64_t stems[Lexicon::kMaxPhraseWords];
  const int n = static_cast<int>(info.size());
  for (int i = 0; i < n; ++i) {
    if (!(info[i].flags & kLexKnown)) continue;
    const int avail = std::min(n - i, Lexicon::kMaxPhraseWords);
    for (int k = 0; k < avail; ++k) stems[k] = info[i + k].stem;
    const auto [cls, len] = lex.MatchKnown(stems, avail);
    const auto unreported = [](uint8_t t) { return t == 0 || t >= static_cast<int>(Tag::kBMisc); };
    if (len == 0) continue;
    // A known name of several words also replaces what the tagger found inside it ("Dynamo
    // Kyiv", not the place "Kyiv"), as long as no tagged span runs across its edges.
    const auto inside = [](uint8_t t) { return t != 0 && t % 2 == 0; };  // An I- tag.
    // Only organizations: a known place may add an epithet that the tagger rightly leaves out
    // ("Makka al-Mukarrama" is the place "Makka").
    const bool contained = len >= 2 && cls == PhraseClass::kOrg && !inside(tags[i]) &&
                           (i + len >= n || !inside(tags[i + len]));
    // The tagger's span is exactly the known name but of another type ("al-Natu" as a person):
    // the list's type. A span that runs from a known organization into a person is the
    // organization, then the person: a person span ("li-l-Natu Jens Stoltenberg"), or an
    // organization span whose next word is a listed name ("al-Unrwa Philippe Lazzarini").
    const int begin = tags[i];
    const bool tagged_begin = begin != 0 && begin % 2 == 1 && begin < static_cast<int>(Tag::kBMisc);
    bool same_span = tagged_begin;
    for (int k = 1; k < len && same_span; ++k) same_span = tags[i + k] == begin + 1;
    const bool runs_on = same_span && i + len < n && tags[i + len] == begin + 1;
    const bool then_person =
        runs_on && cls == PhraseClass::kOrg &&
        (begin == static_cast<int>(Tag::kBPer) ||
         (begin == static_cast<int>(Tag::kBOrg) &&
          (info[i + len].flags & (kLexFirst | kLexPer)) != 0));
    if (then_person) {
      tags[i + len] = static_cast<uint8_t>(Tag::kBPer);
      for (int k = i + len + 1; k < n && tags[k] == static_cast<int>(Tag::kIOrg); ++k) {
        tags[k] = static_cast<uint8_t>(Tag::kIPer);
      }
    } else if (runs_on) {
      same_span = false;
    }
    if (!contained && !same_span && !std::all_of(tags + i, tags + i + len, unreported)) continue;
    tags[i] = static_cast<uint8_t>(BeginTag(cls));
    for (int k = 1; k < len; ++k) tags[i + k] = static_cast<uint8_t>(BeginTag(cls) + 1);
    i += len - 1;
  }
}

// A country or city of the gazetteer's PLACE list that the tagger left untagged is that place,
// written as listed ("سوريا", "تشيلي") or after a one-letter clitic ("لدمشق", "بأثينا"). The
// whole word must match, article included, so that the nisba "التشيلي" stays an adjective; so
// does a definite name after a definite word ("المحادثات الإسرائيلية السعودية": shape bit 0 is
// a stripped article or conjunction).
void TagPlaces(const std::vector<WordInfo>& info, uint8_t* tags) {
  for (size_t i = 0; i < info.size(); ++i) {
    if (i > 0 && (info[i].shape & 1) && (info[i - 1].shape & 1)) continue;
    if (tags[i] != 0 && tags[i] < static_cast<int>(Tag::kBMisc)) continue;
    if (tags[i] >= static_cast<int>(Tag::kBMisc) &&
        (tags[i] == static_cast<int>(Tag::kIMisc) ||
         (i + 1 < info.size() && tags[i + 1] == static_cast<int>(Tag::kIMisc)))) {
      continue;  // Inside a longer MISC name.
    }
    if (info[i].place) tags[i] = static_cast<uint8_t>(Tag::kBLoc);
  }
}

// A name right after a place head in construct ("madinat Ulm", "shamal al-'Iraq") is the place,
// whatever type the tagger gave an unknown word there.
void PlacesAfterPlaceHeads(const std::vector<WordInfo>& info, uint8_t* tags) {
  const auto b_loc = static_cast<uint8_t>(Tag::kBLoc), i_loc = static_cast<uint8_t>(Tag::kILoc);
  for (size_t i = 1; i < info.size(); ++i) {
    const uint8_t t = tags[i];
    const bool person_or_org = t == static_cast<uint8_t>(Tag::kBPer) ||
                               t == static_cast<uint8_t>(Tag::kBOrg);
    // The head in construct, without the article: "al-iqlim" in "ra'is wuzara' al-iqlim Nechirvan
    // Barzani" is a complement, and the name after it no place (shape bit 0: a stripped prefix).
    if (!person_or_org || tags[i - 1] != 0 || !(info[i - 1].flags & kLexLocHead) ||
        (info[i - 1].shape & 1) != 0) {
      continue;
    }
    tags[i] = b_loc;
    for (size_t k = i + 1; k < info.size() && tags[k] == t + 1; ++k) tags[k] = i_loc;
  }
}

// Hashes of the normalized words, or of their light stems, for matching WordInfo::word and
// ::bare, or ::stem, against a short fixed list.
std::vector<uint64_t> HashWords(std::span<const char* const> words, bool stems = false) {
  std::vector<uint64_t> h;
  for (const char* word : words) {
    const std::string norm = Normalize(word);
    h.push_back(HashBytes(stems ? LightStem(norm) : std::string_view(norm)));
  }
  return h;
}

bool Listed(const std::vector<uint64_t>& list, uint64_t x) {
  return x != 0 && std::find(list.begin(), list.end(), x) != list.end();
}

// Whether a word is a news medium's head noun ("sahifa", "qanat"), also after a one-letter clitic.
bool IsMediaHead(const WordInfo& w) {
  static constexpr const char* kHeads[] = {"صحيفة", "جريدة", "مجلة",   "قناة",  "إذاعة",
                                           "وكالة", "شبكة",  "تلفزيون", "محطة",  "فضائية",
                                           "موقع",  "يومية", "أسبوعية"};
  static const std::vector<uint64_t> heads = HashWords(kHeads), head_stems = HashWords(kHeads, true);
  return Listed(head_stems, w.stem) || Listed(heads, w.bare);
}

// A masculine noun that a place follows in construct, so that an adjective after the place
// agrees with the noun: "ma'bar Rafah al-misri", "matar Dimashq al-duwali".
bool IsMasculinePlaceNoun(const WordInfo& w) {
  static constexpr const char* kNouns[] = {"مطار", "مطاري", "معبر", "ميناء", "سجن",  "مخيم", "شارع",
                                           "حي",   "جسر",   "مستشفى", "فندق", "ملعب", "مركز", "قصر",
                                           "مسجد", "متحف",  "سد",   "نهر",   "جبل",  "وادي", "ريف"};
  static const std::vector<uint64_t> nouns = HashWords(kNouns);
  return Listed(nouns, w.word) || Listed(nouns, w.bare);
}

// A place followed by a masculine nationality adjective is a club: cities are feminine in Arabic
// ("ميلانو الإيطالية" is the city), while "ميلان الإيطالي", "بورتو البرتغالي" agree with an unsaid
// "al-nadi" (the club).
void ClubsBeforeNationalities(std::string_view text, const Token* tokens,
                              const std::vector<WordInfo>& info, uint8_t* tags) {
  constexpr std::string_view kAl = "\xD8\xA7\xD9\x84", kYeh = "\xD9\x8A",
                             kWaw = "\xD9\x88",
                             kBiAl = "\xD8\xA8\xD8\xA7\xD9\x84", kLilA = "\xD9\x84\xD9\x84";
  const auto b_loc = static_cast<uint8_t>(Tag::kBLoc), i_loc = static_cast<uint8_t>(Tag::kILoc);
  const size_t n = info.size();
  for (size_t b = 0; b < n; ++b) {
    if (tags[b] != b_loc) continue;
    size_t e = b + 1;
    while (e < n && tags[e] == i_loc) ++e;
    if (e >= n || tags[e] != 0 || !(info[e].flags & kLexNat)) continue;
    const std::string_view adj = text.substr(tokens[e].start, tokens[e].end - tokens[e].start);
    if (!adj.starts_with(kAl) || !adj.ends_with(kYeh)) continue;
    // Not after a place head or a masculine noun in construct ("matarai 'Amman al-Urduni", the
    // airports; "ma'bar Rafah al-misri"), and not a definite name: clubs named after a city carry
    // no article, while "al-'Iraq" and "al-Rif" (the countryside) are masculine places. Only waw
    // is taken for a conjunction here: "Falansiya" (Valencia) starts with fa-al-.
    if (b > 0 && ((info[b - 1].flags & kLexLocHead) || IsMasculinePlaceNoun(info[b - 1]))) {
      continue;
    }
    std::string_view first = text.substr(tokens[b].start, tokens[b].end - tokens[b].start);
    if (first.starts_with(kWaw)) first.remove_prefix(kWaw.size());
    if (first.starts_with(kAl) || first.starts_with(kBiAl) || first.starts_with(kLilA)) continue;
    tags[b] = static_cast<uint8_t>(Tag::kBOrg);
    for (size_t k = b + 1; k < e; ++k) tags[k] = static_cast<uint8_t>(Tag::kIOrg);
    b = e;
  }
}

// The quote extractor's marks, and the apostrophe that older text doubles into one ('').
bool IsQuoteMark(std::string_view p) { return p == "'" || QuoteMarkOf(p) != QuoteMark::kNone; }

// A name in quotation marks right after a medium's head noun is that medium: "sahifat «al-Safir»",
// "majallat al-\" Time \"". Names of papers are often everyday words ("al-Hayat", life), which
// the tagger rightly leaves alone elsewhere; the quotation marks make them names.
void QuotedMediaNames(std::string_view text, const Token* tokens, const std::vector<WordInfo>& info,
                      uint8_t* tags) {
  constexpr size_t kMaxWords = 5;
  const size_t n = info.size();
  auto punct = [&](size_t i) {
    return tokens[i].kind == TokenKind::kPunct
               ? text.substr(tokens[i].start, tokens[i].end - tokens[i].start)
               : std::string_view();
  };
  for (size_t i = 0; i + 3 < n; ++i) {
    if (tokens[i].kind != TokenKind::kArabic) continue;
    size_t open = i + 1;
    // "al-" written apart with a tatweel before the quoted name: "majallat al- \" Time \"".
    const std::string_view next = text.substr(tokens[open].start, tokens[open].end - tokens[open].start);
    if (next == "\xD8\xA7\xD9\x84\xD9\x80") ++open;
    // The head noun last: most words are followed by no quotation mark.
    if (!IsQuoteMark(punct(open)) || !IsMediaHead(info[i])) continue;
    while (open + 1 < n && IsQuoteMark(punct(open + 1))) ++open;  // Two apostrophes as one mark.
    size_t close = open + 1;  // The words are (open, close).
    while (close < n && close - open <= kMaxWords && punct(close).empty()) ++close;
    if (close >= n || close == open + 1 || !IsQuoteMark(punct(close))) continue;
    // Leave a name that the tagger or a list already gave a type, and one that runs on.
    const auto b_org = static_cast<uint8_t>(Tag::kBOrg);
    bool free = true;
    for (size_t k = open + 1; k < close && free; ++k) {
      free = tags[k] == 0 || tags[k] >= static_cast<int>(Tag::kBMisc);
    }
    if (!free) continue;
    tags[open + 1] = b_org;
    for (size_t k = open + 2; k < close; ++k) tags[k] = b_org + 1;
    i = close;
  }
}

}  // namespace

void ApplyTagRules(const Lexicon& lex, std::string_view text, const Token* tokens,
                   const std::vector<WordInfo>& info, uint8_t* tags) {
  PlacesAfterPlaceHeads(info, tags);
  TagKnown(lex, info, tags);
  TagPlaces(info, tags);
  QuotedMediaNames(text, tokens, info, tags);
  ClubsBeforeNationalities(text, tokens, info, tags);
}

// The word that opens a reported clause ends the name before it
// ("sarraha Hussein Labib bi-anna"), though the tagger sometimes runs the name on into it.
bool Complementizer(const WordInfo& w) {
  // Not bare "anna"/"inna": "سي إن إن" (CNN) ends with the same letters.
  static constexpr const char* kWords[] = {"بأن", "أنه", "إنه", "بأنه", "أنها", "إنها", "بأنها", "لأن"};
  static const std::vector<uint64_t> words = HashWords(kWords);
  return Listed(words, w.word);
}


}  // namespace khabar::text::ner
