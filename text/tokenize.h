#pragma once
// Splits text into tokens whose offsets point into the original bytes.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace khabar::text {

enum class TokenKind : uint8_t {
  kArabic,  // A run of Arabic letters and marks (clitics still attached).
  kLatin,   // Latin letters and digits ("SV596", "G20").
  kNumber,  // Digits with inner separators: 8.3, 3,06, 1,500,000, ٣٫٥.
  kUrl,
  kEmail,
  kHashtag,  // "#word": the token includes the '#'.
  kMention,  // "@name": the token includes the '@'.
  kPunct,    // One punctuation or symbol character (، ؛ ؟ « » % $ ...).
};

struct Token {
  uint32_t start = 0;  // Byte offsets into the original text, end exclusive.
  uint32_t end = 0;
  TokenKind kind = TokenKind::kPunct;
  bool operator==(const Token&) const = default;
};

// Tokens in text order. Whitespace, zero-width and bidi marks separate tokens and are never part
// of one, except a right-to-left mark right after a number's separator ("50.\u200f940"), which
// some newspapers print inside decimals.
std::vector<Token> Tokenize(std::string_view text);
void TokenizeAppend(std::string_view text, std::vector<Token>* out);

bool IsWordToken(TokenKind k);

// True when a URL ("http://", "https://", "www.", any case) starts at s[i].
bool StartsWithUrl(std::string_view s, size_t i);

}  // namespace khabar::text
