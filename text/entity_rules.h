#pragma once
// Rules that the entity recognizer runs on one sentence's tags after the model has tagged it:
// known entities and listed places the model left out, places after place heads, quoted media
// names, clubs named after their city (docs/design/entities.md, Spans). Internal to
// khabar::text; tags are ner::Tag values, one per token.

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/ner_features.h"
#include "text/ner_lexicon.h"
#include "text/tokenize.h"

namespace khabar::text::ner {

// Applies every rule, in order, to the tags of tokens[0, info.size()) of `text`.
void ApplyTagRules(const Lexicon& lex, std::string_view text, const Token* tokens,
                   const std::vector<WordInfo>& info, uint8_t* tags);

// "bi-anna", "innahu"...: a word that opens a reported clause, which never ends a name.
bool Complementizer(const WordInfo& w);

}  // namespace khabar::text::ner
