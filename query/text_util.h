#pragma once
// Helpers shared by the read use cases.

#include <string>
#include <string_view>

namespace khabar::query {

// The UTF-8-safe substring of text around [start, end), about `radius` bytes on each side,
// with "…" where it was cut.
std::string Context(std::string_view text, size_t start, size_t end, size_t radius);

// Appends s with <, >, & and " escaped for HTML.
void AppendEscaped(std::string& out, std::string_view s);

}  // namespace khabar::query
