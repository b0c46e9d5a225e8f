#pragma once
// Highlighted snippets of the original text: <mark> around the words whose search term is one of
// the query's, found through the same term analysis as the index, so that "والرياض" lights up
// for the query "الرياض". Text outside the marks is HTML-escaped.

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "text/terms.h"

namespace khabar::query {

class Highlighter {
 public:
  Highlighter(const text::TermAnalyzer& terms, const std::vector<std::string>& query_terms,
              size_t max_snippets, size_t radius);

  // The whole title, marked (empty when nothing matches).
  std::vector<std::string> Title(std::string_view title) const;
  // Up to max_snippets fragments of the body around matches, in text order.
  std::vector<std::string> Body(std::string_view body) const;

 private:
  struct Match {
    uint32_t start, end;
  };
  std::vector<Match> Matches(std::string_view text) const;
  static std::string Mark(std::string_view text, size_t from, size_t to,
                          const std::vector<Match>& m);

  const text::TermAnalyzer& terms_;
  std::unordered_set<std::string> query_terms_;
  size_t max_snippets_;
  size_t radius_;
};

}  // namespace khabar::query
