#pragma once
// Builds what the index stores for one article from its text and analysis.

#include "core/analysis.h"
#include "core/article.h"
#include "core/index_doc.h"
#include "text/terms.h"

namespace khabar::ingest {

IndexDoc BuildIndexDoc(const text::TermAnalyzer& terms, const Article& article,
                       const Analysis& analysis);

// The key under which spellings of one entity meet across articles (docs/search.md).
std::string EntityKey(std::string_view canonical);

}  // namespace khabar::ingest
