#include "text/analyzer.h"

#include "text/entities.h"

namespace khabar::text {

Result<std::shared_ptr<const Analyzer>> Analyzer::Create() {
  Result<std::shared_ptr<const EntityRecognizer>> entities = EntityRecognizer::Create();
  if (!entities.ok()) return entities.status();
  std::shared_ptr<Analyzer> analyzer(new Analyzer());
  analyzer->entities_ = std::move(*entities);
  return std::shared_ptr<const Analyzer>(std::move(analyzer));
}

Analysis Analyzer::Analyze(const AnalyzerInput& in) const {
  Analysis analysis;
  analysis.entities = entities_->Recognize(in.title, in.body);
  return analysis;
}

}  // namespace khabar::text
