#include "query/doc_walk.h"

#include <algorithm>

#include "core/time.h"
#include "query/cursor.h"
#include "query/text_util.h"
#include "text/normalize.h"

namespace khabar::query {
namespace {

constexpr int64_t kDayMs = 86400000;

// "YYYY-MM-DD" alone, as opposed to a full RFC 3339 timestamp.
bool IsPlainDate(std::string_view s) { return s.size() == 10 && s[4] == '-' && s[7] == '-'; }

Result<std::optional<int64_t>> ParseBound(std::string_view value, const char* field, bool end) {
  if (value.empty()) return std::optional<int64_t>();
  const std::optional<int64_t> ms = ParseTimestamp(value);
  if (!ms) {
    return InvalidArgument(std::string(field) +
                               " must be YYYY-MM-DD or an RFC 3339 timestamp, got '" +
                               std::string(value) + "'",
                           field, "invalid_parameter");
  }
  return std::optional<int64_t>(end && IsPlainDate(value) ? *ms + kDayMs - 1 : *ms);
}

}  // namespace

std::string EncodeItemCursor(uint8_t tag, const ItemPosition& p) {
  return CursorWriter().Byte(tag).I64(p.doc.published_ms).U32(p.doc.docno).U16(p.index).Encode();
}

Result<std::optional<ItemPosition>> ParseItemCursor(uint8_t tag, std::string_view cursor) {
  if (cursor.empty()) return std::optional<ItemPosition>();
  if (const auto bytes = DecodeCursor(cursor)) {
    CursorReader r(*bytes);
    uint8_t found = 0;
    ItemPosition p;
    if (r.Byte(&found) && found == tag && r.I64(&p.doc.published_ms) && r.U32(&p.doc.docno) &&
        r.U16(&p.index) && r.done()) {
      return std::optional<ItemPosition>(p);
    }
  }
  return InvalidArgument("cursor is not one this query returned", "cursor", "invalid_cursor");
}

bool NewerFirst(const DocPosition& a, const DocPosition& b) {
  if (a.published_ms != b.published_ms) return a.published_ms > b.published_ms;
  return a.docno > b.docno;
}

Result<TimeRange> ParseTimeRange(std::string_view from, std::string_view to) {
  auto lo = ParseBound(from, "from", false);
  if (!lo.ok()) return lo.status();
  auto hi = ParseBound(to, "to", true);
  if (!hi.ok()) return hi.status();
  TimeRange range{*lo, *hi};
  if (range.from_ms && range.to_ms && *range.from_ms > *range.to_ms) {
    return InvalidArgument("from is after to", "from", "invalid_parameter");
  }
  return range;
}

std::vector<std::string> NameWords(std::string_view name) {
  const std::string n = text::Normalize(name);
  std::vector<std::string> out;
  size_t i = 0;
  while (i < n.size()) {
    while (i < n.size() && n[i] == ' ') ++i;
    const size_t j = std::min(n.find(' ', i), n.size());
    if (j > i) out.push_back(n.substr(i, j - i));
    i = j;
  }
  return out;
}

std::vector<std::string> QueryTerms(const text::TermAnalyzer& analyzer, std::string_view q) {
  std::vector<text::Term> terms;
  analyzer.Terms(q, &terms);
  std::vector<std::string> out;
  for (auto& t : terms) {
    if (analyzer.IsStopWord(t.text)) continue;
    if (std::find(out.begin(), out.end(), t.text) == out.end()) out.push_back(std::move(t.text));
  }
  return out;
}

std::optional<std::vector<uint32_t>> DocsWithAllTerms(const storage::IndexView& view,
                                                      const std::vector<std::string>& terms) {
  if (terms.empty()) return std::nullopt;
  std::vector<uint32_t> docs;
  for (size_t i = 0; i < terms.size(); ++i) {
    std::vector<uint32_t> these;
    for (const storage::Posting& p : view.TermPostings(terms[i], false)) {
      if (view.Doc(p.docno)) these.push_back(p.docno);
    }
    docs = i == 0 ? std::move(these) : Intersect(docs, these);
    if (docs.empty()) break;
  }
  return docs;
}

std::vector<uint32_t> DocsInRange(const storage::IndexView& view, const TimeRange& range) {
  std::vector<uint32_t> out;
  for (uint32_t docno = 1; docno <= view.max_docno(); ++docno) {
    const storage::DocMeta* d = view.Doc(docno);
    if (d && range.Contains(d->published_ms)) out.push_back(docno);
  }
  return out;
}

std::vector<uint32_t> Intersect(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  std::vector<uint32_t> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

namespace {

// std heaps put the greatest first; "greatest" here is the newest.
bool HeapLess(const DocPosition& a, const DocPosition& b) { return NewerFirst(b, a); }

}  // namespace

NewestFirst::NewestFirst(const storage::IndexView& view, const std::vector<uint32_t>& docnos,
                         const TimeRange& range, std::optional<DocPosition> start) {
  heap_.reserve(docnos.size());
  for (uint32_t docno : docnos) {
    const storage::DocMeta* d = view.Doc(docno);
    if (!d || !range.Contains(d->published_ms)) continue;
    const DocPosition p{d->published_ms, docno};
    if (start && NewerFirst(p, *start)) continue;
    heap_.push_back(p);
  }
  std::make_heap(heap_.begin(), heap_.end(), HeapLess);
}

std::optional<DocPosition> NewestFirst::Next() {
  if (heap_.empty()) return std::nullopt;
  std::pop_heap(heap_.begin(), heap_.end(), HeapLess);
  const DocPosition p = heap_.back();
  heap_.pop_back();
  return p;
}

Result<const StoredArticle*> ArticleCache::Get(uint32_t docno) {
  if (auto it = articles_.find(docno); it != articles_.end()) return &it->second;
  auto a = view_.Article(docno);
  if (!a.ok()) return a.status();
  return &articles_.emplace(docno, std::move(*a)).first->second;
}

std::string SpanContext(const Article& article, const Span& span) {
  const std::string& text = span.field == Field::kTitle ? article.title : article.body;
  return Context(text, span.start, span.end, kContextRadius);
}

}  // namespace khabar::query
