#pragma once
// Column families and meta keys. The table with key encodings is in docs/storage.md; keep both
// in step.

#include <cstddef>
#include <string_view>

namespace khabar::storage {

enum class ColumnFamily : size_t {
  kMeta = 0,  // "default": schema version, counters.
  kArticles,  // id -> article record (version, ingested_at, docno, fields).
  kAnalysis,  // id -> analysis record (entities, figures, dates, quotes).
  kPostings,  // term \0 docno -> positions; \x01 source, \x02 day, \x03 entity postings.
  kDocs,      // docno -> document metadata (lengths, published_at, source, entities).
  kForward,   // docno -> what removing the document from the index needs (terms, keys).
  kEntities,  // 'e' id -> merged entity (canonical, aliases, counts).
  kFigures,   // 'd' docno idx -> figure; 'v' sortable value docno idx -> "".
  kQuotes,    // 'd' docno idx -> quote; 's' speaker word \0 docno idx -> "".
};

struct ColumnFamilySpec {
  std::string_view name;
  size_t write_buffer_bytes;
};

inline constexpr ColumnFamilySpec kColumnFamilies[] = {
    {"default", 4u << 20},   {"articles", 64u << 20}, {"analysis", 32u << 20},
    {"postings", 64u << 20}, {"docs", 16u << 20},     {"forward", 32u << 20},
    {"entities", 8u << 20},  {"figures", 16u << 20},  {"quotes", 8u << 20},
};

inline constexpr std::string_view kSchemaVersion = "1";
inline constexpr std::string_view kMetaSchemaKey = "meta:schema";
inline constexpr std::string_view kMetaArticlesKey = "meta:articles";
inline constexpr std::string_view kMetaNextDocnoKey = "meta:next_docno";

}  // namespace khabar::storage
