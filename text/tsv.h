#pragma once
// Reading the embedded TSV lexicons: one entry a line, tab-separated columns, '#' comments.

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/status.h"

namespace khabar::text {

// Calls fn(columns) for every non-empty, non-comment line of tsv (CRLF tolerated). fn returns
// bool (false: a malformed entry) or Status (its message names the problem); either way the
// error returned names the file and the line.
template <typename Fn>
Status ForEachTsvLine(std::string_view tsv, std::string_view file, Fn fn) {
  size_t pos = 0;
  int line_no = 0;
  std::vector<std::string_view> cols;
  while (pos < tsv.size()) {
    size_t eol = tsv.find('\n', pos);
    if (eol == std::string_view::npos) eol = tsv.size();
    std::string_view line = tsv.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    cols.clear();
    for (size_t start = 0;;) {
      const size_t tab = line.find('\t', start);
      cols.push_back(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    std::string problem;
    if constexpr (std::is_same_v<decltype(fn(cols)), bool>) {
      if (!fn(cols)) problem = "malformed entry";
    } else {
      const Status s = fn(cols);
      if (!s.ok()) problem = s.message();
    }
    if (!problem.empty()) {
      return InvalidArgument(std::string(file) + " line " + std::to_string(line_no) + ": " +
                             problem);
    }
  }
  return Status::Ok();
}

}  // namespace khabar::text
