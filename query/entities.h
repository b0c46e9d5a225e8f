#pragma once
// The entity read use cases: autocomplete, one entity, its articles (newest first, paged), its
// timeline, and the entities that appear with it. Entities are merged across articles by the
// normalized key of their canonical name (ingest/index_builder.cc, docs/search.md).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/analysis.h"
#include "core/status.h"
#include "storage/index_view.h"

namespace khabar::query {

struct EntitySummary {
  uint32_t id = 0;
  EntityType type = EntityType::kPerson;
  std::string canonical;
  uint64_t mentions = 0;
  uint64_t articles = 0;
};

struct EntityListQuery {
  // Matched, normalized, at the start of any word of the canonical name or of an alias; empty
  // lists every entity. Default: "".
  std::string prefix;
  // Only entities of this type. Default: any.
  std::optional<EntityType> type;
  // At most this many, most mentioned first. Default: 20.
  size_t limit = 20;
};

std::vector<EntitySummary> ListEntities(const storage::IndexView& view, const EntityListQuery& q);

struct EntityDetail {
  EntitySummary summary;
  std::vector<std::pair<std::string, uint64_t>> aliases;  // Most mentioned first.
  int64_t first_seen_ms = 0;  // Earliest and latest published_at of its live articles.
  int64_t last_seen_ms = 0;
};

// kNotFound for an id that names no entity with live articles.
Result<EntityDetail> GetEntity(const storage::IndexView& view, uint32_t id);

struct ArticleRef {
  std::string id;
  std::string title;
  std::string published_at;  // As the article was sent.
  int64_t published_ms = 0;
};

struct ArticlePage {
  std::vector<ArticleRef> articles;
  std::string next_cursor;  // Empty on the last page.
};

// The entity's articles newest first (published_at, then docno), limit at a time, resuming
// after cursor (from a previous page; empty for the first). kInvalidArgument (field "cursor")
// for a cursor this query did not make.
Result<ArticlePage> EntityArticles(const storage::IndexView& view, uint32_t id,
                                   std::string_view cursor, size_t limit);

enum class Interval { kDay, kWeek, kMonth };
std::optional<Interval> ParseInterval(std::string_view name);
std::optional<EntityType> ParseEntityType(std::string_view name);

// The period of a day (days since 1970-01-01): YYYY-MM-DD, ISO week YYYY-Www, or YYYY-MM.
std::string PeriodName(int64_t day, Interval interval);

struct TimelineBucket {
  std::string period;
  uint64_t articles = 0;
};

// Articles per period, ascending, periods without articles left out.
Result<std::vector<TimelineBucket>> EntityTimeline(const storage::IndexView& view, uint32_t id,
                                                   Interval interval);

struct RelatedEntity {
  EntitySummary entity;
  uint64_t count = 0;  // Articles shared with the entity asked about.
};

// The entities that share articles with id, most shared first.
Result<std::vector<RelatedEntity>> RelatedEntities(const storage::IndexView& view, uint32_t id,
                                                   size_t limit);

}  // namespace khabar::query
