#pragma once
// Date mentions in Arabic news (shared/spec/annotation-guide.md section 2): Gregorian months of
// every regional family, Hijri days, months and years, numeric dates, years, weekdays, relative
// days, named relative periods, quarters and halves, with their modifiers. Values are resolved
// against the publication day. Rules and figures: docs/design/dates.md.

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/status.h"
#include "core/time.h"
#include "text/word_table.h"

namespace khabar::text {

class DateLexicon;

class DateExtractor {
 public:
  // Parses the embedded lexicons (text/lexicon/dates_*.tsv). Fails only on corrupt data.
  static Result<DateExtractor> Create();

  // The dates of one field, in text order. `published` (the crawl or print day) resolves relative
  // expressions; without it their value is null. Const and thread-safe.
  std::vector<DateMention> Extract(std::string_view text, Field field,
                                   std::optional<CivilDate> published) const;
  // The same over a field already tokenized and folded (shared with the quote extractor).
  std::vector<DateMention> Extract(const FoldedTokens& tokens, Field field,
                                   std::optional<CivilDate> published) const;

 private:
  explicit DateExtractor(std::shared_ptr<const DateLexicon> lexicon);

  std::shared_ptr<const DateLexicon> lexicon_;
};

// The publication day of an RFC 3339 timestamp or a YYYY-MM-DD date: the calendar date as written
// (the writer's local day, "2015-08-06T01:00:00+03:00" is 2015-08-06), or nullopt if malformed.
std::optional<CivilDate> PublicationDay(std::string_view published_at);

// The Umm al-Qura calendar (Saudi Arabia's official one, which Gulf news writes in) for Hijri
// years 1300-1500, from the table text/lexicon/umm_al_qura.tsv (scripts/gen_umm_al_qura.sh);
// outside it the tabular (arithmetical) calendar (leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26,
// 29 of each 30-year cycle). Month is 1-12. Days since 1970-01-01.
int64_t DaysFromHijri(int year, int month, int day);
void HijriFromDays(int64_t days, int* year, int* month, int* day);

}  // namespace khabar::text
