#pragma once
// Full-text search: parse -> match -> filter -> rank (BM25F with a title boost, ties by recency)
// -> page (cursor) -> facets -> highlights. The ranking is described in docs/search.md.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "storage/store.h"
#include "text/terms.h"

namespace khabar::query {

struct SearchRequest {
  std::string q;
  std::vector<std::string> sources;       // Any of them; empty means all.
  std::optional<int64_t> from_ms, to_ms;  // Inclusive bounds on published_at.
  std::optional<uint32_t> entity;
  size_t limit = 10;                // At most kMaxLimit.
  std::string cursor;               // From a previous page's next_cursor.
  std::vector<std::string> facets;  // source, day, people, organizations, places.
  bool highlight = true;

  static constexpr size_t kMaxLimit = 1000;
};

struct FacetValue {
  std::string value;
  uint64_t count = 0;
};

struct SearchHit {
  std::string id;
  double score = 0;
  std::string title;
  std::string source;
  std::string published_at;
  std::vector<std::string> title_highlights;
  std::vector<std::string> body_highlights;
};

struct SearchResult {
  uint64_t total = 0;
  std::vector<SearchHit> hits;
  std::vector<std::pair<std::string, std::vector<FacetValue>>> facets;
  std::string next_cursor;  // Empty at the end.
};

struct SearchOptions {
  // BM25 saturation. Default: 1.2.
  double k1 = 1.2;
  // BM25 length normalization, per field. Default: 0.75.
  double b = 0.75;
  // Weight of a title occurrence relative to a body occurrence. Default: 3.
  double title_weight = 3.0;
  // Values per entity facet. Default: 10.
  size_t facet_size = 10;
  // Body snippets per hit, and their length in bytes around the first match. Default: 3, 120.
  size_t snippets = 3;
  size_t snippet_radius = 120;
};

class Searcher {
 public:
  Searcher(const storage::Store& store, std::shared_ptr<const text::TermAnalyzer> terms,
           const SearchOptions& options = {});

  Result<SearchResult> Search(const SearchRequest& request) const;

 private:
  const storage::Store& store_;
  std::shared_ptr<const text::TermAnalyzer> terms_;
  const SearchOptions options_;
};

}  // namespace khabar::query
