#pragma once
// The search query language: words (all required), "exact phrases", -exclusions, a OR b, and
// parentheses. Words become search terms through text::TermAnalyzer, so spelling variants,
// diacritics and clitics meet the indexed terms.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "text/terms.h"

namespace khabar::query {

struct QueryNode {
  enum class Kind { kTerm, kPhrase, kAnd, kOr, kNot };
  Kind kind = Kind::kAnd;
  std::vector<std::string> terms;   // kTerm: one term; kPhrase: the terms in order.
  std::vector<QueryNode> children;  // kAnd, kOr: operands; kNot: one operand.
};

// Parses q. An empty or all-stop-word query gives an empty kAnd (match everything).
// kInvalidArgument (field "q") for unbalanced quotes or parentheses, or a query of only
// exclusions.
Result<QueryNode> ParseQuery(std::string_view q, const text::TermAnalyzer& terms);

// The distinct terms that count for ranking and highlighting: those not under a kNot.
std::vector<std::string> PositiveTerms(const QueryNode& node);

}  // namespace khabar::query
