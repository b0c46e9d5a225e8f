#include "core/time.h"

#include <cstdio>

namespace khabar {

int64_t DaysFromCivil(CivilDate d) {
  // Howard Hinnant's days_from_civil.
  const int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (d.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return CivilDate{static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0)), m, d};
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;  // No such month has days.
  if (month == 2) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

int Weekday(int64_t days) { return static_cast<int>(((days % 7) + 11) % 7); }

namespace {

bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

std::optional<int64_t> ParseTimestamp(std::string_view s) {
  CivilDate d;
  if (s.size() < 10 || !Digits(s, 0, 4, &d.year) || s[4] != '-' || !Digits(s, 5, 2, &d.month) ||
      s[7] != '-' || !Digits(s, 8, 2, &d.day)) {
    return std::nullopt;
  }
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > DaysInMonth(d.year, d.month)) {
    return std::nullopt;
  }
  int64_t ms = DaysFromCivil(d) * 86400000LL;
  if (s.size() == 10) return ms;
  if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return std::nullopt;
  int hh, mm, ss;
  if (!Digits(s, 11, 2, &hh) || s.size() < 19 || s[13] != ':' || !Digits(s, 14, 2, &mm) ||
      s[16] != ':' || !Digits(s, 17, 2, &ss) || hh > 23 || mm > 59 || ss > 60) {
    return std::nullopt;
  }
  ms += (hh * 3600LL + mm * 60LL + (ss == 60 ? 59 : ss)) * 1000LL;
  size_t i = 19;
  if (i < s.size() && s[i] == '.') {
    size_t j = i + 1;
    int frac_ms = 0, digits = 0;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') {
      if (digits < 3) frac_ms = frac_ms * 10 + (s[j] - '0');
      ++digits;
      ++j;
    }
    if (digits == 0) return std::nullopt;
    for (int k = digits; k < 3; ++k) frac_ms *= 10;
    ms += frac_ms;
    i = j;
  }
  if (i >= s.size()) return std::nullopt;  // RFC 3339 requires an offset.
  if ((s[i] == 'Z' || s[i] == 'z') && i + 1 == s.size()) return ms;
  if (s[i] != '+' && s[i] != '-') return std::nullopt;
  int oh, om;
  if (i + 6 != s.size() || !Digits(s, i + 1, 2, &oh) || s[i + 3] != ':' ||
      !Digits(s, i + 4, 2, &om) || oh > 23 || om > 59) {
    return std::nullopt;
  }
  const int64_t offset = (oh * 60LL + om) * 60000LL;
  return s[i] == '+' ? ms - offset : ms + offset;
}

std::string FormatDate(CivilDate d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string FormatTimestamp(int64_t unix_ms) {
  int64_t days = unix_ms >= 0 ? unix_ms / 86400000LL : -((-unix_ms + 86399999LL) / 86400000LL);
  int64_t rem = unix_ms - days * 86400000LL;
  const CivilDate d = CivilFromDays(days);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", d.year, d.month, d.day,
                static_cast<int>(rem / 3600000), static_cast<int>(rem / 60000 % 60),
                static_cast<int>(rem / 1000 % 60), static_cast<int>(rem % 1000));
  return buf;
}

}  // namespace khabar
