#pragma once
// Grouping the mentions of one article into entities: every mention gets the `canonical` name
// of its group, the fullest form (most words, then the earliest). Rules: docs/design/entities.md.

#include <vector>

#include "core/analysis.h"

namespace khabar::text {

// Article-level fixes of mention spans, given mentions sorted by field and start: splits a
// person span joined by wa- ("Putin wa-Carlson") when the second name is a person elsewhere,
// and drops a one-letter clitic (li-Putin) when the bare word is a mention elsewhere.
void RefineMentions(std::vector<Entity>* mentions);

// Sets `canonical` (and unifies `type` within a group) for all mentions of one article.
void AssignCanonicals(std::vector<Entity>* mentions);

}  // namespace khabar::text
