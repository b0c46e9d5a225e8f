// Timeline periods: days, months and ISO 8601 weeks, including the weeks that straddle a year.

#include <gtest/gtest.h>

#include "core/time.h"
#include "query/entities.h"

namespace khabar::query {
namespace {

int64_t Day(int y, int m, int d) { return DaysFromCivil(CivilDate{y, m, d}); }

TEST(PeriodTest, DaysAndMonths) {
  EXPECT_EQ(PeriodName(Day(2024, 2, 10), Interval::kDay), "2024-02-10");
  EXPECT_EQ(PeriodName(Day(2024, 2, 29), Interval::kMonth), "2024-02");
  EXPECT_EQ(PeriodName(Day(1969, 12, 31), Interval::kDay), "1969-12-31");
}

TEST(PeriodTest, IsoWeeks) {
  struct Case {
    int y, m, d;
    const char* week;
  } cases[] = {
      {2024, 2, 10, "2024-W06"},   // Saturday.
      {2024, 3, 10, "2024-W10"},   // Sunday ends the week.
      {2024, 3, 11, "2024-W11"},   // Monday starts the next.
      {2024, 12, 30, "2025-W01"},  // The week of 2 January 2025, a Thursday.
      {2021, 1, 3, "2020-W53"},    // 2020 has 53 weeks.
      {2021, 1, 4, "2021-W01"},   {2026, 1, 1, "2026-W01"},  // A Thursday.
      {2027, 1, 1, "2026-W53"},                              // A Friday.
      {2023, 1, 1, "2022-W52"},                              // A Sunday.
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.week);
    EXPECT_EQ(PeriodName(Day(c.y, c.m, c.d), Interval::kWeek), c.week);
  }
}

TEST(PeriodTest, ParsesNames) {
  EXPECT_EQ(ParseInterval("week"), Interval::kWeek);
  EXPECT_EQ(ParseInterval("Week"), std::nullopt);
  EXPECT_EQ(ParseEntityType("organization"), EntityType::kOrganization);
  EXPECT_EQ(ParseEntityType("org"), std::nullopt);
}

}  // namespace
}  // namespace khabar::query
