#pragma once
// Core types -> JSON, in the shapes of the API and of shared/spec/analysis.md.

#include <string>
#include <string_view>

#include "core/analysis.h"
#include "core/article.h"
#include "core/status.h"
#include "protocol/json_writer.h"

namespace khabar::protocol {

// Writes "entities", "figures", "dates", "quotes" as keys of the object being written.
void WriteAnalysisFields(JsonWriter& w, const Analysis& a);

// Writes the article's own fields as keys of the object being written.
void WriteArticleFields(JsonWriter& w, const Article& a);

// {"id": ..., "entities": [...], ...}; a null id when has_id is false.
std::string EncodeAnalysis(std::string_view id, bool has_id, const Analysis& a);

// The article as stored plus "version", "ingested_at" and "analysis".
std::string EncodeStoredArticle(const StoredArticle& s, const Analysis& a);

// {"id","version","result"}.
std::string EncodeReceipt(const Receipt& r);

// {"error":{"code","message","field"}}.
std::string EncodeError(const Status& s);
void WriteErrorObject(JsonWriter& w, const Status& s);

}  // namespace khabar::protocol
