#pragma once
// The analysis of one article: entities, figures, dates and quotes (shared/spec/analysis.md).
// An Analyzer holds the read-only lexicons and the NER model; build one at start-up and share it
// between threads: Analyze() is const and thread-safe.

#include <functional>
#include <memory>
#include <string_view>

#include "core/analysis.h"
#include "core/status.h"

namespace khabar::text {

class EntityRecognizer;
class DateExtractor;
class QuoteExtractor;
class FigureExtractor;
class FoldedTokens;

struct AnalyzerInput {
  std::string_view title;
  std::string_view body;
  std::string_view published_at;  // RFC 3339 or YYYY-MM-DD; empty when unknown.
};

class Analyzer {
 public:
  // Loads the embedded lexicons and model. Fails only if the embedded data is corrupt.
  static Result<std::shared_ptr<const Analyzer>> Create();

  // Never fails on valid UTF-8: text it cannot read yields empty lists.
  Analysis Analyze(const AnalyzerInput& in) const;
  // The same, then calls with_tokens with the normalized tokens of the title and the body, so
  // that indexing need not tokenize and normalize the article again.
  Analysis Analyze(const AnalyzerInput& in,
                   const std::function<void(const FoldedTokens& title, const FoldedTokens& body)>&
                       with_tokens) const;

 private:
  Analyzer() = default;

  std::shared_ptr<const EntityRecognizer> entities_;
  std::shared_ptr<const DateExtractor> dates_;
  std::shared_ptr<const QuoteExtractor> quotes_;
  std::shared_ptr<const FigureExtractor> figures_;
};

}  // namespace khabar::text
