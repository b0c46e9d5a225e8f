#pragma once
// The data files embedded into the binary at build time (text/CMakeLists.txt): the entity
// gazetteer and trigger lists (text/lexicon/) and the trained tagger (text/model/ner.model).

#include <string_view>

#include "text/ner_lexicon.h"

namespace khabar::text::ner {

LexiconFiles EmbeddedLexicon();
std::string_view EmbeddedModel();

}  // namespace khabar::text::ner
