#pragma once
// Grouping the mentions of one article into entities: every mention gets the `canonical` name
// of its group, the fullest form (most words, then the earliest). Rules: docs/design/entities.md.

#include <string_view>
#include <vector>

#include "core/analysis.h"

namespace khabar::text {

// Joins two person mentions with only a space or a hyphen between them: one name that the
// tagger or name spreading cut in two ("عيسى" + "حمد بوشهاب"). A second mention that opens with
// و is a list ("بوش وشارون") and stays apart, as do mentions with a stripped clitic between them.
// Mentions are sorted by field and start; `title` and `body` are the texts they point into.
void JoinAdjacentPersons(std::string_view title, std::string_view body,
                         std::vector<Entity>* mentions);

// Article-level fixes of mention spans, given mentions sorted by field and start: splits a
// person span joined by wa- ("Putin wa-Carlson") when the second name is a person elsewhere,
// and drops a one-letter clitic (li-Putin) when the bare word is a mention elsewhere.
void RefineMentions(std::vector<Entity>* mentions);

// Sets `canonical` (and unifies `type` within a group) for all mentions of one article.
void AssignCanonicals(std::vector<Entity>* mentions);

}  // namespace khabar::text
