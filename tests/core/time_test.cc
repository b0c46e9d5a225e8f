#include "core/time.h"

#include <gtest/gtest.h>

namespace khabar {
namespace {

TEST(Time, ParsesDatesAndRfc3339) {
  EXPECT_EQ(ParseTimestamp("1970-01-01"), 0);
  EXPECT_EQ(ParseTimestamp("2024-02-10"), DaysFromCivil({2024, 2, 10}) * 86400000LL);
  EXPECT_EQ(ParseTimestamp("2024-02-10T03:00:00+03:00"), DaysFromCivil({2024, 2, 10}) * 86400000LL);
  EXPECT_EQ(ParseTimestamp("2024-02-10T00:00:00.5Z"),
            DaysFromCivil({2024, 2, 10}) * 86400000LL + 500);
  for (const char* bad : {"", "2024-02-30", "2024-13-01", "2024-02-10T10:00:00", "10/02/2024",
                          "2024-02-10T25:00:00Z", "2024-02-10X", "2024-2-10"}) {
    EXPECT_FALSE(ParseTimestamp(bad).has_value()) << bad;
  }
}

TEST(Time, CivilRoundTripAndWeekday) {
  for (int64_t d = -800000; d < 800000; d += 997) {
    EXPECT_EQ(DaysFromCivil(CivilFromDays(d)), d);
  }
  EXPECT_EQ(Weekday(DaysFromCivil({2024, 2, 10})), 6);  // A Saturday.
  EXPECT_EQ(Weekday(DaysFromCivil({1969, 12, 31})), 3);
  EXPECT_EQ(FormatTimestamp(DaysFromCivil({2015, 8, 6}) * 86400000LL + 1234),
            "2015-08-06T00:00:01.234Z");
}

}  // namespace
}  // namespace khabar
