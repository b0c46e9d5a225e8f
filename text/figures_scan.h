#pragma once
// Internal to the figures extractor: the token table of one field and the quantity record that
// figures.cc (reading numbers) and figures_context.cc (qualifiers, ranges, currencies) share.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "text/figures_lexicon.h"
#include "text/numbers.h"
#include "text/tokenize.h"
#include "text/word_table.h"

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

// Normalized Arabic words the rules name (text/normalize.h folds hamza, yeh and teh marbuta).
inline constexpr std::string_view kWaw = "\u0648";
inline constexpr std::string_view kFeh = "\u0641";
inline constexpr std::string_view kBeh = "\u0628";
inline constexpr std::string_view kLam = "\u0644";
inline constexpr std::string_view kKaf = "\u0643";
inline constexpr std::string_view kArticle = "\u0627\u0644";
inline constexpr std::string_view kMa = "\u0645\u0627";                        // ma
inline constexpr std::string_view kMin = "\u0645\u0646";                       // min "from"
inline constexpr std::string_view kAn = "\u0639\u0646";                        // 'an
inline constexpr std::string_view kLa = "\u0644\u0627";                        // la "not"
inline constexpr std::string_view kAlla = "\u0627\u0644\u0627";                // alla "that not"
inline constexpr std::string_view kAkthar = "\u0627\u0643\u062b\u0631";        // akthar "more"
inline constexpr std::string_view kAqall = "\u0627\u0642\u0644";               // aqall "less"
inline constexpr std::string_view kSifr = "\u0635\u0641\u0631";                // sifr "zero"
inline constexpr std::string_view kNafs = "\u0646\u0641\u0633";                // nafs "same"
inline constexpr std::string_view kShahr = "\u0627\u0644\u0634\u0647\u0631";   // al-shahr
inline constexpr std::string_view kWahid = "\u0648\u0627\u062d\u062f";         // wahid "one"
inline constexpr std::string_view kWahida = "\u0648\u0627\u062d\u062f\u0647";  // wahida (f.)
inline constexpr std::string_view kHijriMark = "\u0647";                       // heh (1436 H)
inline constexpr std::string_view kBayn = "\u0628\u064a\u0646";                // bayna "between"
inline constexpr std::string_view kAbd = "\u0639\u0628\u062f";                 // 'abd (in names)
inline constexpr std::string_view kAam = "\u0639\u0627\u0645";                 // 'am "year"
inline constexpr std::string_view kSana = "\u0633\u0646\u0647";                // sana "year"
inline constexpr std::string_view kHatta = "\u062d\u062a\u064a";               // hatta "until"
inline constexpr std::string_view kWaHatta = "\u0648\u062d\u062a\u064a";
inline constexpr std::string_view kIla = "\u0627\u0644\u064a";  // ila "to"
inline constexpr std::string_view kWaIla = "\u0648\u0627\u0644\u064a";

inline bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}
inline bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
inline bool IsPunct(const Word& w, std::string_view p) {
  return w.kind == TokenKind::kPunct && w.norm == p;
}

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
  std::vector<Word> words;  // Their `norm` views point into the FoldedTokens they came from.
};

void BuildWords(const FoldedTokens& t, FieldText* f);

// Reads the quantities of one field (figures.cc; the negative rules in figures_rules.cc).
class Reader {
 public:
  Reader(const FiguresLexicon& lex, const FieldText& f) : lex_(lex), f_(f), w_(f.words) {}

  std::vector<Quantity> Run();

 private:
  bool ReadDigits(size_t i, Quantity* q);
  bool ReadWords(size_t i, Quantity* q);
  bool ReadDualUnit(size_t i, Quantity* q);
  // Scale words and "wa"-additions after a number started at word i; returns the next word.
  size_t ReadScaleAndCompound(size_t j, CardinalBuilder* b, Quantity* q);
  // Unit, half, currency adjective and counted noun after the number.
  void ReadUnit(Quantity* q);
  bool DigitsAreNotAFigure(size_t i, const Numeral& n) const;
  // For an article token p ("al-" before digits): the definite plural noun right before it
  // ("al-sa'at al-24", "al-mu'taqalin al-450"), or SIZE_MAX.
  size_t DefinitePluralBefore(size_t p) const;
  // True when word j is a scale word that cannot continue the number in b.
  bool ScaleRejects(size_t j, const CardinalBuilder& b) const;

  const NumberWord* NumberWordAt(size_t i, Stem* stem) const;
  std::string_view Norm(size_t i) const { return i < w_.size() ? w_[i].norm : std::string_view(); }
  bool IsArabic(size_t i) const { return i < w_.size() && w_[i].kind == TokenKind::kArabic; }
  bool IsNumber(size_t i) const { return i < w_.size() && w_[i].kind == TokenKind::kNumber; }
  // Previous word, skipping one opening bracket or quote.
  size_t Prev(size_t i) const;
  uint32_t SpanStart(size_t i, int prefix_letters) const;
  std::string CountedNoun(size_t i) const;
  // Word i as written, without marks (harakat, tatweel) and without its first `skip` letters (the
  // article): a counted noun the lexicon does not know is shown as the text spells it.
  std::string AsWritten(size_t i, size_t skip) const;

  const FiguresLexicon& lex_;
  const FieldText& f_;
  const std::vector<Word>& w_;
};

// Qualifiers, ranges, conversions and currency inheritance over the quantities of one field.
void ResolveContext(const FiguresLexicon& lex, const FieldText& f, std::vector<Quantity>* qs);

}  // namespace khabar::text::figures_internal
