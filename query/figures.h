#pragma once
// The figure read use case: figure mentions filtered by the words of their article, an entity,
// kind, currency, value and publication time, paged with an opaque cursor.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/status.h"
#include "query/doc_walk.h"
#include "storage/index_view.h"
#include "text/terms.h"

namespace khabar::query {

struct FigureQuery {
  // Only articles containing every word of q (stop words ignored). Default: "" (any).
  std::string q;
  // Only articles mentioning this entity id. Default: any.
  std::optional<uint32_t> entity;
  // Exact kind and ISO 4217 currency. Default: any.
  std::optional<FigureKind> kind;
  std::string currency;
  // min <= value <= max. Default: unbounded.
  std::optional<double> min;
  std::optional<double> max;
  // On the article's published_at. Default: unbounded.
  TimeRange published;
  // Figures per page, at least 1. Default: 20.
  size_t limit = 20;
  // From the previous page's next_cursor; empty for the first page. Default: "".
  std::string cursor;
};

struct FigureHit {
  Figure figure;
  std::string article_id;
  std::string published_at;  // As the article was sent.
  std::string context;       // The original text around the figure.
};

struct FigurePage {
  std::vector<FigureHit> figures;
  std::string next_cursor;  // Empty on the last page.
};

std::optional<FigureKind> ParseFigureKind(std::string_view name);

// Newest articles first, figures in text order within an article; but by ascending value when
// min or max is given and neither q nor entity is (the value index is then the cheaper path).
// kInvalidArgument (field "cursor") for a cursor this query did not make.
Result<FigurePage> FindFigures(const storage::IndexView& view, const text::TermAnalyzer& analyzer,
                               const FigureQuery& query);

}  // namespace khabar::query
