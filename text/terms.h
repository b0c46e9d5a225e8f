#pragma once
// Search terms: the tokens of a field, normalized (text/normalize.h) and light-stemmed in the
// style of Larkey's light10, with positions and byte offsets into the original text. Indexing,
// queries and highlighting all go through here, so that a word and its variants meet.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/status.h"
#include "text/normalize.h"
#include "text/tokenize.h"
#include "text/word_table.h"

namespace khabar::text {

struct Term {
  std::string text;       // Normalized, stemmed.
  uint32_t position = 0;  // Index among the field's word tokens.
  uint32_t start = 0;     // Byte offsets of the token in the original field.
  uint32_t end = 0;
};

// Strips light10's prefixes (wa-, al- and its clitic forms) and its plural and pronoun suffixes
// from an already normalized word (docs/search.md lists what is kept and why). Words too short to
// carry an affix are returned whole.
std::string LightStem(std::string_view normalized_word);
// The same as a view into normalized_word: stripping affixes only ever leaves a substring.
std::string_view LightStemView(std::string_view normalized_word);

// The term of a word token of the given kind from its normalized form (a view into it): numbers
// as they are, hashtags and mentions without their sign, words light-stemmed. Empty for a token
// that normalizes to nothing.
inline std::string_view TermOfKey(TokenKind kind, std::string_view key) {
  if ((kind == TokenKind::kHashtag || kind == TokenKind::kMention) && !key.empty()) {
    key.remove_prefix(1);
  }
  return kind == TokenKind::kNumber ? key : LightStemView(key);
}

class TermAnalyzer {
 public:
  // Loads the embedded stop-word list.
  static Result<std::shared_ptr<const TermAnalyzer>> Create();

  // Every word token of text, stop words included (phrases need their positions).
  void Terms(std::string_view text, std::vector<Term>* out) const;

  // The same terms, without building them: visit(term, position, start, end) for each, with term
  // valid only during the call. Indexing goes through here to save an allocation per word.
  template <typename Visit>
  void ForEachTerm(std::string_view text, Visit&& visit) const;
  // The same over a field already tokenized and normalized (by the Analyzer, for instance).
  template <typename Visit>
  void ForEachTerm(const FoldedTokens& tokens, Visit&& visit) const;

  // The term of one word as typed in a query ("والرياض" -> "رياض").
  std::string TermOf(std::string_view word) const;

  bool IsStopWord(std::string_view term) const;

 private:
  TermAnalyzer() = default;
  std::unordered_set<std::string> stop_words_;
};

template <typename Visit>
void TermAnalyzer::ForEachTerm(std::string_view text, Visit&& visit) const {
  uint32_t position = 0;
  std::string key;
  for (const Token& tok : Tokenize(text)) {
    if (!IsWordToken(tok.kind)) continue;
    key.clear();
    NormalizeAppend(text.substr(tok.start, tok.end - tok.start), &key);
    const std::string_view term = TermOfKey(tok.kind, key);
    if (term.empty()) continue;
    visit(term, position++, tok.start, tok.end);
  }
}

template <typename Visit>
void TermAnalyzer::ForEachTerm(const FoldedTokens& tokens, Visit&& visit) const {
  uint32_t position = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& tok = tokens.tok(i);
    if (!IsWordToken(tok.kind)) continue;
    const std::string_view term = TermOfKey(tok.kind, tokens.key(i));
    if (term.empty()) continue;
    visit(term, position++, tok.start, tok.end);
  }
}

}  // namespace khabar::text
