#include "query/search.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <unordered_map>

#include "core/time.h"
#include "query/cursor.h"
#include "query/facets.h"
#include "query/highlight.h"
#include "query/query_parser.h"
#include "query/search_cursor.h"

namespace khabar::query {
namespace {

using DocSet = std::vector<uint32_t>;  // Ascending docnos.

DocSet Intersect(const DocSet& a, const DocSet& b) {
  DocSet out;
  out.reserve(std::min(a.size(), b.size()));
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}
DocSet Unite(const DocSet& a, const DocSet& b) {
  DocSet out;
  out.reserve(a.size() + b.size());
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}
DocSet Subtract(const DocSet& a, const DocSet& b) {
  DocSet out;
  out.reserve(a.size());
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

// Evaluates a query tree against one index view, sharing each term's postings between the
// matching and the ranking.
class Matcher {
 public:
  Matcher(const storage::IndexView& view, uint32_t hwm) : view_(view), hwm_(hwm) {}

  // nullopt means "every document" (an empty query).
  std::optional<DocSet> Eval(const QueryNode& n) {
    switch (n.kind) {
      case QueryNode::Kind::kTerm:
        return Docs(n.terms[0]);
      case QueryNode::Kind::kPhrase:
        return Phrase(n.terms);
      case QueryNode::Kind::kOr: {
        std::optional<DocSet> acc;
        for (const auto& c : n.children) {
          if (c.kind == QueryNode::Kind::kAnd && c.children.empty()) continue;
          auto d = Eval(c);
          if (!d) return std::nullopt;
          acc = acc ? Unite(*acc, *d) : std::move(*d);
        }
        return acc ? std::move(acc) : std::nullopt;
      }
      case QueryNode::Kind::kAnd: {
        std::optional<DocSet> acc;
        std::vector<const QueryNode*> excluded;
        for (const auto& c : n.children) {
          if (c.kind == QueryNode::Kind::kNot) {
            excluded.push_back(&c.children[0]);
            continue;
          }
          auto d = Eval(c);
          if (!d) continue;
          acc = acc ? Intersect(*acc, *d) : std::move(*d);
          if (acc->empty()) return acc;
        }
        if (!acc) {
          if (excluded.empty()) return std::nullopt;
          acc = AllDocs();
        }
        for (const QueryNode* x : excluded) {
          auto d = Eval(*x);
          if (!d) return DocSet{};
          acc = Subtract(*acc, *d);
        }
        return acc;
      }
      case QueryNode::Kind::kNot: {
        auto d = Eval(n.children[0]);
        return d ? Subtract(AllDocs(), *d) : DocSet{};
      }
    }
    return DocSet{};
  }

  const storage::PostingList& Postings(const std::string& term) {
    auto& slot = lists_[term];
    if (!slot) slot = view_.TermDocs(term);
    return *slot;
  }

  DocSet AllDocs() {
    DocSet out;
    for (uint32_t d = 1; d <= hwm_; ++d) {
      if (view_.Doc(d)) out.push_back(d);
    }
    return out;
  }

 private:
  DocSet Docs(const std::string& term) {
    const auto& list = Postings(term);
    const auto end = std::upper_bound(list.docnos.begin(), list.docnos.end(), hwm_);
    return DocSet(list.docnos.begin(), end);
  }

  static bool Consecutive(const std::vector<const std::vector<uint32_t>*>& positions) {
    for (uint32_t start : *positions[0]) {
      bool ok = true;
      for (size_t k = 1; ok && k < positions.size(); ++k) {
        ok = std::binary_search(positions[k]->begin(), positions[k]->end(),
                                start + static_cast<uint32_t>(k));
      }
      if (ok) return true;
    }
    return false;
  }

  // Candidates from the position-free lists, then positions by point lookups for them only.
  DocSet Phrase(const std::vector<std::string>& terms) {
    DocSet candidates = Docs(terms[0]);
    for (size_t k = 1; k < terms.size() && !candidates.empty(); ++k)
      candidates = Intersect(candidates, Docs(terms[k]));
    if (candidates.empty()) return candidates;
    std::vector<std::vector<storage::Posting>> lists;
    for (const auto& t : terms) lists.push_back(view_.TermPositions(t, candidates));
    DocSet out;
    std::vector<size_t> cursor(lists.size(), 0);
    for (uint32_t doc : candidates) {
      std::vector<const std::vector<uint32_t>*> title, body;
      bool all = true;
      for (size_t k = 0; k < lists.size() && all; ++k) {
        const auto& list = lists[k];
        while (cursor[k] < list.size() && list[cursor[k]].docno < doc) ++cursor[k];
        all = cursor[k] < list.size() && list[cursor[k]].docno == doc;
        if (all) {
          title.push_back(&list[cursor[k]].title_positions);
          body.push_back(&list[cursor[k]].body_positions);
        }
      }
      if (all && (Consecutive(title) || Consecutive(body))) out.push_back(doc);
    }
    return out;
  }

  const storage::IndexView& view_;
  uint32_t hwm_;
  std::unordered_map<std::string, std::shared_ptr<const storage::PostingList>> lists_;
};

struct Ranked {
  double score;
  int64_t published_ms;
  uint32_t docno;
};

// Score descending, then newer first, then higher docno first.
bool Before(const Ranked& a, const Ranked& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.published_ms != b.published_ms) return a.published_ms > b.published_ms;
  return a.docno > b.docno;
}

}  // namespace

Searcher::Searcher(const storage::Store& store, std::shared_ptr<const text::TermAnalyzer> terms,
                   const SearchOptions& options)
    : store_(store), terms_(std::move(terms)), options_(options) {}

Result<SearchResult> Searcher::Search(const SearchRequest& req) const {
  auto parsed = ParseQuery(req.q, *terms_);
  if (!parsed.ok()) return parsed.status();
  const QueryNode& query = *parsed;
  const std::vector<std::string> positive = PositiveTerms(query);
  const uint64_t fingerprint = RequestFingerprint(req);

  auto view = store_.View();
  SearchCursor cursor;
  const bool continuing = !req.cursor.empty();
  if (continuing) {
    auto decoded = DecodeSearchCursor(req.cursor);
    if (!decoded || decoded->fingerprint != fingerprint) {
      return InvalidArgument("cursor: not a cursor of this search", "cursor", "invalid_cursor");
    }
    cursor = std::move(*decoded);
  } else {
    cursor.fingerprint = fingerprint;
    cursor.hwm = view->max_docno();
    cursor.docs = view->stats().docs;
    cursor.title_terms = view->stats().title_terms;
    cursor.body_terms = view->stats().body_terms;
  }

  Matcher matcher(*view, cursor.hwm);
  std::optional<DocSet> matched = matcher.Eval(query);

  // Filters: the most selective posting list first, then per-document checks.
  if (req.entity) {
    DocSet docs;
    for (const auto& [docno, mentions] : view->EntityDocs(*req.entity)) docs.push_back(docno);
    matched = matched ? Intersect(*matched, docs) : docs;
  }
  if (!req.sources.empty()) {
    DocSet docs;
    for (const auto& s : req.sources) docs = Unite(docs, view->SourceDocs(s));
    matched = matched ? Intersect(*matched, docs) : docs;
  }
  if (!matched && (req.from_ms || req.to_ms)) {
    const int64_t lo = req.from_ms.value_or(INT64_MIN / 2), hi = req.to_ms.value_or(INT64_MAX / 2);
    auto day = [](int64_t ms) {
      return static_cast<int32_t>(std::floor(static_cast<double>(ms) / 86400000.0));
    };
    matched = view->DayDocs(day(std::max<int64_t>(lo, -1e15)), day(std::min<int64_t>(hi, 1e15)));
  }
  if (!matched) matched = matcher.AllDocs();
  std::erase_if(*matched, [&](uint32_t d) {
    const storage::DocMeta* m = view->Doc(d);
    if (!m || d > cursor.hwm) return true;
    if (req.from_ms && m->published_ms < *req.from_ms) return true;
    if (req.to_ms && m->published_ms > *req.to_ms) return true;
    return false;
  });

  // BM25F over the positive terms, with the collection statistics frozen in the cursor so that
  // every page ranks the same way.
  std::vector<double> scores(matched->size(), 0.0);
  const double n = static_cast<double>(std::max<uint64_t>(cursor.docs, 1));
  const double avg_title = std::max(1.0, static_cast<double>(cursor.title_terms) / n);
  const double avg_body = std::max(1.0, static_cast<double>(cursor.body_terms) / n);
  for (const std::string& term : positive) {
    const storage::PostingList& list = matcher.Postings(term);
    uint64_t df;
    if (auto it = cursor.df.find(term); it != cursor.df.end()) {
      df = it->second;
    } else {
      df = list.size();
      cursor.df[term] = df;
    }
    const double idf =
        std::log(1.0 + (n - static_cast<double>(df) + 0.5) / (static_cast<double>(df) + 0.5));
    size_t j = 0;
    for (size_t i = 0; i < matched->size(); ++i) {
      const uint32_t doc = (*matched)[i];
      // Gallop through the (usually longer) posting list.
      if (j < list.size() && list.docnos[j] < doc) {
        j = static_cast<size_t>(std::lower_bound(list.docnos.begin() + static_cast<ptrdiff_t>(j),
                                                 list.docnos.end(), doc) -
                                list.docnos.begin());
      }
      if (j == list.size()) break;
      if (list.docnos[j] != doc) continue;
      const storage::DocMeta* m = view->Doc(doc);
      const double tt = options_.title_weight * list.title_tf[j] /
                        (1 - options_.b + options_.b * m->title_length / avg_title);
      const double tb = list.body_tf[j] / (1 - options_.b + options_.b * m->body_length / avg_body);
      const double tf = tt + tb;
      scores[i] += idf * tf * (options_.k1 + 1) / (tf + options_.k1);
    }
  }

  SearchResult result;
  result.total = matched->size();
  std::vector<Ranked> ranked;
  ranked.reserve(matched->size());
  const Ranked last{cursor.last_score, cursor.last_published_ms, cursor.last_docno};
  for (size_t i = 0; i < matched->size(); ++i) {
    // Rounded so that a score survives the cursor's round trip bit for bit.
    const double score = std::round(scores[i] * 1e6) / 1e6;
    Ranked r{score, view->Doc((*matched)[i])->published_ms, (*matched)[i]};
    if (cursor.has_last && !Before(last, r)) continue;
    ranked.push_back(r);
  }
  const size_t remaining = ranked.size();
  const size_t k = std::min(req.limit, remaining);
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<ptrdiff_t>(k), ranked.end(),
                    Before);
  ranked.resize(k);

  Highlighter highlighter(*terms_, positive, options_.snippets, options_.snippet_radius);
  for (const Ranked& r : ranked) {
    const storage::DocMeta* m = view->Doc(r.docno);
    SearchHit hit;
    hit.id = m->id;
    hit.score = r.score;
    hit.source = std::string(view->SourceName(m->source));
    auto article = view->Article(r.docno);
    if (article.ok()) {
      hit.title = article->article.title;
      hit.published_at = article->article.published_at;
      if (req.highlight && !positive.empty()) {
        hit.title_highlights = highlighter.Title(article->article.title);
        hit.body_highlights = highlighter.Body(article->article.body);
      }
    }
    result.hits.push_back(std::move(hit));
  }
  const bool more = remaining > k;
  if (more) {
    cursor.has_last = true;
    cursor.last_score = ranked.back().score;
    cursor.last_published_ms = ranked.back().published_ms;
    cursor.last_docno = ranked.back().docno;
    result.next_cursor = EncodeSearchCursor(cursor);
  }

  result.facets = ComputeFacets(*view, *matched, req.facets, options_.facet_size);
  return result;
}

}  // namespace khabar::query
