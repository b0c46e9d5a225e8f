#include "text/dates.h"

#include <array>

#include "text/dates_internal.h"

extern "C" const char khabar_dates_calendar_begin[], khabar_dates_calendar_end[];
extern "C" const char khabar_dates_words_begin[], khabar_dates_words_end[];

namespace khabar::text {

class DateLexicon {
 public:
  WordTable words;
};

namespace {

// Kind names of text/lexicon/dates_*.tsv, indexed by DateWord.
constexpr std::array<std::string_view, kDateWordCount> kKindNames = {
    "",           "gmonth",      "gmonth_weak", "hmonth",  "hmonth_weak", "weekday",  "relday",
    "unit",       "dir",         "this",        "mod",     "ord",         "yearword", "monthword",
    "dayword",    "calg",        "calh",        "from",    "same",        "nonyear",  "future",
    "every",      "block",       "notday",      "blessed", "agree",       "prep",     "qbare",
    "notdayprev", "gmonth_rare", "to",          "since",   "contract",    "firstday", "qweak",
    "namehead",   "quantity"};

static_assert(!kKindNames.back().empty(), "every DateWord needs a name in kKindNames");

int KindOf(std::string_view name) {
  for (size_t k = 1; k < kKindNames.size(); ++k) {
    if (kKindNames[k] == name) return static_cast<int>(k);
  }
  return -1;
}

constexpr std::string_view kWawKey = "\xD9\x88";  // A lone waw token ("and" glued to a number).

// Parses one field: a cursor over its folded tokens with the lexicon hit of every token.
class Parser {
 public:
  Parser(const WordTable& words, const FoldedTokens& t) : t_(t), hits_(t.size()) {
    for (size_t i = 0; i < t.size(); ++i) {
      if (t.tok(i).kind == TokenKind::kArabic) hits_[i] = words.Match(t, i);
    }
  }

  void Run(std::vector<RawDate>* out) {
    size_t i = 0;
    while (i < t_.size()) {
      RawDate r;
      if (ParseAt(i, &r)) {
        r.tb = i;
        r.start = StartOf(i);
        r.end = t_.tok(r.te - 1).end;
        r.joined = hits_[i] && hits_[i]->clitic_letters > 0 && !hits_[i]->fused_article &&
                   t_.key(i).substr(0, 2) == kWawKey;
        out->push_back(r);
        i = r.te;
      } else {
        ++i;
      }
    }
  }

 private:
  int K(size_t i) const { return i < hits_.size() && hits_[i] ? hits_[i]->kind : kNoWord; }
  int V(size_t i) const { return hits_[i]->value; }
  size_t W(size_t i) const { return static_cast<size_t>(hits_[i]->words); }
  bool Clean(size_t i) const {
    return hits_[i] && hits_[i]->clitic_letters == 0 && !hits_[i]->fused_article;
  }
  // "aam", "sana" (year), or the year unit with the article, before a number.
  bool YearWord(size_t i) const { return K(i) == kYearWord || (K(i) == kUnit && V(i) == kYear); }

  uint32_t StartOf(size_t i) const {
    const Token& tok = t_.tok(i);
    if (!hits_[i] || hits_[i]->clitic_letters == 0) return tok.start;
    return SkipLetters(t_.text(), tok.start, tok.end, hits_[i]->clitic_letters);
  }

  // A plain integer token: its value and digit count.
  bool Int(size_t i, int* v, int* digits) const {
    if (i >= t_.size() || t_.tok(i).kind != TokenKind::kNumber) return false;
    const std::string_view k = t_.key(i);
    if (k.empty() || k.size() > 4) return false;
    int n = 0;
    for (char c : k) {
      if (c < '0' || c > '9') return false;
      n = n * 10 + (c - '0');
    }
    *v = n;
    *digits = static_cast<int>(k.size());
    return true;
  }
  bool Year4(size_t i, int* y) const {
    int d;
    return Int(i, y, &d) && d == 4 && *y >= 1000 && *y <= 2100;
  }
  bool Day(size_t i, int* d) const {
    int n;
    return Int(i, d, &n) && n <= 2 && *d >= 1 && *d <= 31;
  }

  // An optional calendar marker after a year: 2016 + meem (AD), 1436 + heh (AH), "hijri".
  size_t Calendar(size_t k, RawDate* r, bool* marked) const {
    *marked = false;
    if (K(k) == kCalH || K(k) == kCalG) {
      r->hijri = K(k) == kCalH;
      *marked = true;
      return k + 1;
    }
    return k;
  }

  // [year word] [(] YYYY [)] [AH|AD marker], after a month or a day.
  size_t TrailingYear(size_t k, RawDate* r) const {
    size_t j = k;
    if (K(j) == kFrom && (YearWord(j + 1) || Year4(j + 1, &r->year))) ++j;
    if (YearWord(j) && Clean(j)) ++j;
    bool paren = t_.IsPunct(j, '(');
    if (paren) ++j;
    int y;
    if (!Year4(j, &y)) return k;
    ++j;
    if (paren) {
      if (!t_.IsPunct(j, ')')) return k;
      ++j;
    }
    r->year = y;
    const bool hijri = r->hijri;
    bool marked;
    j = Calendar(j, r, &marked);
    if (!marked) r->hijri = hijri;
    return j;
  }

  // A number token with two inner dots or commas: "6.6.2015".
  bool Dotted(size_t i, int* a, int* da, int* b, int* db, int* c, int* dc) const {
    if (i >= t_.size() || t_.tok(i).kind != TokenKind::kNumber) return false;
    const std::string_view k = t_.key(i);
    int* vals[3] = {a, b, c};
    int* lens[3] = {da, db, dc};
    size_t part = 0;
    *a = *b = *c = *da = *db = *dc = 0;
    for (char ch : k) {
      if (ch == '.') {
        if (++part > 2) return false;
      } else if (ch >= '0' && ch <= '9' && *lens[part] < 4) {
        *vals[part] = *vals[part] * 10 + (ch - '0');
        ++*lens[part];
      } else {
        return false;
      }
    }
    return part == 2 && *da > 0 && *db > 0 && *dc > 0;
  }

  bool Numeric(size_t j, RawDate* r) const {
    int a, b, c, da, db, dc;
    size_t k;
    auto sep = [&](size_t i) {
      return t_.IsPunct(i, '/') || t_.IsPunct(i, '-') || t_.IsPunct(i, '.');
    };
    if (Int(j, &a, &da) && sep(j + 1) && Int(j + 2, &b, &db) && sep(j + 3) && Int(j + 4, &c, &dc)) {
      k = j + 5;
    } else if (Dotted(j, &a, &da, &b, &db, &c, &dc)) {
      k = j + 1;  // "6.6.2015" is one number token.
    } else {
      return false;
    }
    int y, m, d;
    if (da == 4 && dc <= 2) {
      y = a, m = b, d = c;
    } else if (dc == 4 && da <= 2 && db <= 2) {
      y = c, m = b, d = a;
      if (m > 12 && d <= 12) std::swap(m, d);
    } else {
      return false;
    }
    if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 2100) return false;
    r->type = RawType::kNumeric;
    r->year = y, r->month = m, r->day = d;
    bool marked;
    r->te = Calendar(k, r, &marked);
    if (!marked) r->hijri = y < 1600;
    return true;
  }

  // A Gregorian or Hijri month with its pair, year and direction. `supported`: a day or a
  // modifier precedes, so a weak name counts.
  bool Month(size_t j, RawDate* r, bool supported) const {
    // The month of "quwa 14 adhar" and "quwa al-rabi' 'ashar min adhar" (see DayFirst).
    if (j >= 2 && K(j - 2) == kNameHead && t_.tok(j - 1).kind == TokenKind::kNumber) return false;
    if (j >= 1 && K(j - 1) == kFrom) {
      for (size_t o = j - 1; o-- > 0 && o + 3 >= j;) {
        if (K(o) == kOrd && o + W(o) == j - 1) {
          if (o > 0 && K(o - 1) == kNameHead) return false;
          break;
        }
      }
    }
    size_t k = j;
    const bool month_word = K(k) == kMonthWord;
    if (month_word) ++k;
    const int kind = K(k);
    const bool rare = kind == kGMonthRare;
    const bool greg = kind == kGMonth || kind == kGMonthWeak || rare;
    if (!greg && kind != kHMonth && kind != kHMonthWeak) return false;
    if (month_word && !Clean(k)) return false;
    const bool weak = kind == kGMonthWeak || kind == kHMonthWeak || rare;
    r->hijri = !greg;
    r->month = V(k);
    k += W(k);
    bool paired = false;
    if (greg) {
      auto is_g = [&](size_t i) {
        return K(i) == kGMonth || K(i) == kGMonthWeak || K(i) == kGMonthRare;
      };
      auto guillemet = [&](size_t i, std::string_view g) { return i < t_.size() && t_.key(i) == g; };
      if (t_.IsPunct(k, '(') && is_g(k + 1) && t_.IsPunct(k + 1 + W(k + 1), ')')) {
        k += W(k + 1) + 2;
        paired = true;
      } else if (guillemet(k, "\u00ab") && is_g(k + 1) &&
                 guillemet(k + 1 + W(k + 1), "\u00bb")) {  // "9 yulyu << tammuz >>"
        k += W(k + 1) + 2;
        paired = true;
      } else if (t_.IsPunct(k, '/') && is_g(k + 1)) {
        k += W(k + 1) + 1;
        paired = true;
      } else if (is_g(k) && Clean(k) && V(k) == r->month) {
        k += W(k);
        paired = true;
      }
    }
    const size_t before_year = k;
    k = TrailingYear(k, r);
    bool has_year = k != before_year;
    // "yanayir min al-sana dhatiha", "min al-'am nafsihi", "min nafs al-'am", "min dhalika al-'am".
    if (!has_year && K(k) == kFrom) {
      auto year_unit = [&](size_t i) { return K(i) == kUnit && V(i) == kYear; };
      size_t e = 0;
      auto same = [&](size_t i) {
        if (K(i) == kSame) return true;
        const std::string_view w = t_.key(i);  // nafsuhu, nafsuha, dhatuhu, dhatuha
        return w == "\u0646\u0641\u0633\u0647" || w == "\u0646\u0641\u0633\u0647\u0627" ||
               w == "\u0630\u0627\u062a\u0647" || w == "\u0630\u0627\u062a\u0647\u0627";
      };
      if (year_unit(k + 1) && same(k + 2)) e = k + 3;
      if (K(k + 1) == kSame && year_unit(k + 2)) e = k + 3;
      // "uktubar min dhalika al-'am", "min tilka al-sana": that year, the one named before.
      const std::string_view that = k + 1 < t_.size() ? t_.key(k + 1) : std::string_view();
      if ((that == "\u0630\u0644\u0643" || that == "\u062a\u0644\u0643" || that == "\u0630\u0627\u0643") &&
          year_unit(k + 2)) {
        e = k + 3;
      }
      if (e != 0) {
        r->same_year = true;
        has_year = true;
        k = e;
      }
    }
    bool blessed = false;
    if (K(k) == kDir && Clean(k)) {
      r->dir = V(k);
      ++k;
    } else if (!greg && K(k) == kBlessed) {
      blessed = true;
      ++k;
    }
    const bool prep = j > 0 && (K(j - 1) == kPrep || K(j - 1) == kTo || K(j - 1) == kSince ||
                                K(j - 1) == kContract);
    // "since December" is past; "for September delivery" is this or a coming month.
    if (j > 0 && K(j - 1) == kSince) r->lean = -1;
    if (j > 0 && K(j - 1) == kContract) r->lean = 1;
    if (weak && !(supported || month_word || paired || has_year || blessed || r->dir != kNoDir ||
                  (greg && prep))) {
      return false;
    }
    r->type = RawType::kMonth;
    r->te = k;
    return true;
  }

  bool DayFirst(size_t j, RawDate* r) const {
    int d = 0;
    const bool digits = Day(j, &d);
    if (!digits) {
      if (K(j) == kFirstDay) {  // "ghurrat Shawwal": the first day of the month.
        d = 1;
      } else if (K(j) != kOrd || V(j) < 1 || K(j + W(j)) != kFrom) {
        return false;
      } else {
        d = V(j);
      }
    }
    // "quwa 14 adhar", "quwa al-rabi' 'ashar min adhar": a day and month after such a word name
    // a coalition, not a date.
    if (j > 0 && K(j - 1) == kNameHead) return false;
    // "al-usbu' al-thani min al-shahr al-jari": the ordinal counts weeks (or quarters), not days.
    if (!digits && j > 0 && K(j - 1) == kUnit) return false;
    size_t k = digits ? j + 1 : j + W(j);  // "al-khamis 'ashar min": a two-word ordinal.
    if (K(k) == kFrom) ++k;
    if (K(k) == kSame && K(k + 1) == kUnit && V(k + 1) == kMonth) {
      r->type = RawType::kDay;
      r->same_month = true;
      r->day = d;
      r->te = k + 2;
      return true;
    }
    if (Month(k, r, true)) {
      r->type = RawType::kDay;
      r->day = d;
      return true;
    }
    // "the 15th of the current month", "al-'ishrin min al-shahr al-jari": a day of a relative
    // month.
    if ((digits || K(j) == kOrd) && K(k) == kUnit && V(k) == kMonth && Clean(k) &&
        K(k + 1) == kDir) {
      r->type = RawType::kDay;
      r->day = d;
      r->month_dir = V(k + 1);
      r->te = k + 2;
      return true;
    }
    // "14 and 17 August": a day whose month comes with the next day.
    // Also a range: "from 1 to 15 August", "1-15 August".
    const bool joiner = t_.key(k) == kWawKey || K(k) == kTo || t_.IsPunct(k, '-');
    if (digits && k == j + 1 && joiner) {
      // The next day must carry the month itself (no recursion: lists stay linear).
      int d2;
      RawDate next;
      const size_t m = K(k + 2) == kFrom ? k + 3 : k + 2;
      if (Day(k + 1, &d2) && Month(m, &next, true)) {
        r->type = RawType::kDay;
        r->day = d;
        r->day_list = true;
        r->te = j + 1;
        return true;
      }
    }
    return false;
  }

  bool Year(size_t j, RawDate* r) const {
    size_t k = j;
    const bool word = YearWord(k);
    if (word) ++k;
    const bool paren = t_.IsPunct(k, '(');
    if (paren) ++k;
    int y, digits;
    if (!Int(k, &y, &digits) || digits != 4) return false;
    ++k;
    if (paren) {
      if (!t_.IsPunct(k, ')')) return false;
      ++k;
    }
    bool marked;
    k = Calendar(k, r, &marked);
    // A season or range label: 1436/1437 AH gives two years; the first takes the second's calendar.
    int y2;
    if (!marked && (t_.IsPunct(k, '/') || t_.IsPunct(k, '-')) && Year4(k + 1, &y2)) {
      RawDate second;
      bool second_marked;
      Calendar(k + 2, &second, &second_marked);
      if (second_marked) {
        r->hijri = second.hijri;
        marked = true;
      }
    }
    if (!marked) r->hijri = y < 1600;
    if (!word && !marked) {  // A bare or parenthesized number: a year only if plausible.
      // 1600-1899 only as the start of a span of years that ends as a plausible bare year
      // ("1887 - 1958", "bayna 1887 wa-1958": a lifespan).
      int end_year = 0;
      const bool span_start = (t_.IsPunct(k, '-') || t_.key(k) == "\xD9\x88") &&
                              Year4(k + 1, &end_year) && end_year >= 1900 && end_year - y < 120 &&
                              (k + 2 >= t_.size() || t_.tok(k + 2).kind == TokenKind::kPunct);
      if (y < (span_start ? 1600 : 1900) || y > 2100) return false;
      if (K(k) == kNonYear || t_.IsPunct(k, '%')) return false;
      if (j > 0 && K(j - 1) == kQuantity) return false;  // "bi-waqi' 2000": an amount.
    } else if (y < 1000 || y > 2100 || (!r->hijri && y < 1600 && !word)) {
      return false;
    }
    r->type = RawType::kYear;
    r->year = y;
    r->te = k;
    return true;
  }

  bool Period(size_t j, RawDate* r) const {
    size_t k = j;
    int unit = 0;
    if (K(k) == kUnit && (V(k) == kQuarter || V(k) == kHalf)) {
      unit = V(k);
      ++k;
    } else if (K(k) == kQBare || K(k) == kQWeak) {
      unit = kQuarter;
      ++k;
    } else {
      return false;
    }
    const bool needs_year = K(j) == kQWeak;  // "al-fasl" is also a school term or a chapter.
    int ord, digits;
    if (K(k) == kOrd) {
      ord = V(k);
    } else if (!(Int(k, &ord, &digits) && digits == 1)) {
      return false;
    }
    const int max = unit == kQuarter ? 4 : 2;
    if (ord == -1) ord = max;
    if (ord < 1 || ord > max) return false;
    ++k;
    if (K(k) == kDir && Clean(k)) ++k;  // "the last second quarter": the same year.
    r->type = RawType::kPeriod;
    r->unit = unit;
    r->ord = ord;
    // The year: "of 2015", "of the year", "of year 2016", "the current year", "of last year".
    size_t y = k;
    if (K(y) == kFrom) ++y;
    if (Year4(y, &r->year)) {
      k = y + 1;
    } else if (YearWord(y) && Year4(y + 1, &r->year) && Clean(y)) {
      k = y + 2;
    } else {
      size_t u = y;
      const bool this_word = K(u) == kThis;
      if (this_word) ++u;
      if (K(u) == kUnit && V(u) == kYear && (y > k || !Clean(u) || this_word || K(u + 1) == kDir)) {
        r->year_dir = 0;
        k = u + 1;
        if (K(k) == kDir && Clean(k)) {
          r->year_dir = V(k);
          ++k;
        }
      }
    }
    if (needs_year && r->year == 0 && r->year_dir == kNoDir) return false;
    r->te = k;
    return true;
  }

  bool RelPeriod(size_t j, RawDate* r, int mod) const {
    size_t k = j;
    const bool this_word = K(k) == kThis;
    if (this_word) ++k;
    if (K(k) != kUnit) return false;
    if (this_word && !Clean(k)) return false;
    r->unit = V(k);
    ++k;
    if (K(k) == kDir && Clean(k)) {
      r->dir = V(k);
      ++k;
    } else if (this_word || mod != 0) {
      r->dir = 0;
    } else {
      return false;
    }
    if (r->unit == kSummer && !this_word && r->dir == 0 && mod == 0) return false;
    if (r->unit == kQuarter && K(k) == kFrom && K(k + 1) == kUnit && V(k + 1) == kYear) k += 2;
    r->type = RawType::kRelPeriod;
    r->te = k;
    // "last year, the second quarter": a year followed by a quarter or half of it.
    RawDate period;
    if (r->unit == kYear && mod == 0 && Period(k, &period) && period.year == 0 &&
        period.year_dir == kNoDir) {
      period.year_dir = r->dir;
      *r = period;
    }
    return true;
  }

  bool RelDay(size_t j, RawDate* r) const {
    if (K(j) != kRelDay) return false;
    r->rel_day = V(j);
    size_t k = j + W(j);
    if (r->rel_day == 0 && W(j) == 1) {  // "today": not a name, not "the national day".
      if ((K(k) == kNotDay || K(k) == kOrd) && Clean(k)) return false;
      if (j > 0 && K(j - 1) == kNotDayPrev) return false;
    }
    if (K(k) == kWeekday && Clean(k)) {
      r->weekday = V(k);
      ++k;
    }
    r->type = RawType::kRelDay;
    r->te = k;
    return true;
  }

  bool Weekday(size_t j, RawDate* r) const {
    if (K(j) != kWeekday) return false;
    r->weekday = V(j);
    size_t k = j + 1;
    if (K(k) == kDir && Clean(k)) {
      r->dir = V(k);
      ++k;
    }
    r->type = RawType::kWeekday;
    r->te = k;
    for (size_t i = k; i < k + 5 && i < t_.size(); ++i) {
      if (K(i) == kEvery) r->recurring = true;
      if (t_.IsPunct(i, '.')) break;
    }
    if (K(k) == kAgree) r->agree = true;
    for (size_t back = 1; back <= 12 && back <= j; ++back) {
      const size_t i = j - back;
      if (t_.IsPunct(i, '.') || t_.IsPunct(i, '\n')) break;
      if (K(i) == kFuture) r->future = true;
    }
    return true;
  }

  bool ParseAt(size_t i, RawDate* r) const {
    size_t j = i;
    int mod = 0;
    if (K(j) == kMod && !(j > 0 && K(j - 1) == kBlock)) {
      mod = V(j);
      ++j;
    }
    r->mod = mod;
    if (Numeric(j, r) || DayFirst(j, r) || Month(j, r, mod != 0) || Period(j, r) || Year(j, r) ||
        RelPeriod(j, r, mod)) {
      return true;
    }
    if (mod != 0) return false;
    if (RelDay(j, r) || Weekday(j, r)) return true;
    if (K(j) == kDayWord && Clean(j)) {
      return DayFirst(j + 1, r) || RelDay(j + 1, r) || Weekday(j + 1, r);
    }
    return false;
  }

  const FoldedTokens& t_;
  std::vector<std::optional<WordHit>> hits_;
};

}  // namespace

DateExtractor::DateExtractor(std::shared_ptr<const DateLexicon> lexicon)
    : lexicon_(std::move(lexicon)) {}

Result<DateExtractor> DateExtractor::Create() {
  auto lexicon = std::make_shared<DateLexicon>();
  const std::string_view calendar(khabar_dates_calendar_begin,
                                  khabar_dates_calendar_end - khabar_dates_calendar_begin);
  const std::string_view words(khabar_dates_words_begin,
                               khabar_dates_words_end - khabar_dates_words_begin);
  KHABAR_RETURN_IF_ERROR(lexicon->words.Load(calendar, "dates_calendar.tsv", KindOf));
  KHABAR_RETURN_IF_ERROR(lexicon->words.Load(words, "dates_words.tsv", KindOf));
  return DateExtractor(std::move(lexicon));
}

std::vector<DateMention> DateExtractor::Extract(std::string_view text, Field field,
                                                std::optional<CivilDate> published) const {
  if (text.empty()) return {};
  return Extract(FoldedTokens(text), field, published);
}

std::vector<DateMention> DateExtractor::Extract(const FoldedTokens& tokens, Field field,
                                                std::optional<CivilDate> published) const {
  std::vector<DateMention> out;
  if (tokens.size() == 0) return out;
  std::vector<RawDate> raw;
  Parser(lexicon_->words, tokens).Run(&raw);
  ResolveDates(tokens.text(), field, published, raw, &out);
  return out;
}

}  // namespace khabar::text
