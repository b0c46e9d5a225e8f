#pragma once
// Quote marks of one field paired into quoted segments (docs/design/quotes.md, rule 1): guillemets,
// curly double quotes and ASCII double quotes, mismatched pairs, nested quotes, and quotes left
// open at a paragraph's end.

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/word_table.h"

namespace khabar::text {

enum class QuoteMark : uint8_t { kNone, kOpenGuillemet, kCloseGuillemet, kLeft, kRight, kAscii };

// The quote mark a punctuation token's text is, if any.
QuoteMark QuoteMarkOf(std::string_view punct);
// The quote mark token i is, if any.
QuoteMark QuoteMarkAt(const FoldedTokens& t, size_t i);
// True when a line break separates token i from the token before it.
bool NewlineBefore(const FoldedTokens& t, size_t i);
// True when token i ends a sentence (. ! ? and the Arabic question mark).
bool SentenceEndAt(const FoldedTokens& t, size_t i);
// Cheap pre-scan: false when the text holds no quote mark at all.
bool HasQuoteMark(std::string_view text);

struct QuoteSegment {
  size_t open = 0;   // The opening mark.
  size_t close = 0;  // The closing mark, or the last token of the sentence when left open.
  bool closed = true;
};

// The outermost quoted segments in text order.
std::vector<QuoteSegment> FindQuoteSegments(const FoldedTokens& t);

}  // namespace khabar::text
