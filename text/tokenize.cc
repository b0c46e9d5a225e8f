#include "text/tokenize.h"

#include "text/chars.h"
#include "text/utf8.h"

namespace khabar::text {
namespace {

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// End of a URL starting at i: up to whitespace, minus trailing punctuation.
size_t UrlEnd(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size()) {
    size_t len;
    const char32_t c = DecodeAt(s, j, &len);
    if (IsSpace(c) || IsInvisible(c) || c == U'"' || c == U'<' || c == U'>' || c == 0xAB ||
        c == 0xBB || c == 0x201C || c == 0x201D || c == 0x060C || c == 0x061B) {
      break;
    }
    j += len;
  }
  while (j > i && (s[j - 1] == '.' || s[j - 1] == ',' || s[j - 1] == ')' || s[j - 1] == ';' ||
                   s[j - 1] == ':' || s[j - 1] == '!' || s[j - 1] == '?')) {
    --j;
  }
  return j;
}

// If an e-mail address starts at i, its end; else 0.
size_t EmailEnd(std::string_view s, size_t i) {
  size_t j = i;
  auto local = [](char c) {
    return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  };
  while (j < s.size() && local(s[j])) ++j;
  if (j == i || j >= s.size() || s[j] != '@') return 0;
  size_t k = j + 1;
  size_t last_dot = 0;
  while (k < s.size() && (IsAsciiAlnum(s[k]) || s[k] == '-' || s[k] == '.')) {
    if (s[k] == '.') last_dot = k;
    ++k;
  }
  while (k > j + 1 && s[k - 1] == '.') --k;
  if (last_dot == 0 || last_dot + 2 >= k || last_dot <= j + 1) return 0;
  return k;
}

}  // namespace

bool StartsWithUrl(std::string_view s, size_t i) {
  auto starts = [&](std::string_view p) {
    if (s.size() - i < p.size()) return false;
    for (size_t k = 0; k < p.size(); ++k) {
      char c = s[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (c != p[k]) return false;
    }
    return true;
  };
  return starts("http://") || starts("https://") || starts("www.");
}

bool IsWordToken(TokenKind k) {
  return k == TokenKind::kArabic || k == TokenKind::kLatin || k == TokenKind::kNumber ||
         k == TokenKind::kHashtag || k == TokenKind::kMention;
}

void TokenizeAppend(std::string_view s, std::vector<Token>* out) {
  size_t i = 0;
  auto emit = [&](size_t a, size_t b, TokenKind k) {
    out->push_back(Token{static_cast<uint32_t>(a), static_cast<uint32_t>(b), k});
  };
  while (i < s.size()) {
    size_t len;
    const char32_t c = DecodeAt(s, i, &len);
    if (IsSpace(c) || IsInvisible(c)) {
      i += len;
      continue;
    }
    if ((c == U'h' || c == U'H' || c == U'w' || c == U'W') && StartsWithUrl(s, i)) {
      const size_t e = UrlEnd(s, i);
      emit(i, e, TokenKind::kUrl);
      i = e;
      continue;
    }
    if (c < 0x80 && IsAsciiAlnum(static_cast<char>(c))) {
      if (size_t e = EmailEnd(s, i)) {
        emit(i, e, TokenKind::kEmail);
        i = e;
        continue;
      }
    }
    if (IsDigit(c)) {
      size_t j = i + len;
      while (j < s.size()) {
        size_t l2;
        const char32_t d = DecodeAt(s, j, &l2);
        if (IsDigit(d)) {
          j += l2;
          continue;
        }
        if (IsNumberSeparator(d)) {
          size_t k = j + l2;
          size_t l3;
          char32_t n = k < s.size() ? DecodeAt(s, k, &l3) : 0;
          if (n == 0x200F && k + l3 < s.size()) {  // RLM printed inside a decimal.
            k += l3;
            n = DecodeAt(s, k, &l3);
          }
          if (IsDigit(n)) {
            j = k;
            continue;
          }
        }
        break;
      }
      emit(i, j, TokenKind::kNumber);
      i = j;
      continue;
    }
    if (IsArabicLetter(c) || (IsArabicMark(c) && c != 0x0640)) {
      size_t j = i + len;
      while (j < s.size()) {
        size_t l2;
        const char32_t d = DecodeAt(s, j, &l2);
        if (!IsArabicLetter(d) && !IsArabicMark(d)) break;
        j += l2;
      }
      emit(i, j, TokenKind::kArabic);
      i = j;
      continue;
    }
    if (IsLatinLetter(c)) {
      size_t j = i + len;
      while (j < s.size()) {
        size_t l2;
        const char32_t d = DecodeAt(s, j, &l2);
        if (!IsLatinLetter(d) && !(d >= U'0' && d <= U'9')) break;
        j += l2;
      }
      emit(i, j, TokenKind::kLatin);
      i = j;
      continue;
    }
    if ((c == U'#' || c == U'@') && i + 1 < s.size()) {
      size_t l2;
      const char32_t d = DecodeAt(s, i + 1, &l2);
      const bool hashtag = c == U'#' && (IsArabicLetter(d) || IsLatinLetter(d) || d == U'_');
      const bool mention =
          c == U'@' && d < 0x80 && (IsAsciiAlnum(static_cast<char>(d)) || d == U'_');
      if (hashtag || mention) {
        size_t j = i + 1;
        while (j < s.size()) {
          size_t l3;
          const char32_t e = DecodeAt(s, j, &l3);
          if (!(IsArabicLetter(e) || IsArabicMark(e) || IsLatinLetter(e) || IsDigit(e) ||
                e == U'_'))
            break;
          j += l3;
        }
        emit(i, j, hashtag ? TokenKind::kHashtag : TokenKind::kMention);
        i = j;
        continue;
      }
    }
    if (c == 0x0640) {  // A stray tatweel outside a word is not a token.
      i += len;
      continue;
    }
    emit(i, i + len, TokenKind::kPunct);
    i += len;
  }
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> out;
  out.reserve(text.size() / 5 + 4);
  TokenizeAppend(text, &out);
  return out;
}

}  // namespace khabar::text
