#include "text/analyzer.h"

#include "text/entities.h"
#include "text/figures.h"

namespace khabar::text {

Result<std::shared_ptr<const Analyzer>> Analyzer::Create() {
  Result<std::shared_ptr<const EntityRecognizer>> entities = EntityRecognizer::Create();
  if (!entities.ok()) return entities.status();
  std::shared_ptr<Analyzer> analyzer(new Analyzer());
  analyzer->entities_ = std::move(*entities);
  Result<FigureExtractor> figures = FigureExtractor::Create();
  if (!figures.ok()) return figures.status();
  analyzer->figures_ = std::make_shared<const FigureExtractor>(std::move(figures).value());
  return std::shared_ptr<const Analyzer>(std::move(analyzer));
}

Analysis Analyzer::Analyze(const AnalyzerInput& in) const {
  Analysis analysis;
  analysis.entities = entities_->Recognize(in.title, in.body);
  analysis.figures = figures_->Extract(in.title, Field::kTitle);
  for (Figure& f : figures_->Extract(in.body, Field::kBody)) analysis.figures.push_back(std::move(f));
  return analysis;
}

}  // namespace khabar::text
