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

class TermAnalyzer {
 public:
  // Loads the embedded stop-word list.
  static Result<std::shared_ptr<const TermAnalyzer>> Create();

  // Every word token of text, stop words included (phrases need their positions).
  void Terms(std::string_view text, std::vector<Term>* out) const;

  // The term of one word as typed in a query ("والرياض" -> "رياض").
  std::string TermOf(std::string_view word) const;

  bool IsStopWord(std::string_view term) const;

 private:
  TermAnalyzer() = default;
  std::unordered_set<std::string> stop_words_;
};

}  // namespace khabar::text
