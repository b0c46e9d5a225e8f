#pragma once
// Direct quotations in Arabic news (shared/spec/annotation-guide.md section 3): the words between
// guillemets, curly double quotes or ASCII double quotes, mismatched or left open at a paragraph's
// end, with the speaker from the attribution verb (qala, adafa, akkada ...). Names and terms in
// quote marks and unattributed
// slogans are not quotes. Rules and figures: docs/design/quotes.md.

#include <memory>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/status.h"
#include "text/word_table.h"

namespace khabar::text {

class QuoteLexicon;

class QuoteExtractor {
 public:
  // Parses the embedded lexicon (text/lexicon/quotes_words.tsv). Fails only on corrupt data.
  static Result<QuoteExtractor> Create();

  // The quotes of one field, in text order. `entities` are the article's entities (any field,
  // any order; only people and organizations of `field` are used): the speaker is the entity
  // after the attribution verb, named by its canonical form. Without entities the speaker is read
  // from the words after the verb, titles stripped. Const and thread-safe.
  std::vector<Quote> Extract(std::string_view text, Field field,
                             const std::vector<Entity>& entities) const;
  // The same over a field already tokenized and folded (shared with the date extractor).
  std::vector<Quote> Extract(const FoldedTokens& tokens, Field field,
                             const std::vector<Entity>& entities) const;

 private:
  explicit QuoteExtractor(std::shared_ptr<const QuoteLexicon> lexicon);

  std::shared_ptr<const QuoteLexicon> lexicon_;
};

}  // namespace khabar::text
