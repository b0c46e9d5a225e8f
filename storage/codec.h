#pragma once
// Value encodings of the articles and analysis column families (docs/storage.md).

#include <string>
#include <string_view>

#include "core/analysis.h"
#include "core/article.h"

namespace khabar::storage {

std::string EncodeArticleRecord(const StoredArticle& a);
bool DecodeArticleRecord(std::string_view in, StoredArticle* a);

std::string EncodeAnalysisRecord(const Analysis& a);
bool DecodeAnalysisRecord(std::string_view in, Analysis* a);

}  // namespace khabar::storage
