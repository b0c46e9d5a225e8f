#pragma once
// Reading BIO-tagged CoNLL files for the NER trainer.

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace khabar::tools {

struct Sentence {
  std::vector<std::string> words;
  std::vector<uint8_t> tags;  // text::ner::Tag values.
};

// Reads "word TAG" lines; blank lines and "$#$" end a sentence; "# " lines are comments.
// PERS/PER -> person, ORG -> organization, LOC/GPE -> place, MISC -> misc, others -> O.
Result<std::vector<Sentence>> ReadConll(const std::string& path);

// Writes sentences back as "word TAG" lines (used for the development split).
Status WriteConll(const std::string& path, const std::vector<Sentence>& sentences);

}  // namespace khabar::tools
