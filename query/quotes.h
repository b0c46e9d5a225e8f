#pragma once
// The quote read use case: quotes by speaker and by words of the quote, newest articles first,
// paged with an opaque cursor.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/status.h"
#include "query/doc_walk.h"
#include "storage/index_view.h"
#include "text/terms.h"

namespace khabar::query {

struct QuoteQuery {
  // Every normalized word must be a word of the quote's speaker ("بيسكوف" finds
  // "دميتري بيسكوف"). Default: "" (any speaker, or none).
  std::string speaker;
  // Every word (stop words ignored) must be a term of the quote's text. Default: "".
  std::string q;
  // On the article's published_at. Default: unbounded.
  TimeRange published;
  // Quotes per page, at least 1. Default: 20.
  size_t limit = 20;
  // From the previous page's next_cursor; empty for the first page. Default: "".
  std::string cursor;
};

struct QuoteHit {
  Quote quote;
  std::string article_id;
  std::string published_at;  // As the article was sent.
  std::string context;       // The original text around the quote.
};

struct QuotePage {
  std::vector<QuoteHit> quotes;
  std::string next_cursor;  // Empty on the last page.
};

// Newest articles first, quotes in text order within an article. kInvalidArgument (field
// "cursor") for a cursor this query did not make.
Result<QuotePage> FindQuotes(const storage::IndexView& view, const text::TermAnalyzer& analyzer,
                             const QuoteQuery& query);

}  // namespace khabar::query
