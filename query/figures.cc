#include "query/figures.h"

#include <limits>

#include "query/cursor.h"

namespace khabar::query {
namespace {

constexpr uint8_t kByDocCursor = 'f';
constexpr uint8_t kByValueCursor = 'v';

Status BadCursor() {
  return InvalidArgument("cursor is not one this query returned", "cursor", "invalid_cursor");
}

bool Keep(const FigureQuery& q, const Figure& f) {
  if (q.kind && f.kind != *q.kind) return false;
  if (!q.currency.empty() && f.currency != q.currency) return false;
  if (q.min && !(f.value >= *q.min)) return false;
  if (q.max && !(f.value <= *q.max)) return false;
  return true;
}

Result<FigureHit> Hit(ArticleCache& articles, const storage::StoredFigure& f) {
  auto a = articles.Get(f.docno);
  if (!a.ok()) return a.status();
  const Article& article = (*a)->article;
  return FigureHit{f.figure, article.id, article.published_at, SpanContext(article, f.figure.span)};
}

// Walks the value index: ascending value, resuming at the storage's own position.
Result<FigurePage> ByValue(const storage::IndexView& view, const FigureQuery& q) {
  std::string after;
  if (!q.cursor.empty()) {
    const auto bytes = DecodeCursor(q.cursor);
    if (!bytes) return BadCursor();
    CursorReader r(*bytes);
    uint8_t tag = 0;
    if (!r.Byte(&tag) || tag != kByValueCursor || r.done()) return BadCursor();
    after = std::string(r.Rest());
  }
  const double lo = q.min.value_or(-std::numeric_limits<double>::infinity());
  const double hi = q.max.value_or(std::numeric_limits<double>::infinity());
  auto wanted = [&](const storage::StoredFigure& f) {
    const storage::DocMeta* d = view.Doc(f.docno);
    return d && q.published.Contains(d->published_ms) && Keep(q, f.figure);
  };
  FigurePage page;
  ArticleCache articles(view);
  Status failed;
  const std::string last =
      view.ScanFiguresByValue(lo, hi, after, [&](const storage::StoredFigure& f) {
        if (!wanted(f)) return true;
        auto hit = Hit(articles, f);
        if (!hit.ok()) {
          failed = hit.status();
          return false;
        }
        page.figures.push_back(std::move(*hit));
        return page.figures.size() < q.limit;
      });
  if (!failed.ok()) return failed;
  if (page.figures.size() < q.limit) return page;
  bool more = false;
  (void)view.ScanFiguresByValue(lo, hi, last, [&](const storage::StoredFigure& f) {
    more = wanted(f);
    return !more;
  });
  if (more) page.next_cursor = CursorWriter().Byte(kByValueCursor).Raw(last).Encode();
  return page;
}

// The candidate articles: those with every word of q and the entity, else those in time range.
std::vector<uint32_t> CandidateDocs(const storage::IndexView& view,
                                    const std::vector<std::string>& terms, const FigureQuery& q) {
  std::optional<std::vector<uint32_t>> docs = DocsWithAllTerms(view, terms);
  if (q.entity) {
    std::vector<uint32_t> of_entity;
    for (const auto& [docno, mentions] : view.EntityDocs(*q.entity)) of_entity.push_back(docno);
    docs = docs ? Intersect(*docs, of_entity) : std::move(of_entity);
  }
  return docs ? std::move(*docs) : DocsInRange(view, q.published);
}

// Walks the candidate articles newest first, figures in text order within each.
Result<FigurePage> ByDoc(const storage::IndexView& view, const std::vector<std::string>& terms,
                         const FigureQuery& q) {
  auto after = ParseItemCursor(kByDocCursor, q.cursor);
  if (!after.ok()) return after.status();
  std::optional<DocPosition> start;
  if (*after) start = (*after)->doc;
  NewestFirst walk(view, CandidateDocs(view, terms, q), q.published, start);
  FigurePage page;
  ArticleCache articles(view);
  ItemPosition last;
  while (auto p = walk.Next()) {
    for (const storage::StoredFigure& f : view.Figures(p->docno)) {
      if (*after && *p == (*after)->doc && f.index <= (*after)->index) continue;
      if (!Keep(q, f.figure)) continue;
      if (page.figures.size() == q.limit) {  // One more exists: this page is not the last.
        page.next_cursor = EncodeItemCursor(kByDocCursor, last);
        return page;
      }
      auto hit = Hit(articles, f);
      if (!hit.ok()) return hit.status();
      page.figures.push_back(std::move(*hit));
      last = ItemPosition{*p, f.index};
    }
  }
  return page;
}

}  // namespace

std::optional<FigureKind> ParseFigureKind(std::string_view name) {
  for (FigureKind k : {FigureKind::kCount, FigureKind::kMoney, FigureKind::kPercent,
                       FigureKind::kDuration, FigureKind::kMeasure, FigureKind::kNumber}) {
    if (name == FigureKindName(k)) return k;
  }
  return std::nullopt;
}

Result<FigurePage> FindFigures(const storage::IndexView& view, const text::TermAnalyzer& analyzer,
                               const FigureQuery& query) {
  const std::vector<std::string> terms = QueryTerms(analyzer, query.q);
  const bool by_value = (query.min || query.max) && terms.empty() && !query.entity;
  return by_value ? ByValue(view, query) : ByDoc(view, terms, query);
}

}  // namespace khabar::query
