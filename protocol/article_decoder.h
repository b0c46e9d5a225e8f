#pragma once
// JSON -> Article, with the validation rules of the ingest API. One decoder per thread: it owns a
// simdjson parser and a padded buffer that are reused between calls.

#include <memory>
#include <string>
#include <string_view>

#include "core/article.h"
#include "core/status.h"

namespace khabar::protocol {

struct DecodeOptions {
  // Ingestion needs an id; analysis does not. Default: true.
  bool require_id = true;
  // Default: true.
  bool require_title = true;
  // Default: true.
  bool require_published_at = true;
  // Refuse fields the API does not know, so that a typo cannot vanish. Default: true.
  bool reject_unknown = true;
  // Accept any string as id (the analyze command echoes ids it does not own). Default: false.
  bool any_id = false;
};

// Validation shared with other decoders.
Status ValidateArticleId(std::string_view id);

class ArticleDecoder {
 public:
  ArticleDecoder();
  ~ArticleDecoder();
  ArticleDecoder(const ArticleDecoder&) = delete;
  ArticleDecoder& operator=(const ArticleDecoder&) = delete;

  Result<Article> Decode(std::string_view json, const DecodeOptions& options = {});

  // The id read by the last Decode, even when it failed later on; empty if none was read.
  const std::string& last_id() const { return last_id_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string last_id_;
};

}  // namespace khabar::protocol
