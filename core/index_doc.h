#pragma once
// What the index needs of one article, computed by the ingest use case (which owns the text
// analysis) and written by storage in the article's own WriteBatch.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/analysis.h"

namespace khabar {

// A term of the document. Its positions live in IndexDoc::positions (one array for the whole
// document, so that a term costs no allocation of its own): title_count title positions from
// `first`, then body_count body positions, each run ascending.
struct TermPositions {
  std::string term;  // Normalized, stemmed (text/terms.h).
  uint32_t first = 0;
  uint32_t title_count = 0;
  uint32_t body_count = 0;
};

struct EntityRef {
  EntityType type = EntityType::kPerson;
  std::string canonical;  // As the article spells it at its fullest.
  std::string key;        // Normalized canonical: where spellings across articles meet.
  uint32_t mentions = 0;
  std::vector<std::pair<std::string, uint32_t>> surfaces;  // Each spelling seen, with its count.
};

struct IndexDoc {
  std::vector<TermPositions> terms;  // Each term once, in order of first occurrence.
  std::vector<uint32_t> positions;   // Runs of positions, addressed by TermPositions.
  uint32_t title_length = 0;         // Word tokens.
  uint32_t body_length = 0;
  int64_t published_ms = 0;
  std::vector<EntityRef> entities;  // Each entity of the article once.
  // Per quote of the analysis, in order: the normalized words of its speaker (for speaker search).
  std::vector<std::vector<std::string>> quote_speaker_words;
};

}  // namespace khabar
