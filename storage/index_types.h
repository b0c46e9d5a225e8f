#pragma once
// The read-side view of the index: per-document metadata and merged entities, kept in memory and
// rebuilt from RocksDB at start-up. Plain values: callers never see RocksDB.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/analysis.h"

namespace khabar::storage {

struct DocMeta {
  std::string id;
  int64_t published_ms = 0;
  int32_t day = 0;  // Days since 1970-01-01 of published_at (UTC).
  uint32_t title_length = 0;
  uint32_t body_length = 0;
  uint32_t source = 0;             // Index into the source names; 0 is "no source".
  std::vector<uint32_t> entities;  // Entity ids, ascending.
  bool live = false;
};

struct EntityInfo {
  uint32_t id = 0;
  EntityType type = EntityType::kPerson;
  std::string canonical;  // The longest spelling seen.
  std::string key;        // Normalized name: where spellings from different articles meet.
  uint64_t mentions = 0;
  uint64_t articles = 0;
  int64_t first_seen_ms = 0;  // Earliest and latest published_at of its articles.
  int64_t last_seen_ms = 0;
  std::vector<std::pair<std::string, uint64_t>> aliases;  // Surface form -> mentions.
};

struct CollectionStats {
  uint64_t docs = 0;
  uint64_t title_terms = 0;  // Sums of field lengths, for BM25's average lengths.
  uint64_t body_terms = 0;
};

// One posting of a term: counts per field, and positions when asked for.
struct Posting {
  uint32_t docno = 0;
  uint16_t title_tf = 0;
  uint16_t body_tf = 0;
  std::vector<uint32_t> title_positions;  // Filled only when positions are requested.
  std::vector<uint32_t> body_positions;
};

// A term's postings without positions, as parallel arrays in ascending docno order.
struct PostingList {
  std::vector<uint32_t> docnos;
  std::vector<uint16_t> title_tf;
  std::vector<uint16_t> body_tf;
  size_t size() const { return docnos.size(); }
};

struct StoredFigure {
  uint32_t docno = 0;
  uint16_t index = 0;  // Position in the article's figure list.
  Figure figure;
};

struct StoredQuote {
  uint32_t docno = 0;
  uint16_t index = 0;
  Quote quote;
};

}  // namespace khabar::storage
