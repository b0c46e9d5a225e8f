#pragma once
// UTF-8 decoding and validation over byte strings.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace khabar::text {

inline constexpr char32_t kReplacement = U'\uFFFD';

// Decodes the code point at s[pos], storing its byte length in *len (at least 1). Invalid or
// truncated sequences decode as kReplacement with length 1, so a scan always makes progress.
char32_t DecodeAt(std::string_view s, size_t pos, size_t* len);

// Appends the UTF-8 encoding of cp.
void AppendUtf8(std::string& out, char32_t cp);

// OK, or kInvalidArgument naming the first bad byte offset.
Status ValidateUtf8(std::string_view s);

}  // namespace khabar::text
