#include "text/numbers.h"

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "text/chars.h"
#include "text/normalize.h"
#include "text/tsv.h"
#include "text/utf8.h"

namespace khabar::text {
namespace {

constexpr char32_t kRightToLeftMark = U'\u200F';
constexpr char32_t kArabicDecimalSeparator = U'\u066B';
constexpr char32_t kArabicThousandsSeparator = U'\u066C';

// Digits as ASCII plus the separators between the digit groups.
struct Groups {
  std::vector<std::string> digits;  // One entry per group.
  std::vector<char32_t> seps;       // seps[i] separates digits[i] and digits[i + 1].
  int rlm_after = -1;               // Index of the separator followed by a right-to-left mark.
};

bool SplitGroups(std::string_view token, Groups* g) {
  g->digits.emplace_back();
  size_t i = 0;
  while (i < token.size()) {
    size_t len;
    const char32_t c = DecodeAt(token, i, &len);
    i += len;
    if (IsDigit(c)) {
      g->digits.back().push_back(static_cast<char>('0' + DigitValue(c)));
    } else if (c == U'.' || c == U',' || c == kArabicDecimalSeparator ||
               c == kArabicThousandsSeparator) {
      if (g->digits.back().empty()) return false;
      g->seps.push_back(c);
      g->digits.emplace_back();
    } else if (c == kRightToLeftMark && !g->seps.empty() && g->digits.back().empty()) {
      g->rlm_after = static_cast<int>(g->seps.size()) - 1;
    } else {
      return false;
    }
  }
  return !g->digits.back().empty() && g->digits.size() <= 8;
}

// The nearest double to int_part.frac_part (strtod rounds correctly; summing digit by digit
// would give 0.7500000000000001 for "0.75").
double ToDouble(const std::string& int_part, const std::string& frac_part) {
  std::string s = int_part;
  if (!frac_part.empty()) s.append(".").append(frac_part);
  return std::strtod(s.c_str(), nullptr);
}

}  // namespace

std::optional<Numeral> ParseNumeral(std::string_view token) {
  Groups g;
  if (token.empty() || !SplitGroups(token, &g)) return std::nullopt;
  Numeral n;
  std::string int_part;
  std::string frac_part;
  if (g.seps.empty()) {
    int_part = g.digits[0];
  } else if (g.rlm_after >= 0 && g.seps.size() == 1) {
    // Swapped decimal: "50.<RLM>940" is 940.50.
    int_part = g.digits[1];
    frac_part = g.digits[0];
    n.swapped = true;
  } else if (g.seps.size() == 1) {
    const char32_t sep = g.seps[0];
    const std::string& a = g.digits[0];
    const std::string& b = g.digits[1];
    const bool comma = sep == U',';
    if (sep == kArabicThousandsSeparator ||
        (comma && b.size() == 3 && a.size() >= 3 && a[0] != '0')) {
      int_part = a + b;
      n.grouped = true;
    } else {
      int_part = a;
      frac_part = b;
    }
  } else {
    // Several separators: the last one may be a decimal point of another character.
    const char32_t group_sep = g.seps[0];
    size_t groups_end = g.digits.size();
    if (g.seps.back() != group_sep) groups_end = g.digits.size() - 1;
    for (size_t k = 1; k < groups_end; ++k) {
      if (g.digits[k].size() != 3) return std::nullopt;
      if (k < groups_end - 1 && g.seps[k] != group_sep) return std::nullopt;
    }
    if (g.digits[0].size() > 3) return std::nullopt;
    for (size_t k = 0; k < groups_end; ++k) int_part += g.digits[k];
    if (groups_end < g.digits.size()) frac_part = g.digits.back();
    n.grouped = true;
  }
  if (int_part.size() > 18) return std::nullopt;
  n.value = ToDouble(int_part, frac_part);
  n.integer_digits = static_cast<int>(int_part.size());
  n.has_fraction = !frac_part.empty();
  n.fraction_digits = static_cast<int>(frac_part.size());
  n.leading_zero = int_part.size() >= 2 && int_part[0] == '0';
  return n;
}

Result<NumberWords> NumberWords::Parse(std::string_view tsv) {
  NumberWords out;
  Status read =
      ForEachTsvLine(tsv, "figures_numbers.tsv", [&](const std::vector<std::string_view>& cols) {
        if (cols.size() < 3) return InvalidArgument("expected form, value, class");
        NumberWord w;
        w.value = std::strtod(std::string(cols[1]).c_str(), nullptr);
        const std::string_view cls = cols[2];
        if (cls == "unit") {
          w.cls = NumberWordClass::kUnit;
        } else if (cls == "ten") {
          w.cls = NumberWordClass::kTen;
        } else if (cls == "tens") {
          w.cls = NumberWordClass::kTens;
        } else if (cls == "hundred") {
          w.cls = NumberWordClass::kHundred;
        } else if (cls == "scale") {
          w.cls = NumberWordClass::kScale;
        } else if (cls == "fraction") {
          w.cls = NumberWordClass::kFraction;
        } else if (cls == "vague") {
          w.cls = NumberWordClass::kVague;
        } else {
          return InvalidArgument("unknown class '" + std::string(cls) + "'");
        }
        if (cols.size() >= 4) {
          const std::string_view flags = cols[3];
          w.dual = flags.find("dual") != std::string_view::npos;
          w.plural = flags.find("plural") != std::string_view::npos;
          w.compound = flags.find("compound") != std::string_view::npos;
          w.no_article = flags.find("nodef") != std::string_view::npos;
        }
        if (!(w.value > 0)) {
          return InvalidArgument("value must be positive");
        }
        out.words_[Normalize(cols[0])] = w;
        return Status::Ok();
      });
  if (!read.ok()) return read;
  return out;
}

const NumberWord* NumberWords::Find(std::string_view normalized) const {
  const auto it = words_.find(normalized);
  return it == words_.end() ? nullptr : &it->second;
}

bool CardinalBuilder::Add(const NumberWord& w, bool conjunction) {
  using C = NumberWordClass;
  // Only a scale may follow a fraction: nisf milyun.
  if (words_ > 0 && last_ == C::kFraction && !(words_ == 1 && w.cls == C::kScale && !w.plural)) {
    return false;
  }
  switch (w.cls) {
    case C::kUnit:
      if (words_ == 0) {
        current_ = w.value;
      } else if (conjunction && current_ == 0 && w.value < last_scale_) {
        current_ = w.value;  // milyun wa-thalatha
      } else if (conjunction && last_ == C::kHundred) {
        current_ += w.value;  // mi'a wa-khamsa
      } else {
        return false;
      }
      break;
    case C::kTen:
      if (words_ == 0) {
        current_ = w.value;
      } else if (!conjunction && last_ == C::kUnit && current_ < 10 && current_ > 0) {
        current_ += 10;  // khamsata 'ashar
      } else if (conjunction && last_ == C::kHundred) {
        current_ += w.value;
      } else if (conjunction && current_ == 0 && w.value < last_scale_) {
        current_ = w.value;
      } else {
        return false;
      }
      break;
    case C::kTens:
      if (words_ == 0) {
        current_ = w.value;
      } else if (conjunction && (last_ == C::kUnit || last_ == C::kHundred) &&
                 std::fmod(current_, 100) < 10) {
        current_ += w.value;  // thalatha wa-'ishrun, mi'a wa-'ishrun
      } else if (conjunction && current_ == 0 && w.value < last_scale_) {
        current_ = w.value;
      } else {
        return false;
      }
      break;
    case C::kHundred:
      if (words_ == 0) {
        current_ = w.value;
      } else if (!conjunction && last_ == C::kUnit && current_ >= 3 && current_ <= 9 &&
                 w.value == 100) {
        current_ *= 100;  // thalath mi'a
      } else if (conjunction && current_ == 0 && w.value < last_scale_) {
        current_ = w.value;
      } else {
        return false;
      }
      break;
    case C::kScale:
      if (words_ == 0) {
        if (w.plural) return false;
        current_ = w.dual ? 2 : 1;
        total_ += current_ * w.value;
        current_ = 0;
        last_scale_ = w.value;
        break;
      }
      if (conjunction || current_ == 0) return false;
      if (last_ == C::kFraction) {
        total_ += current_ * w.value;  // nisf milyun = 500000
        current_ = 0;
        last_scale_ = w.value;
        break;
      }
      if (total_ > 0 && w.value >= last_scale_) return false;  // milyun wa-khamsumi'at alf is fine.
      total_ += current_ * w.value;
      current_ = 0;
      last_scale_ = w.value;
      break;
    case C::kFraction:
      if (words_ == 0) {
        current_ = w.value;
      } else if (conjunction && w.value == 0.5) {
        if (current_ == 0) {
          total_ += 0.5 * last_scale_;  // milyun wa-nisf
        } else {
          current_ += 0.5;
        }
      } else {
        return false;
      }
      break;
    case C::kVague:
      if (words_ != 0) return false;
      current_ = w.value;
      break;
  }
  last_ = w.cls;
  ++words_;
  return true;
}

bool CardinalBuilder::AddDigits(double value, bool conjunction) {
  if (words_ == 0) {
    current_ = value;
  } else if (conjunction && current_ == 0 && value < last_scale_) {
    current_ = value;  // 11 alfan wa-532
  } else {
    return false;
  }
  last_ = NumberWordClass::kUnit;
  ++words_;
  return true;
}

}  // namespace khabar::text
