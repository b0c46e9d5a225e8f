#pragma once
// Percent-decoding of paths and query strings.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace khabar::server {

// Decodes %XX escapes (and '+' as space when plus_is_space). nullopt on a malformed escape.
std::optional<std::string> PercentDecode(std::string_view s, bool plus_is_space);

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// "a=1&b=x%20y&a=2" -> {{"a","1"},{"b","x y"},{"a","2"}}; nullopt on a malformed escape.
std::optional<QueryParams> ParseQuery(std::string_view query);

}  // namespace khabar::server
