#include "text/analyzer.h"

#include <algorithm>
#include <tuple>
#include <vector>

#include "text/entities.h"
#include "text/figures.h"
#include "text/dates.h"
#include "text/quotes.h"
#include "text/word_table.h"
#include "core/time.h"

namespace khabar::text {

Result<std::shared_ptr<const Analyzer>> Analyzer::Create() {
  Result<std::shared_ptr<const EntityRecognizer>> entities = EntityRecognizer::Create();
  if (!entities.ok()) return entities.status();
  std::shared_ptr<Analyzer> analyzer(new Analyzer());
  analyzer->entities_ = std::move(*entities);
  Result<FigureExtractor> figures = FigureExtractor::Create();
  if (!figures.ok()) return figures.status();
  analyzer->figures_ = std::make_shared<const FigureExtractor>(std::move(figures).value());
  Result<DateExtractor> dates = DateExtractor::Create();
  if (!dates.ok()) return dates.status();
  analyzer->dates_ = std::make_shared<const DateExtractor>(std::move(dates).value());
  Result<QuoteExtractor> quotes = QuoteExtractor::Create();
  if (!quotes.ok()) return quotes.status();
  analyzer->quotes_ = std::make_shared<const QuoteExtractor>(std::move(quotes).value());
  return std::shared_ptr<const Analyzer>(std::move(analyzer));
}

namespace {

// A name inside a date is part of the date: "نيسان" in "أبريل نيسان" is the month, not the car
// maker. One sweep over the dates' merged spans and the entities, both in (field, start) order,
// so that an article with a million of each stays linear.
void DropEntitiesInDates(const std::vector<DateMention>& dates, std::vector<Entity>* entities) {
  if (dates.empty() || entities->empty()) return;
  std::vector<Span> spans;
  spans.reserve(dates.size());
  for (const DateMention& d : dates) spans.push_back(d.span);
  const auto before = [](const Span& a, const Span& b) {
    return std::tie(a.field, a.start) < std::tie(b.field, b.start);
  };
  std::sort(spans.begin(), spans.end(), before);
  size_t merged = 0;
  for (const Span& s : spans) {
    if (merged > 0 && spans[merged - 1].field == s.field && s.start <= spans[merged - 1].end) {
      spans[merged - 1].end = std::max(spans[merged - 1].end, s.end);
    } else {
      spans[merged++] = s;
    }
  }
  spans.resize(merged);
  std::stable_sort(entities->begin(), entities->end(),
                   [&](const Entity& a, const Entity& b) { return before(a.span, b.span); });
  size_t d = 0;
  std::erase_if(*entities, [&](const Entity& e) {
    while (d < spans.size() && (spans[d].field < e.span.field ||
                                (spans[d].field == e.span.field && spans[d].end <= e.span.start))) {
      ++d;
    }
    return d < spans.size() && spans[d].field == e.span.field && spans[d].start <= e.span.start &&
           e.span.end <= spans[d].end;
  });
}

}  // namespace

Analysis Analyzer::Analyze(const AnalyzerInput& in) const { return Analyze(in, {}); }

Analysis Analyzer::Analyze(
    const AnalyzerInput& in,
    const std::function<void(const FoldedTokens&, const FoldedTokens&)>& with_tokens) const {
  Analysis analysis;
  const FoldedTokens title(in.title), body(in.body);  // Shared by every stage.
  analysis.entities = entities_->Recognize(title, body);
  analysis.figures = figures_->ExtractArticle(title, body);
  const std::optional<CivilDate> published = PublicationDay(in.published_at);
  analysis.dates = dates_->Extract(title, Field::kTitle, published);
  for (DateMention& d : dates_->Extract(body, Field::kBody, published)) {
    analysis.dates.push_back(std::move(d));
  }
  DropEntitiesInDates(analysis.dates, &analysis.entities);
  analysis.quotes = quotes_->Extract(title, Field::kTitle, analysis.entities);
  for (Quote& q : quotes_->Extract(body, Field::kBody, analysis.entities)) {
    analysis.quotes.push_back(std::move(q));
  }
  if (with_tokens) with_tokens(title, body);
  return analysis;
}

}  // namespace khabar::text
