#pragma once
// What the entity, figure and quote queries share: candidate documents (all, by time, by words,
// by entity), their newest-first order with a resumable position, and article loading for
// context snippets. Everything here reads one IndexView and lives no longer than one query.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/article.h"
#include "core/status.h"
#include "storage/index_view.h"
#include "text/terms.h"

namespace khabar::query {

// Context snippets: about this many bytes on each side of the figure or quote.
inline constexpr size_t kContextRadius = 120;

// A document's place in newest-first order: published_ms descending, then docno descending.
struct DocPosition {
  int64_t published_ms = 0;
  uint32_t docno = 0;
  bool operator==(const DocPosition&) const = default;
};

// A figure's or quote's place: its article's, then its index in the article.
struct ItemPosition {
  DocPosition doc;
  uint16_t index = 0;
};

// The cursor of an item position, tagged by the query that made it.
std::string EncodeItemCursor(uint8_t tag, const ItemPosition& p);
// The position of a cursor from EncodeItemCursor with the same tag; nullopt for an empty cursor;
// kInvalidArgument (field "cursor") for anything else.
Result<std::optional<ItemPosition>> ParseItemCursor(uint8_t tag, std::string_view cursor);

// True when a comes before b in newest-first order.
bool NewerFirst(const DocPosition& a, const DocPosition& b);

// An inclusive range of published_at; an absent end is open.
struct TimeRange {
  std::optional<int64_t> from_ms;
  std::optional<int64_t> to_ms;
  bool Contains(int64_t ms) const {
    return (!from_ms || ms >= *from_ms) && (!to_ms || ms <= *to_ms);
  }
  bool bounded() const { return from_ms || to_ms; }
};

// Parses ?from= and ?to= (YYYY-MM-DD or RFC 3339). A plain date as `to` includes its whole day.
// Errors name the field.
Result<TimeRange> ParseTimeRange(std::string_view from, std::string_view to);

// The normalized words of a name, as the index keys entities and speakers
// (ingest/index_builder.cc).
std::vector<std::string> NameWords(std::string_view name);

// The search terms of the words of q, stop words dropped, each term once.
std::vector<std::string> QueryTerms(const text::TermAnalyzer& analyzer, std::string_view q);

// Live documents containing every term (ascending docnos). No terms means no restriction: nullopt.
std::optional<std::vector<uint32_t>> DocsWithAllTerms(const storage::IndexView& view,
                                                      const std::vector<std::string>& terms);

// Live documents published within range (every live document when it is unbounded), ascending.
std::vector<uint32_t> DocsInRange(const storage::IndexView& view, const TimeRange& range);

// The docnos of both ascending lists, ascending.
std::vector<uint32_t> Intersect(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

// Yields live documents newest first, lazily: a heap costs O(n) to build and O(log n) per
// document taken, so a first page does not sort the whole candidate list.
class NewestFirst {
 public:
  // Documents from `start` on (inclusive) when start is given; dead documents and those outside
  // range are skipped.
  NewestFirst(const storage::IndexView& view, const std::vector<uint32_t>& docnos,
              const TimeRange& range, std::optional<DocPosition> start);

  std::optional<DocPosition> Next();

 private:
  std::vector<DocPosition> heap_;
};

// Loads the articles of one query once each (figures and quotes of one article share it).
class ArticleCache {
 public:
  explicit ArticleCache(const storage::IndexView& view) : view_(view) {}
  Result<const StoredArticle*> Get(uint32_t docno);

 private:
  const storage::IndexView& view_;
  std::unordered_map<uint32_t, StoredArticle> articles_;
};

// The context snippet of a span of the article (title or body).
std::string SpanContext(const Article& article, const Span& span);

}  // namespace khabar::query
