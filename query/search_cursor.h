#pragma once
// The search cursor: where the last page ended, plus everything that ranking depends on (the
// document high-water mark and the collection statistics of the first page), so that every
// page ranks the same way while articles are being added and each hit is returned exactly once.

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "query/search.h"

namespace khabar::query {

struct SearchCursor {
  uint64_t fingerprint = 0;  // Of the query and filters: a cursor only continues its own search.
  uint32_t hwm = 0;          // Documents created after the first page (higher docnos) are out.
  uint64_t docs = 0;
  uint64_t title_terms = 0;
  uint64_t body_terms = 0;
  std::map<std::string, uint64_t> df;
  bool has_last = false;
  double last_score = 0;
  int64_t last_published_ms = 0;
  uint32_t last_docno = 0;
};

std::string EncodeSearchCursor(const SearchCursor& c);
std::optional<SearchCursor> DecodeSearchCursor(const std::string& token);

// A hash of what selects and orders the hits (query, filters; not limit, facets, highlight).
uint64_t RequestFingerprint(const SearchRequest& r);

}  // namespace khabar::query
