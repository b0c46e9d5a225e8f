#include "text/analyzer.h"

#include <algorithm>

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
  // A name inside a date is part of the date: "نيسان" in "أبريل نيسان" is the month, not the
  // car maker.
  std::erase_if(analysis.entities, [&](const Entity& e) {
    return std::any_of(analysis.dates.begin(), analysis.dates.end(), [&](const DateMention& d) {
      return d.span.field == e.span.field && d.span.start <= e.span.start &&
             e.span.end <= d.span.end;
    });
  });
  analysis.quotes = quotes_->Extract(title, Field::kTitle, analysis.entities);
  for (Quote& q : quotes_->Extract(body, Field::kBody, analysis.entities)) {
    analysis.quotes.push_back(std::move(q));
  }
  if (with_tokens) with_tokens(title, body);
  return analysis;
}

}  // namespace khabar::text
