#pragma once
// Normalization for matching: folds the spellings an Arabic reader treats as the same word, and
// keeps a map back to the original bytes so that spans and highlights point into the original.
// The rule table is in docs/analysis.md.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace khabar::text {

// Folds one code point. Returns the number of code points written to out (0 = dropped, up to 4
// for ligatures such as lam-alef).
int FoldCodePoint(char32_t cp, char32_t out[4]);

struct Normalized {
  std::string text;
  // offsets[i] is the byte offset in the original of the character that produced text[i];
  // offsets[text.size()] is the original's size. Non-decreasing.
  std::vector<uint32_t> offsets;
};

// Normalizes a whole field, with the offset map. Invalid UTF-8 bytes become U+FFFD.
Normalized NormalizeWithOffsets(std::string_view original);

// Normalizes without the map (terms, queries). Appends to *out.
void NormalizeAppend(std::string_view original, std::string* out);
std::string Normalize(std::string_view original);

// True when Normalize(s) == s, checked cheaply, so clean input need not be copied.
bool IsNormalized(std::string_view s);

}  // namespace khabar::text
