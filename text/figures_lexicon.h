#pragma once
// The word lists behind the figures extractor, parsed once from the UTF-8 files in text/lexicon/
// (figures_numbers.tsv, figures_units.tsv, figures_currency.tsv, figures_qualifiers.tsv,
// figures_context.tsv; their headers document the formats). Every key is a normalized word
// (text/normalize.h), so lookups take the normalized tokens of a field directly.

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/analysis.h"
#include "core/status.h"
#include "text/numbers.h"

namespace khabar::text {

// The one-letter proclitics (bi-, li-, wa-, fa-) a time dual may carry: "qabla al-qimma
// bi-yawmayn". The word filter admits them; Reader::ReadDualUnit strips them.
inline constexpr std::string_view kDualClitics[] = {"\u0628", "\u0644", "\u0648", "\u0641"};

struct UnitEntry {
  std::string lemma;  // As written in the lexicon (unit of the figure).
  FigureKind kind = FigureKind::kNumber;
  std::string currency;            // ISO 4217 default, or empty.
  std::vector<std::string> words;  // The normalized form, one entry per word.
  bool dual = false;               // A dual form: alone it means two.
};

// A number word as it appears in text: with proclitics (wa-, bi-, li-, ...) and the article.
struct NumberReading {
  NumberWord word;
  uint8_t prefix_letters = 0;  // Proclitic letters before the span starts (not the article).
  uint8_t bare_offset = 0;     // Bytes before the number word itself (proclitics + article).
  bool conj = false;           // wa- or fa-.
  bool prep = false;           // bi-, li- or ka-.
  bool definite = false;       // The article.
};

struct QualifierEntry {
  std::vector<std::string> words;  // Normalized.
  Qualifier qualifier = Qualifier::kExact;
};

struct FiguresLexiconFiles {
  std::string_view numbers;
  std::string_view units;
  std::string_view currency;
  std::string_view qualifiers;
  std::string_view context;
};

class FiguresLexicon {
 public:
  static Result<FiguresLexicon> Parse(const FiguresLexiconFiles& files);

  const NumberWords& numbers() const { return numbers_; }

  // A cheap filter over WordHash(): false means the word is neither a number word, the first
  // word of a unit nor a currency-context word, so the hash maps need not be asked.
  bool MaybeKnown(uint32_t word_hash) const {
    return (filter_[(word_hash >> 6) & (kFilterWords - 1)] >> (word_hash & 63)) & 1;
  }
  static uint32_t WordHash(std::string_view normalized) {
    uint32_t h = 2166136261u;  // FNV-1a
    for (char c : normalized) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
  }
  // Every clitic reading of a normalized token, precomputed: one hash lookup per token.
  const NumberReading* ReadNumberWord(std::string_view normalized) const;

  // The longest unit whose words start at words[0]; *consumed gets its word count.
  const UnitEntry* MatchUnit(std::span<const std::string_view> words, size_t* consumed) const;
  // A unit named right before the number ("al-nuqta 8824.95").
  const UnitEntry* UnitBefore(std::string_view word) const;

  // ISO code for a currency lemma followed by an adjective word, or empty.
  std::string_view CurrencyAdjective(std::string_view lemma, std::string_view word) const;
  // The context entry named by a normalized word (with any proclitics, the article and a nisba
  // suffix: wa-l-qatariyya names qatar), or -1. See figures_currency.tsv.
  int CurrencyContextEntry(std::string_view normalized) const;
  bool HasCurrencyContext() const { return !currency_context_.empty(); }
  // The currency lemma (normalized) and ISO code of a context entry.
  std::string_view CurrencyContextLemma(int entry) const;
  std::string_view CurrencyContextCode(int entry) const;

  // The longest qualifier phrase ending at words.back(); *consumed gets its word count.
  const QualifierEntry* QualifierBefore(std::span<const std::string_view> words,
                                        size_t* consumed) const;
  const QualifierEntry* QualifierAfter(std::span<const std::string_view> words,
                                       size_t* consumed) const;
  // A comparative verb for "... 'an N" (see figures_qualifiers.tsv, position "an").
  const QualifierEntry* QualifierVerb(std::string_view word) const;
  // A verb whose object is the figure a few words later (position "verb": tajawaza).
  const QualifierEntry* QualifierFarVerb(std::string_view word) const;

  bool BlocksBefore(std::string_view word) const { return block_before_.contains(word); }
  bool BlocksAfter(std::string_view word) const { return block_after_.contains(word); }
  bool IsOrdinal(std::string_view word) const { return ordinals_.contains(word); }
  bool IsWeekday(std::string_view word) const { return weekdays_.contains(word); }
  bool IsStopWord(std::string_view word) const { return stop_.contains(word); }
  // The singular lemma of a plural counted noun, or empty.
  std::string_view Singular(std::string_view word) const;
  // True when a (normalized) lemma is a counted noun of the lexicon.
  bool IsKnownNoun(std::string_view normalized_lemma) const {
    return known_nouns_.contains(normalized_lemma);
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <typename V>
  using Map = std::unordered_map<std::string, V, Hash, std::equal_to<>>;
  using Set = std::unordered_set<std::string, Hash, std::equal_to<>>;

  Status ParseUnits(std::string_view tsv);
  Status ParseCurrency(std::string_view tsv);
  Status ParseQualifiers(std::string_view tsv);
  Status ParseContext(std::string_view tsv);

  NumberWords numbers_;
  std::vector<UnitEntry> units_;
  Map<std::vector<uint32_t>> units_by_first_;  // First word -> indexes into units_.
  Map<uint32_t> units_before_;
  Map<std::string> currency_adjectives_;  // "lemma\tword" -> code.
  void BuildNumberReadings();
  void BuildFilter();
  static constexpr size_t kFilterWords = 1024;  // 64 Kbit.
  void AddContextVariants(const std::string& stem, int entry);

  struct ContextEntry {
    std::string lemma;
    std::string code;
  };
  std::vector<ContextEntry> currency_context_;
  Map<int> currency_context_by_stem_;
  Map<NumberReading> number_readings_;
  std::vector<uint64_t> filter_ = std::vector<uint64_t>(kFilterWords, 0);
  std::vector<QualifierEntry> qualifiers_;
  Map<std::vector<uint32_t>> qualifiers_before_by_last_;
  Map<std::vector<uint32_t>> qualifiers_after_by_first_;
  Map<uint32_t> qualifier_verbs_;
  Map<uint32_t> qualifier_far_verbs_;
  Set block_before_;
  Set block_after_;
  Set ordinals_;
  Set weekdays_;
  Set stop_;
  Map<std::string> singular_;
  Set known_nouns_;
};

// The lexicon files embedded into the binary at build time.
FiguresLexiconFiles EmbeddedFiguresLexiconFiles();

}  // namespace khabar::text
