#pragma once
// Internals of the date extractor shared by dates.cc (parsing) and date_values.cc (resolution).

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/time.h"
#include "text/word_table.h"

namespace khabar::text {

// Word kinds of text/lexicon/dates_*.tsv.
enum DateWord : int {
  kNoWord = 0,
  kGMonth,
  kGMonthWeak,
  kHMonth,
  kHMonthWeak,
  kWeekday,
  kRelDay,
  kUnit,
  kDir,
  kThis,
  kMod,
  kOrd,
  kYearWord,
  kMonthWord,
  kDayWord,
  kCalG,
  kCalH,
  kFrom,
  kSame,
  kNonYear,
  kFuture,
  kEvery,
  kBlock,
  kNotDay,
  kBlessed,
  kAgree,
  kPrep,
  kQBare,
  kNotDayPrev,
  kGMonthRare,
  kTo,
  kSince,
  kContract,
  kFirstDay,
  kQWeak,
  kNameHead,
  kQuantity,
  kDateWordCount,
};

enum DateUnit : int { kWeek = 1, kMonth = 2, kYear = 3, kQuarter = 4, kHalf = 5, kSummer = 6 };
inline constexpr int kNoDir = 99;

enum class RawType : uint8_t {
  kYear,
  kMonth,
  kDay,  // Day + month ("gregorian" or "hijri").
  kNumeric,
  kRelDay,
  kWeekday,
  kRelPeriod,
  kPeriod,
};

// One parsed mention before its value is resolved.
struct RawDate {
  size_t tb = 0, te = 0;  // Token range [tb, te).
  uint32_t start = 0, end = 0;
  RawType type = RawType::kYear;
  bool hijri = false;
  int year = 0;  // Explicit year; 0 = none.
  int month = 0;
  int day = 0;
  int dir = kNoDir;  // Of the month, weekday or period.
  int lean = 0;  // Without a direction: -1 the last such month (since ...), 1 this or a coming one.
  int month_dir = kNoDir;  // "15th of the current month": the month relative to the anchor.
  int year_dir = kNoDir;   // Relative year of a period (Q1 of last year); 0 = current.
  int unit = 0;
  int ord = 0;
  int rel_day = 0;
  int weekday = -1;
  int mod = 0;
  bool day_list = false;    // "14" in "14 and 17 August": month from the next mention.
  bool same_month = false;  // "the 24th of the same month".
  bool same_year = false;   // "January of the same year": the year of the previous date.
  bool recurring = false;   // "on Friday ... of every week".
  bool future = false;      // A future-tense cue before a bare weekday.
  bool agree = false;       // "Saturday, corresponding to 6-6-2015".
  bool joined = false;      // The first token carried an "and" clitic (a list item).
};

// Resolves values and writes the output mentions.
void ResolveDates(std::string_view text, Field field, std::optional<CivilDate> published,
                  const std::vector<RawDate>& raw, std::vector<DateMention>* out);

}  // namespace khabar::text
