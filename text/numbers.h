#pragma once
// Numbers written in digits or in Arabic words, as pure functions over the original text. Used by
// the figures extractor; the dates extractor may use ParseNumeral() and the cardinal grammar too.
//
//   ParseNumeral("8.3") -> 8.3, ParseNumeral("3,06") -> 3.06 (decimal comma),
//   ParseNumeral("1,500,000") -> 1500000, ParseNumeral("50.\u200f940") -> 940.50 (aawsat prints
//   decimals with a right-to-left mark and the halves swapped), Arabic-Indic and Persian digits.
//
//   NumberWords::Parse(tsv) loads text/lexicon/figures_numbers.tsv; CardinalBuilder folds a
//   sequence of number words into a value: khamsata 'ashar alf -> 15000, thalathatun wa-'ishrun
//   -> 23.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.h"

namespace khabar::text {

struct Numeral {
  double value = 0;
  int integer_digits = 0;     // Digits before the decimal point of the real number.
  bool has_fraction = false;  // A decimal part was written ("8.3", "3,06").
  int fraction_digits = 0;    // Digits after the decimal separator.
  bool grouped = false;       // Thousands separators were written ("1,500,000").
  bool swapped = false;       // A right-to-left mark swapped the halves ("50.\u200f940").
  bool leading_zero = false;  // The integer part starts with 0 and has 2+ digits ("0647").
};

// Parses one number token as produced by Tokenize() (digits with inner separators, possibly a
// right-to-left mark after a separator). Separator rules: a dot is a decimal point unless it splits
// groups of three digits more than once; a single comma followed by other than three digits is a
// decimal comma ("3,06", "0,98910"); "97,528" with one comma and a small integer part is taken
// as a decimal comma too when the integer part has at most 2 digits. nullopt on anything else.
std::optional<Numeral> ParseNumeral(std::string_view token);

enum class NumberWordClass : uint8_t {
  kUnit,      // 1..9
  kTen,       // 10, and the second word of 11..19 (khamsata 'ashar)
  kTens,      // 20..90
  kHundred,   // 100..900
  kScale,     // 1000 and up
  kFraction,  // nisf, rub', thuluth
  kVague,     // 'asharat, mi'at: approximate multipliers
};

struct NumberWord {
  double value = 0;
  NumberWordClass cls = NumberWordClass::kUnit;
  bool dual = false;        // Alone it means two of its value (alfayn, milyuna).
  bool plural = false;      // A plural scale (alaf): only after a number.
  bool compound = false;    // Only inside a compound (ahada 'ashar).
  bool no_article = false;  // Never with the article (al-ithnayn is Monday).
};

// The number-word lexicon, keyed by normalized form (see text/normalize.h).
class NumberWords {
 public:
  // Parses the TSV format documented in text/lexicon/figures_numbers.tsv.
  static Result<NumberWords> Parse(std::string_view tsv);

  // The entry for a normalized word without clitics, or nullptr.
  const NumberWord* Find(std::string_view normalized) const;

  // Calls fn(form, word) for every entry.
  template <typename Fn>
  void ForEach(Fn fn) const {
    for (const auto& [form, word] : words_) fn(std::string_view(form), word);
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, NumberWord, Hash, std::equal_to<>> words_;
};

// Folds number words, in text order, into one value following the Arabic cardinal grammar:
// units and tens joined by wa (thalathatun wa-'ishrun), teens (khamsata 'ashar), hundreds
// (thalathumi'a, thalath mi'a), scales multiplying what precedes them (khamsata 'ashar alf), and
// additions after a scale joined by wa (milyun wa-khamsumi'at alf). Also takes digit values (11
// alfan wa-532).
class CardinalBuilder {
 public:
  // Adds a word; `conjunction` is true when it carried the prefix wa. Returns false, leaving the
  // builder unchanged, when the word cannot continue the number (two units in a row, a larger
  // addition after a scale, a scale after a fraction, ...): the number ends before it.
  bool Add(const NumberWord& word, bool conjunction);
  // Adds a number written in digits (only first, or after wa following a scale).
  bool AddDigits(double value, bool conjunction);

  bool empty() const { return words_ == 0; }
  int words() const { return words_; }
  // The largest scale applied so far (1 if none).
  double last_scale() const { return last_scale_; }
  double Value() const { return total_ + current_; }

 private:
  double total_ = 0;       // Completed groups (already multiplied by a scale).
  double current_ = 0;     // The group being built.
  double last_scale_ = 1;  // Scale of the last completed group; later additions must be smaller.
  NumberWordClass last_ = NumberWordClass::kUnit;
  int words_ = 0;
};

}  // namespace khabar::text
