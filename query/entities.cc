#include "query/entities.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "core/time.h"
#include "query/cursor.h"
#include "query/doc_walk.h"

namespace khabar::query {
namespace {

constexpr uint8_t kArticlesCursor = 'a';

// Normalized words joined by single spaces: the shape of EntityInfo::key.
std::string NormalizedWords(std::string_view s) {
  std::string out;
  for (const std::string& w : NameWords(s)) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

// True when prefix starts at the beginning of a word of name.
bool WordPrefix(std::string_view name, std::string_view prefix) {
  for (size_t pos = name.find(prefix); pos != std::string_view::npos;
       pos = name.find(prefix, pos + 1)) {
    if (pos == 0 || name[pos - 1] == ' ') return true;
  }
  return false;
}

bool NameMatches(const storage::EntityInfo& e, std::string_view prefix) {
  if (prefix.empty() || WordPrefix(e.key, prefix)) return true;
  for (const auto& [alias, count] : e.aliases) {
    if (WordPrefix(NormalizedWords(alias), prefix)) return true;
  }
  return false;
}

EntitySummary Summary(const storage::EntityInfo& e) {
  return EntitySummary{e.id, e.type, e.canonical, e.mentions, e.articles};
}

bool MoreMentioned(const EntitySummary& a, const EntitySummary& b) {
  if (a.mentions != b.mentions) return a.mentions > b.mentions;
  if (a.articles != b.articles) return a.articles > b.articles;
  return a.id < b.id;
}

Result<const storage::EntityInfo*> Find(const storage::IndexView& view, uint32_t id) {
  const storage::EntityInfo* e = view.Entity(id);
  if (!e || e->articles == 0) return NotFound("no entity " + std::to_string(id));
  return e;
}

// The live documents of an entity, ascending.
std::vector<uint32_t> LiveDocs(const storage::IndexView& view, uint32_t id) {
  std::vector<uint32_t> out;
  for (const auto& [docno, mentions] : view.EntityDocs(id)) {
    if (view.Doc(docno)) out.push_back(docno);
  }
  return out;
}

Result<std::optional<DocPosition>> ParseArticlesCursor(std::string_view cursor) {
  if (cursor.empty()) return std::optional<DocPosition>();
  const auto bytes = DecodeCursor(cursor);
  DocPosition p;
  uint8_t tag = 0;
  if (bytes) {
    CursorReader r(*bytes);
    if (r.Byte(&tag) && tag == kArticlesCursor && r.I64(&p.published_ms) && r.U32(&p.docno) &&
        r.done()) {
      return std::optional<DocPosition>(p);
    }
  }
  return InvalidArgument("cursor is not one this endpoint returned", "cursor", "invalid_cursor");
}

}  // namespace

std::vector<EntitySummary> ListEntities(const storage::IndexView& view, const EntityListQuery& q) {
  const std::string prefix = NormalizedWords(q.prefix);
  std::vector<EntitySummary> out;
  view.ForEachEntity([&](const storage::EntityInfo& e) {
    if (q.type && e.type != *q.type) return;
    if (NameMatches(e, prefix)) out.push_back(Summary(e));
  });
  const size_t n = std::min(q.limit, out.size());
  std::partial_sort(out.begin(), out.begin() + static_cast<ptrdiff_t>(n), out.end(), MoreMentioned);
  out.resize(n);
  return out;
}

Result<EntityDetail> GetEntity(const storage::IndexView& view, uint32_t id) {
  auto e = Find(view, id);
  if (!e.ok()) return e.status();
  EntityDetail d;
  d.summary = Summary(**e);
  d.aliases = (*e)->aliases;
  std::stable_sort(d.aliases.begin(), d.aliases.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  // Recomputed from the live articles: deleting an article may move either end.
  bool first = true;
  for (uint32_t docno : LiveDocs(view, id)) {
    const int64_t ms = view.Doc(docno)->published_ms;
    if (first || ms < d.first_seen_ms) d.first_seen_ms = ms;
    if (first || ms > d.last_seen_ms) d.last_seen_ms = ms;
    first = false;
  }
  return d;
}

Result<ArticlePage> EntityArticles(const storage::IndexView& view, uint32_t id,
                                   std::string_view cursor, size_t limit) {
  auto e = Find(view, id);
  if (!e.ok()) return e.status();
  auto after = ParseArticlesCursor(cursor);
  if (!after.ok()) return after.status();
  NewestFirst walk(view, LiveDocs(view, id), TimeRange{}, *after);
  ArticlePage page;
  ArticleCache articles(view);
  DocPosition last;
  while (auto p = walk.Next()) {
    if (*after && *p == **after) continue;  // The last document of the previous page.
    if (page.articles.size() == limit) {    // One more exists: this page is not the last.
      page.next_cursor =
          CursorWriter().Byte(kArticlesCursor).I64(last.published_ms).U32(last.docno).Encode();
      break;
    }
    auto a = articles.Get(p->docno);
    if (!a.ok()) return a.status();
    page.articles.push_back(ArticleRef{(*a)->article.id, (*a)->article.title,
                                       (*a)->article.published_at, p->published_ms});
    last = *p;
  }
  return page;
}

std::optional<Interval> ParseInterval(std::string_view name) {
  if (name == "day") return Interval::kDay;
  if (name == "week") return Interval::kWeek;
  if (name == "month") return Interval::kMonth;
  return std::nullopt;
}

std::optional<EntityType> ParseEntityType(std::string_view name) {
  for (EntityType t : {EntityType::kPerson, EntityType::kOrganization, EntityType::kPlace}) {
    if (name == EntityTypeName(t)) return t;
  }
  return std::nullopt;
}

std::string PeriodName(int64_t day, Interval interval) {
  char buf[16];
  if (interval == Interval::kDay) return FormatDate(CivilFromDays(day));
  if (interval == Interval::kMonth) {
    const CivilDate d = CivilFromDays(day);
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
    return buf;
  }
  // ISO 8601: weeks start on Monday, and week 1 holds the year's first Thursday.
  const int from_monday = (Weekday(day) + 6) % 7;
  const int64_t thursday = day - from_monday + 3;
  const int year = CivilFromDays(thursday).year;
  const int64_t week = (thursday - DaysFromCivil(CivilDate{year, 1, 1})) / 7 + 1;
  std::snprintf(buf, sizeof buf, "%04d-W%02d", year, static_cast<int>(week));
  return buf;
}

Result<std::vector<TimelineBucket>> EntityTimeline(const storage::IndexView& view, uint32_t id,
                                                   Interval interval) {
  auto e = Find(view, id);
  if (!e.ok()) return e.status();
  std::map<std::string, uint64_t> counts;  // Period names sort in time order.
  for (uint32_t docno : LiveDocs(view, id)) ++counts[PeriodName(view.Doc(docno)->day, interval)];
  std::vector<TimelineBucket> out;
  out.reserve(counts.size());
  for (auto& [period, n] : counts) out.push_back(TimelineBucket{period, n});
  return out;
}

Result<std::vector<RelatedEntity>> RelatedEntities(const storage::IndexView& view, uint32_t id,
                                                   size_t limit) {
  auto e = Find(view, id);
  if (!e.ok()) return e.status();
  std::unordered_map<uint32_t, uint64_t> shared;
  for (uint32_t docno : LiveDocs(view, id)) {
    for (uint32_t other : view.Doc(docno)->entities) {
      if (other != id) ++shared[other];
    }
  }
  std::vector<RelatedEntity> out;
  out.reserve(shared.size());
  for (const auto& [other, count] : shared) {
    const storage::EntityInfo* o = view.Entity(other);
    if (o) out.push_back(RelatedEntity{Summary(*o), count});
  }
  auto more_shared = [](const RelatedEntity& a, const RelatedEntity& b) {
    if (a.count != b.count) return a.count > b.count;
    return MoreMentioned(a.entity, b.entity);
  };
  const size_t n = std::min(limit, out.size());
  std::partial_sort(out.begin(), out.begin() + static_cast<ptrdiff_t>(n), out.end(), more_shared);
  out.resize(n);
  return out;
}

}  // namespace khabar::query
