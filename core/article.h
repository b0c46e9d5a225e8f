#pragma once
// The article as newsroom systems send it, and what the store says about it.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace khabar {

struct Article {
  std::string id;  // 1-256 bytes of [A-Za-z0-9._:~-].
  std::string title;
  std::string body;          // Paragraphs separated by '\n'.
  std::string published_at;  // RFC 3339 date-time or YYYY-MM-DD, as sent.
  std::string source;
  std::string url;
  std::vector<std::string> authors;
  std::string section;
  std::vector<std::string> tags;
  std::string language = "ar";

  bool operator==(const Article&) const = default;
};

// What a write did.
enum class WriteResult { kCreated, kUpdated, kNoop, kDeleted };

struct Receipt {
  std::string id;
  uint64_t version = 0;
  WriteResult result = WriteResult::kCreated;
};

// An article as stored, with its bookkeeping.
struct StoredArticle {
  Article article;
  uint64_t version = 0;
  int64_t ingested_at_ms = 0;  // Unix epoch milliseconds of the write that made this version.
  uint32_t docno = 0;          // Dense internal number, stable across updates; keys the index.
};

}  // namespace khabar

namespace khabar {
std::string_view WriteResultName(WriteResult result);
}  // namespace khabar
