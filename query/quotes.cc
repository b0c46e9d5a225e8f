#include "query/quotes.h"

#include <algorithm>
#include <unordered_set>
#include <utility>

namespace khabar::query {
namespace {

constexpr uint8_t kQuotesCursor = 'q';

using QuoteKey = std::pair<uint32_t, uint16_t>;  // (docno, index), as the speaker index has it.

// The quotes whose speaker has every word, ascending; nullopt when words is empty.
std::optional<std::vector<QuoteKey>> QuotesOfSpeaker(const storage::IndexView& view,
                                                     const std::vector<std::string>& words) {
  if (words.empty()) return std::nullopt;
  std::vector<QuoteKey> keys = view.QuotesBySpeakerWord(words.front());
  for (size_t i = 1; i < words.size() && !keys.empty(); ++i) {
    const std::vector<QuoteKey> these = view.QuotesBySpeakerWord(words[i]);
    std::vector<QuoteKey> both;
    std::set_intersection(keys.begin(), keys.end(), these.begin(), these.end(),
                          std::back_inserter(both));
    keys = std::move(both);
  }
  return keys;
}

bool HasAllTerms(const text::TermAnalyzer& analyzer, std::string_view text,
                 const std::vector<std::string>& terms) {
  if (terms.empty()) return true;
  std::vector<text::Term> found;
  analyzer.Terms(text, &found);
  std::unordered_set<std::string> set;
  for (auto& t : found) set.insert(std::move(t.text));
  return std::all_of(terms.begin(), terms.end(),
                     [&](const std::string& t) { return set.count(t) > 0; });
}

}  // namespace

Result<QuotePage> FindQuotes(const storage::IndexView& view, const text::TermAnalyzer& analyzer,
                             const QuoteQuery& query) {
  auto after = ParseItemCursor(kQuotesCursor, query.cursor);
  if (!after.ok()) return after.status();
  const std::vector<std::string> terms = QueryTerms(analyzer, query.q);
  const std::optional<std::vector<QuoteKey>> of_speaker =
      QuotesOfSpeaker(view, NameWords(query.speaker));

  // Candidate articles: those of the speaker's quotes and with every word of q.
  std::optional<std::vector<uint32_t>> docs = DocsWithAllTerms(view, terms);
  if (of_speaker) {
    std::vector<uint32_t> speaker_docs;
    for (const auto& [docno, index] : *of_speaker) {
      if (speaker_docs.empty() || speaker_docs.back() != docno) speaker_docs.push_back(docno);
    }
    docs = docs ? Intersect(*docs, speaker_docs) : std::move(speaker_docs);
  }
  std::optional<DocPosition> start;
  if (*after) start = (*after)->doc;
  NewestFirst walk(view, docs ? *docs : DocsInRange(view, query.published), query.published, start);

  QuotePage page;
  ArticleCache articles(view);
  ItemPosition last;
  while (auto p = walk.Next()) {
    for (const storage::StoredQuote& sq : view.Quotes(p->docno)) {
      if (*after && *p == (*after)->doc && sq.index <= (*after)->index) continue;
      if (of_speaker && !std::binary_search(of_speaker->begin(), of_speaker->end(),
                                            QuoteKey{sq.docno, sq.index})) {
        continue;
      }
      if (!HasAllTerms(analyzer, sq.quote.text, terms)) continue;
      if (page.quotes.size() == query.limit) {  // One more exists: this page is not the last.
        page.next_cursor = EncodeItemCursor(kQuotesCursor, last);
        return page;
      }
      auto a = articles.Get(sq.docno);
      if (!a.ok()) return a.status();
      const Article& article = (*a)->article;
      page.quotes.push_back(QuoteHit{sq.quote, article.id, article.published_at,
                                     SpanContext(article, sq.quote.span)});
      last = ItemPosition{*p, sq.index};
    }
  }
  return page;
}

}  // namespace khabar::query
