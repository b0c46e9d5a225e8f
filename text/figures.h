#pragma once
// The figures extractor: every numeric quantity of a field, with its value (scale applied), unit,
// kind, currency and qualifier, following shared/spec/annotation-guide.md section 1. The rules and
// the measured scores are in docs/design/figures.md; the word lists in text/lexicon/figures_*.tsv.
//
//   auto fx = FigureExtractor::Create();   // once, at start-up
//   std::vector<Figure> f = fx->Extract(body, Field::kBody);
//
// Extract() is const and thread-safe; it allocates per call, never per token in the common path.

#include <memory>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/status.h"
#include "text/figures_lexicon.h"
#include "text/word_table.h"

namespace khabar::text {

class FigureExtractor {
 public:
  // From the lexicons embedded in the binary. Fails only if they are malformed.
  static Result<FigureExtractor> Create();
  // From explicit lexicon files (tests).
  static Result<FigureExtractor> Create(const FiguresLexiconFiles& files);

  // Figures of one field, in text order. Spans are byte offsets into `text`.
  std::vector<Figure> Extract(std::string_view text, Field field) const;
  // The same over a field already tokenized (the analyzer shares one tokenization).
  std::vector<Figure> Extract(const FoldedTokens& tokens, Field field) const;

  // Figures of the title, then of the body. A bare headline figure takes the currency of a money
  // figure of the same value in the body (the headline repeats the story).
  std::vector<Figure> ExtractArticle(std::string_view title, std::string_view body) const;
  std::vector<Figure> ExtractArticle(const FoldedTokens& title, const FoldedTokens& body) const;

 private:
  explicit FigureExtractor(std::shared_ptr<const FiguresLexicon> lex) : lex_(std::move(lex)) {}

  std::shared_ptr<const FiguresLexicon> lex_;
};

}  // namespace khabar::text
