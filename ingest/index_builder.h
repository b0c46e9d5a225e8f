#pragma once
// Builds what the index stores for one article from its text and analysis.

#include "core/analysis.h"
#include "core/article.h"
#include "core/index_doc.h"
#include "text/terms.h"

namespace khabar::ingest {

// What the index stores of an article, in two halves: the terms and field lengths, from the
// tokens the Analyzer hands out (text::Analyzer::Analyze), then what comes from the analysis.
void AddTerms(const text::TermAnalyzer& terms, const text::FoldedTokens& title,
              const text::FoldedTokens& body, IndexDoc* doc);
void AddAnalysis(const Article& article, const Analysis& analysis, IndexDoc* doc);

// The key under which spellings of one entity meet across articles (docs/search.md).
std::string EntityKey(std::string_view canonical);

}  // namespace khabar::ingest
