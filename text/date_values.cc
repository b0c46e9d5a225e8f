// Value resolution for the date extractor: calendars (Gregorian, Umm al-Qura Hijri, ISO weeks) and
// the rules of shared/spec/annotation-guide.md section 2 for relative expressions.

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "text/dates.h"
#include "text/dates_internal.h"

extern "C" const char khabar_umm_al_qura_begin[], khabar_umm_al_qura_end[];

namespace khabar::text {
namespace {

// Julian Day Number of 1970-01-01.
constexpr int64_t kUnixJdn = 2440588;
// JDN of 1 Muharram 1 AH in the civil tabular calendar, minus one.
constexpr int64_t kHijriEpoch = 1948439;

std::string Ymd(int y, int m, int d) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
  return buf;
}
std::string Ym(int y, int m) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%04d-%02d", y, m);
  return buf;
}
std::string Y(int y) { return std::to_string(y); }
std::string Tagged(int y, char tag, int n) {
  char buf[32];
  if (tag == 'W') {
    std::snprintf(buf, sizeof(buf), "%04d-W%02d", y, n);
  } else {
    std::snprintf(buf, sizeof(buf), "%04d-%c%d", y, tag, n);
  }
  return buf;
}
CivilDate ParseYmd(const std::string& v) {
  return CivilDate{std::stoi(v.substr(0, 4)), std::stoi(v.substr(5, 2)), std::stoi(v.substr(8, 2))};
}

std::string DayValue(int64_t days) {
  const CivilDate c = CivilFromDays(days);
  return Ymd(c.year, c.month, c.day);
}

std::string IsoWeek(int64_t days) {
  // The ISO week of a day is the week of its Thursday.
  const int wd = (Weekday(days) + 6) % 7;  // 0 = Monday.
  const int64_t thursday = days - wd + 3;
  const CivilDate c = CivilFromDays(thursday);
  const int64_t jan1 = DaysFromCivil({c.year, 1, 1});
  return Tagged(c.year, 'W', static_cast<int>((thursday - jan1) / 7 + 1));
}

// The day with weekday `wd` nearest to `base` with offset in [lo, hi].
int64_t NearestWeekday(int64_t base, int wd, int lo, int hi) {
  int64_t best = base + lo;
  int best_dist = 1 << 20;
  for (int off = lo; off <= hi; ++off) {
    if (Weekday(base + off) != wd) continue;
    const int dist = off < 0 ? -off : off;
    if (dist < best_dist) best = base + off, best_dist = dist;
  }
  return best;
}

// Year of a month named without a year: "al-madi" (last) = the last such month before the
// anchor, "al-muqbil" (next) = the next one after it; otherwise the anchor's year.
int MonthYear(int month, int dir, const CivilDate& anchor) {
  if (dir == -1) return month < anchor.month ? anchor.year : anchor.year - 1;
  if (dir == 1) return month > anchor.month ? anchor.year : anchor.year + 1;
  return anchor.year;
}

const char* TypeName(const RawDate& r) {
  switch (r.type) {
    case RawType::kYear:
      return "year";
    case RawType::kMonth:
      return "month";
    case RawType::kDay:
      return r.hijri ? "hijri" : "gregorian";
    case RawType::kNumeric:
      return "numeric";
    case RawType::kRelDay:
      return "relative_day";
    case RawType::kWeekday:
      return "weekday";
    case RawType::kRelPeriod:
      return "relative_period";
    case RawType::kPeriod:
      return "period";
  }
  return "";
}

// The writing day the text proves ("today, Wednesday" in a Thursday-stamped story), else the crawl
// day (annotation guide, anchor_date).
int64_t AnchorDay(int64_t published, const std::vector<RawDate>& raw) {
  for (const RawDate& r : raw) {
    if (r.type == RawType::kRelDay && r.weekday >= 0 && r.rel_day == 0) {
      return NearestWeekday(published, r.weekday, -3, 3);
    }
  }
  for (const RawDate& r : raw) {
    if (r.type == RawType::kRelDay && r.weekday >= 0 && r.rel_day == -1) {
      return NearestWeekday(published - 1, r.weekday, -3, 3) + 1;
    }
  }
  return published;
}

bool Between(const RawDate& a, const RawDate& b, size_t max_gap) {
  return b.tb >= a.te && b.tb - a.te <= max_gap;
}

class Resolver {
 public:
  Resolver(std::optional<CivilDate> published, const std::vector<RawDate>& raw)
      : raw_(raw), has_(published.has_value()) {
    if (has_) {
      published_ = DaysFromCivil(*published);
      anchor_ = AnchorDay(published_, raw);
      anchor_civil_ = CivilFromDays(anchor_);
      int hd;
      HijriFromDays(anchor_, &hijri_year_, &hijri_month_, &hd);
    }
  }

  // Returns the value of mention i; sets *hijri for Hijri mentions and *calendar_hijri when the
  // mention is written in (or, as "10" of "10 to 15 Shawwal", inherits) the Hijri calendar.
  std::string Resolve(size_t i, std::string* hijri, bool* calendar_hijri) {
    RawDate r = raw_[i];
    Inherit(i, &r);
    *calendar_hijri = r.hijri;
    if ((raw_[i].type == RawType::kDay || raw_[i].type == RawType::kMonth) && raw_[i].month > 0 &&
        !raw_[i].hijri) {
      last_month_ = i;  // For a later "the 24th of the same month".
    }
    if (r.year != 0 && !r.hijri) last_year_ = i;  // For a later "January of the same year".
    std::string v;
    switch (r.type) {
      case RawType::kYear:
        if (r.hijri) {
          *hijri = Y(r.year);
        } else {
          v = Y(r.year);
        }
        break;
      case RawType::kMonth:
      case RawType::kDay:
      case RawType::kNumeric:
        v = Calendar(r, hijri);
        break;
      case RawType::kRelDay:
        v = RelDay(r);
        break;
      case RawType::kWeekday:
        v = WeekdayValue(i, r);
        break;
      case RawType::kRelPeriod:
        v = RelPeriod(r);
        break;
      case RawType::kPeriod:
        v = PeriodValue(r);
        break;
    }
    return v;
  }

 private:
  // Fills what a mention takes from its neighbours: the year of a list or range, the month of
  // "24th of the same month" and of "14 and 17 August".
  void Inherit(size_t i, RawDate* r) const {
    if (r->day_list && i + 1 < raw_.size()) {
      const RawDate& n = raw_[i + 1];
      r->month = n.month, r->year = n.year, r->dir = n.dir, r->hijri = n.hijri;
    }
    if (r->same_year && last_year_ < i) r->year = raw_[last_year_].year;
    if (r->same_month && last_month_ < i) {
      const RawDate& p = raw_[last_month_];
      r->month = p.month;
      r->year = p.year;
      r->dir = p.dir;
    }
    if (r->type == RawType::kMonth && r->year == 0 && r->dir == kNoDir && i + 1 < raw_.size()) {
      const RawDate& n = raw_[i + 1];
      if (n.type == RawType::kMonth && n.hijri == r->hijri && Between(*r, n, 3)) {
        if (n.year != 0) {
          r->year = n.year;  // "May and June 1999".
        } else if (n.dir == kNoDir && n.month < r->month && has_) {
          r->year = MonthYear(n.month, kNoDir, anchor_civil_) - 1;  // "November ... January".
        }
      }
    }
  }

  std::string Calendar(const RawDate& r, std::string* hijri) const {
    if (r.month_dir != kNoDir) {
      if (!has_) return "";
      int m = anchor_civil_.month + r.month_dir, y = anchor_civil_.year;
      if (m < 1) m += 12, --y;
      if (m > 12) m -= 12, ++y;
      if (r.day > DaysInMonth(y, m)) return "";
      return Ymd(y, m, r.day);
    }
    if (r.month < 1 || r.month > 12) return "";  // A day of a month not named here.
    if (r.hijri) {
      int year = r.year;
      if (year == 0) {
        if (!has_) return "";
        year = hijri_year_;
        if (r.dir == -1 && r.month >= hijri_month_) --year;
        if (r.dir == 1 && r.month <= hijri_month_) ++year;
      }
      if (r.day == 0) {
        *hijri = Ym(year, r.month);
        return "";
      }
      *hijri = Ymd(year, r.month, r.day);
      // Dhu al-Qa'da and Dhu al-Hijja begin by sighting; the computed day may be off by one.
      if (r.month >= 11 || r.day > 30) return "";
      return DayValue(DaysFromHijri(year, r.month, r.day));
    }
    int year = r.year;
    if (year == 0) {
      if (!has_) return "";
      year = MonthYear(r.month, r.dir, anchor_civil_);
      if (r.dir == kNoDir && r.lean == -1 && r.month > anchor_civil_.month) --year;
      if (r.dir == kNoDir && r.lean == 1 && r.month < anchor_civil_.month) ++year;
    }
    if (r.day == 0) return Ym(year, r.month);
    if (r.day > DaysInMonth(year, r.month)) return "";
    return Ymd(year, r.month, r.day);
  }

  std::string RelDay(const RawDate& r) const {
    if (!has_) return "";
    if (r.weekday >= 0) return DayValue(NearestWeekday(published_ + r.rel_day, r.weekday, -3, 3));
    return DayValue(anchor_ + r.rel_day);
  }

  std::string WeekdayValue(size_t i, const RawDate& r) {
    if (i + 1 < raw_.size()) {  // "Saturday, corresponding to 6-6-2015".
      const RawDate& n = raw_[i + 1];
      if ((n.type == RawType::kNumeric || n.type == RawType::kDay) && (r.agree || n.tb == r.te)) {
        std::string unused;
        const std::string v = Calendar(n, &unused);
        if (v.size() == 10 && (r.agree || Weekday(DaysFromCivil(ParseYmd(v))) == r.weekday)) {
          return v;
        }
      }
    }
    if (!has_ || r.recurring) return "";
    int dir = r.dir;
    if (dir == kNoDir && i + 1 < raw_.size()) {
      const RawDate& n = raw_[i + 1];  // "Friday and Saturday (plural) next".
      if (n.type == RawType::kWeekday && n.joined && n.dir != kNoDir && Between(r, n, 0)) {
        dir = n.dir;
      }
    }
    if (dir == kNoDir && !directed_[r.weekday].empty()) {
      return directed_[r.weekday];  // The same weekday named earlier with a direction.
    }
    if (dir == -1)
      return directed_[r.weekday] = DayValue(NearestWeekday(anchor_, r.weekday, -7, -1));
    if (dir == 1) return directed_[r.weekday] = DayValue(NearestWeekday(anchor_, r.weekday, 1, 7));
    if (dir == 0) return directed_[r.weekday] = DayValue(NearestWeekday(anchor_, r.weekday, -3, 3));
    if (r.future) return DayValue(NearestWeekday(anchor_, r.weekday, 0, 6));
    return DayValue(NearestWeekday(anchor_, r.weekday, -6, 0));
  }

  std::string RelPeriod(const RawDate& r) const {
    if (!has_) return "";
    const CivilDate& a = anchor_civil_;
    const int dir = r.dir == kNoDir ? 0 : r.dir;
    switch (r.unit) {
      case kWeek: {
        if (dir == 1) return IsoWeek(anchor_ + 7);
        // The Saudi week runs Sunday to Saturday: "last week" on a Sunday is the one just ended.
        const int64_t sunday = anchor_ - Weekday(anchor_);
        return IsoWeek(sunday + 1 + 7 * dir);
      }
      case kMonth: {
        int m = a.month + dir, y = a.year;
        if (m < 1) m += 12, --y;
        if (m > 12) m -= 12, ++y;
        return Ym(y, m);
      }
      case kYear:
        return Y(a.year + dir);
      case kQuarter: {
        int q = (a.month - 1) / 3 + 1 + dir, y = a.year;
        if (q < 1) q += 4, --y;
        if (q > 4) q -= 4, ++y;
        return Tagged(y, 'Q', q);
      }
      case kHalf: {
        int h = (a.month - 1) / 6 + 1 + dir, y = a.year;
        if (h < 1) h += 2, --y;
        if (h > 2) h -= 2, ++y;
        return Tagged(y, 'H', h);
      }
      case kSummer:
        return Y(a.year + dir) + "-SU";
      default:
        return "";
    }
  }

  std::string PeriodValue(const RawDate& r) const {
    int year = r.year;
    if (year == 0) {
      if (!has_) return "";
      year = anchor_civil_.year + (r.year_dir == kNoDir ? 0 : r.year_dir);
    }
    return Tagged(year, r.unit == kQuarter ? 'Q' : 'H', r.ord);
  }

  const std::vector<RawDate>& raw_;
  std::string directed_[7];       // The last value of each weekday named with a direction.
  size_t last_month_ = SIZE_MAX;  // The last Gregorian day or month mention.
  size_t last_year_ = SIZE_MAX;   // The last Gregorian mention with a year.
  bool has_ = false;
  int64_t published_ = 0;
  int64_t anchor_ = 0;
  CivilDate anchor_civil_;
  int hijri_year_ = 0;
  int hijri_month_ = 0;
};

}  // namespace

std::optional<CivilDate> PublicationDay(std::string_view published_at) {
  if (!ParseTimestamp(published_at).has_value() || published_at.size() < 10) return std::nullopt;
  const std::string_view d = published_at.substr(0, 10);
  auto num = [&](size_t at, size_t len) {
    int v = 0;
    for (size_t i = at; i < at + len; ++i) v = v * 10 + (d[i] - '0');
    return v;
  };
  return CivilDate{num(0, 4), num(5, 2), num(8, 2)};
}

namespace {

// The Umm al-Qura table (text/lexicon/umm_al_qura.tsv): per Hijri year from `first`, the day of
// 1 Muharram and the day each month starts, so that month m of year y starts at
// starts[(y - first) * 13 + m - 1] (index 12: the next year's first day).
struct UmmAlQura {
  int first = 0;
  int last = -1;
  std::vector<int64_t> starts;
};

const UmmAlQura& UmmAlQuraTable() {
  static const UmmAlQura table = [] {
    UmmAlQura t;
    const std::string_view tsv(khabar_umm_al_qura_begin,
                               static_cast<size_t>(khabar_umm_al_qura_end - khabar_umm_al_qura_begin));
    size_t pos = 0;
    while (pos < tsv.size()) {
      size_t nl = tsv.find('\n', pos);
      if (nl == std::string_view::npos) nl = tsv.size();
      const std::string line(tsv.substr(pos, nl - pos));
      pos = nl + 1;
      int year = 0;
      long long start = 0;
      char lengths[16] = {};
      if (line.empty() || line[0] == '#' ||
          std::sscanf(line.c_str(), "%d\t%lld\t%15s", &year, &start, lengths) != 3 ||
          std::string_view(lengths).size() != 12 || (t.last >= 0 && year != t.last + 1)) {
        continue;
      }
      if (t.last < 0) t.first = year;
      t.last = year;
      int64_t day = start;
      for (int m = 0; m < 12; ++m) {
        t.starts.push_back(day);
        day += lengths[m] == '1' ? 30 : 29;
      }
      t.starts.push_back(day);
    }
    return t;
  }();
  return table;
}

// Tabular (civil) calendar, for years outside the table.
int64_t TabularDays(int year, int month, int day) {
  const int64_t y = year;
  const int64_t jdn =
      day + (295 * (month - 1) + 9) / 10 + (y - 1) * 354 + (3 + 11 * y) / 30 + kHijriEpoch - 1;
  return jdn - kUnixJdn;
}

}  // namespace

int64_t DaysFromHijri(int year, int month, int day) {
  const UmmAlQura& t = UmmAlQuraTable();
  if (year >= t.first && year <= t.last && month >= 1 && month <= 12) {
    return t.starts[static_cast<size_t>(year - t.first) * 13 + static_cast<size_t>(month - 1)] +
           day - 1;
  }
  return TabularDays(year, month, day);
}

void HijriFromDays(int64_t days, int* year, int* month, int* day) {
  const UmmAlQura& t = UmmAlQuraTable();
  if (!t.starts.empty() && days >= t.starts.front() && days < t.starts.back()) {
    size_t y = 0;
    while (t.starts[y * 13 + 12] <= days) ++y;
    int m = 1;
    while (m < 12 && t.starts[y * 13 + static_cast<size_t>(m)] <= days) ++m;
    *year = t.first + static_cast<int>(y);
    *month = m;
    *day = static_cast<int>(days - t.starts[y * 13 + static_cast<size_t>(m - 1)] + 1);
    return;
  }
  const int64_t jdn = days + kUnixJdn;
  int64_t y = (30 * (jdn - kHijriEpoch) + 10646) / 10631;
  while (y > 1 && TabularDays(static_cast<int>(y), 1, 1) > days) --y;
  while (TabularDays(static_cast<int>(y + 1), 1, 1) <= days) ++y;
  int m = 1;
  while (m < 12 && TabularDays(static_cast<int>(y), m + 1, 1) <= days) ++m;
  *year = static_cast<int>(y);
  *month = m;
  *day = static_cast<int>(days - TabularDays(static_cast<int>(y), m, 1) + 1);
}

void ResolveDates(std::string_view text, Field field, std::optional<CivilDate> published,
                  const std::vector<RawDate>& raw, std::vector<DateMention>* out) {
  Resolver resolver(published, raw);
  out->reserve(out->size() + raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    const RawDate& r = raw[i];
    DateMention m;
    m.text = std::string(text.substr(r.start, r.end - r.start));
    bool hijri = r.hijri;
    m.value = resolver.Resolve(i, &m.hijri, &hijri);
    RawDate typed = r;
    typed.hijri = hijri;
    m.type = TypeName(typed);
    m.calendar = hijri ? khabar::Calendar::kHijri : khabar::Calendar::kGregorian;
    m.span = Span{field, r.start, r.end};
    out->push_back(std::move(m));
  }
}

}  // namespace khabar::text
