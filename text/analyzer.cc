#include "text/analyzer.h"

namespace khabar::text {

Result<std::shared_ptr<const Analyzer>> Analyzer::Create() {
  return std::shared_ptr<const Analyzer>(new Analyzer());
}

Analysis Analyzer::Analyze(const AnalyzerInput& in) const {
  (void)in;
  return Analysis{};
}

}  // namespace khabar::text
