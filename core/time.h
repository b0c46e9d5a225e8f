#pragma once
// Calendar arithmetic and the timestamp formats of the API (proleptic Gregorian, UTC).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace khabar {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1-12
  int day = 1;    // 1-31
  bool operator==(const CivilDate&) const = default;
};

// Days since 1970-01-01 (negative before).
int64_t DaysFromCivil(CivilDate d);
CivilDate CivilFromDays(int64_t days);
int DaysInMonth(int year, int month);  // 0 for a month outside 1-12.
// 0 = Sunday ... 6 = Saturday.
int Weekday(int64_t days);

// Parses RFC 3339 ("2024-02-10T08:30:00Z", "...+03:00", fractional seconds) or a plain
// "YYYY-MM-DD" (midnight UTC). Returns Unix milliseconds, or nullopt if malformed or impossible.
std::optional<int64_t> ParseTimestamp(std::string_view s);

// "2024-02-10T08:30:00.123Z".
std::string FormatTimestamp(int64_t unix_ms);
// "2024-02-10".
std::string FormatDate(CivilDate d);

}  // namespace khabar
