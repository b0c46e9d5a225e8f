// The token table of the figures extractor: one pass that splits a field into tokens (the same
// boundaries as text/tokenize.h) and writes each token's normalized form (text/normalize.h) and
// hash, without a per-token allocation. Arabic letters, ASCII and digits take a fast path; other
// code points go through DecodeAt() and FoldCodePoint().

#include "text/chars.h"
#include "text/tokenize.h"
#include "text/figures_scan.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace khabar::text::figures_internal {
namespace {

constexpr size_t kMaxWordBytes = 64;

// Decodes the code point at i; fast for ASCII and two-byte sequences.
inline char32_t Decode(std::string_view s, size_t i, size_t* len) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  if (c >= 0xC2 && c <= 0xDF && i + 1 < s.size() &&
      (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
    *len = 2;
    return (static_cast<char32_t>(c & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
  }
  return DecodeAt(s, i, len);
}

bool IsSentenceEnd(char32_t c) {
  return c == U'.' || c == U'!' || c == U'?' || c == 0x061F || c == U';' || c == 0x061B;
}

// Appends the normalized form of text[a, b) to out at *pos (out has room for 4x the bytes).
void NormalizeInto(std::string_view text, size_t a, size_t b, char* out, size_t* pos) {
  size_t i = a;
  char32_t folded[4];
  while (i < b) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out[(*pos)++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      ++i;
      continue;
    }
    size_t len;
    const char32_t cp = Decode(text, i, &len);
    i += len;
    // Fast path for the Arabic block; the same folding as FoldCodePoint().
    if (cp >= 0x0621 && cp <= 0x0670) {
      char32_t f = cp;
      switch (cp) {
        case 0x0622:  // Alef with madda, hamza above, hamza below: alef.
        case 0x0623:
        case 0x0625:
          f = 0x0627;
          break;
        case 0x0649:
          f = 0x064A;
          break;  // Alef maqsura: yeh.
        case 0x0629:
          f = 0x0647;
          break;  // Teh marbuta: heh.
        default:
          break;
      }
      if ((cp >= 0x064B && cp <= 0x0655) || cp == 0x0670 || cp == 0x0640) continue;  // Marks.
      if (cp >= 0x0660 && cp <= 0x0669) {
        out[(*pos)++] = static_cast<char>('0' + (cp - 0x0660));
        continue;
      }
      if (cp < 0x0656) {
        out[(*pos)++] = static_cast<char>(0xC0 | (f >> 6));
        out[(*pos)++] = static_cast<char>(0x80 | (f & 0x3F));
        continue;
      }
    }
    const int n = FoldCodePoint(cp, folded);
    for (int k = 0; k < n; ++k) {
      const char32_t f = folded[k];
      if (f < 0x80) {
        out[(*pos)++] = static_cast<char>(f);
      } else if (f < 0x800) {
        out[(*pos)++] = static_cast<char>(0xC0 | (f >> 6));
        out[(*pos)++] = static_cast<char>(0x80 | (f & 0x3F));
      } else if (f < 0x10000) {
        out[(*pos)++] = static_cast<char>(0xE0 | (f >> 12));
        out[(*pos)++] = static_cast<char>(0x80 | ((f >> 6) & 0x3F));
        out[(*pos)++] = static_cast<char>(0x80 | (f & 0x3F));
      } else {
        out[(*pos)++] = static_cast<char>(0xF0 | (f >> 18));
        out[(*pos)++] = static_cast<char>(0x80 | ((f >> 12) & 0x3F));
        out[(*pos)++] = static_cast<char>(0x80 | ((f >> 6) & 0x3F));
        out[(*pos)++] = static_cast<char>(0x80 | (f & 0x3F));
      }
    }
  }
}

// The end of the token that starts at i with code point c, and its kind.
size_t TokenEnd(std::string_view s, size_t i, char32_t c, size_t len, TokenKind* kind) {
  if ((c == U'h' || c == U'H' || c == U'w' || c == U'W') && StartsWithUrl(s, i)) {
    size_t j = i;
    while (j < s.size()) {
      size_t l;
      const char32_t d = Decode(s, j, &l);
      if (IsSpace(d) || IsInvisible(d) || d == U'"' || d == U'<' || d == U'>') break;
      j += l;
    }
    *kind = TokenKind::kUrl;
    return j;
  }
  if (IsDigit(c)) {
    size_t j = i + len;
    while (j < s.size()) {
      size_t l2;
      const char32_t d = Decode(s, j, &l2);
      if (IsDigit(d)) {
        j += l2;
        continue;
      }
      if (IsNumberSeparator(d) && j + l2 < s.size()) {
        size_t k = j + l2;
        size_t l3;
        char32_t n = Decode(s, k, &l3);
        if (n == 0x200F && k + l3 < s.size()) {  // Right-to-left mark inside a decimal.
          k += l3;
          n = Decode(s, k, &l3);
        }
        if (IsDigit(n)) {
          j = k;
          continue;
        }
      }
      break;
    }
    *kind = TokenKind::kNumber;
    return j;
  }
  if (IsArabicLetter(c) || (IsArabicMark(c) && c != 0x0640)) {
    size_t j = i + len;
    while (j < s.size()) {
      size_t l2;
      const char32_t d = Decode(s, j, &l2);
      if (!IsArabicLetter(d) && !IsArabicMark(d)) break;
      j += l2;
    }
    *kind = TokenKind::kArabic;
    return j;
  }
  if (IsLatinLetter(c)) {
    size_t j = i + len;
    while (j < s.size()) {
      size_t l2;
      const char32_t d = Decode(s, j, &l2);
      if (!IsLatinLetter(d) && !(d >= U'0' && d <= U'9')) break;
      j += l2;
    }
    *kind = TokenKind::kLatin;
    return j;
  }
  *kind = TokenKind::kPunct;
  return i + len;
}

}  // namespace

int Stems(std::string_view norm, Stem out[kMaxStems]) {
  int n = 0;
  auto add = [&](std::string_view rest, int letters, bool conj, bool prep) {
    if (rest.size() < 4) return;
    if (n < kMaxStems) out[n++] = Stem{rest, letters, conj, prep, false};
    if (StartsWith(rest, kArticle) && rest.size() > 6 && n < kMaxStems) {
      out[n++] = Stem{rest.substr(kArticle.size()), letters, conj, prep, true};
    } else if (prep && StartsWith(norm.substr(static_cast<size_t>(letters - 1) * 2), kLam) &&
               StartsWith(rest, kLam) && rest.size() > 4 && n < kMaxStems) {
      out[n++] = Stem{rest.substr(kLam.size()), letters, conj, prep, true};  // li + al-
    }
  };
  add(norm, 0, false, false);
  std::string_view rest = norm;
  int letters = 0;
  bool conj = false;
  if (StartsWith(rest, kWaw) || StartsWith(rest, kFeh)) {
    rest.remove_prefix(2);
    letters = 1;
    conj = true;
    add(rest, letters, true, false);
  }
  if (StartsWith(rest, kBeh) || StartsWith(rest, kLam) || StartsWith(rest, kKaf)) {
    rest.remove_prefix(2);
    add(rest, letters + 1, conj, true);
  }
  return n;
}

void BuildWords(std::string_view text, FieldText* f) {
  f->text = text;
  f->words.clear();
  f->words.reserve(text.size() / 5 + 4);
  // Normalization never more than quadruples a code point's bytes (lam-alef ligatures).
  f->arena.resize(text.size() * 2 + 64);
  std::vector<std::pair<uint32_t, uint32_t>> ranges;
  ranges.reserve(text.size() / 5 + 4);
  size_t pos = 0;
  uint32_t sentence = 0;
  uint32_t paragraph = 0;
  bool glued = false;
  size_t i = 0;
  while (i < text.size()) {
    size_t len;
    const char32_t c = Decode(text, i, &len);
    if (IsSpace(c) || IsInvisible(c) || c == 0x0640) {
      if (c == U'\n') {
        ++sentence;
        ++paragraph;
      }
      // Some sources print direction marks where a space belongs ("الدولي\u200F10\u200F اتفاقيات"),
      // but a mark after a one-letter clitic keeps it on its word ("و\u200F24" is "and 24").
      const bool clitic = !f->words.empty() && f->words.back().end - f->words.back().start == 2 &&
                          f->words.back().end == i && f->words.back().kind == TokenKind::kArabic;
      if (IsSpace(c) || !clitic) glued = false;
      i += len;
      continue;
    }
    TokenKind kind;
    const size_t end = TokenEnd(text, i, c, len, &kind);
    Word w;
    w.start = static_cast<uint32_t>(i);
    w.end = static_cast<uint32_t>(end);
    w.kind = kind;
    w.glued = glued && !f->words.empty();
    w.sentence = sentence;
    w.paragraph = paragraph;
    const size_t before = pos;
    if (end - i <= kMaxWordBytes && kind != TokenKind::kUrl) {
      if (f->arena.size() < pos + 4 * (end - i)) f->arena.resize(pos + 4 * (end - i) + 64);
      NormalizeInto(text, i, end, f->arena.data(), &pos);
    }
    ranges.emplace_back(static_cast<uint32_t>(before), static_cast<uint32_t>(pos - before));
    f->words.push_back(w);
    if (kind == TokenKind::kPunct && IsSentenceEnd(c)) ++sentence;
    glued = true;
    i = end;
  }
  const std::string_view arena(f->arena.data(), pos);
  for (size_t k = 0; k < f->words.size(); ++k) {
    f->words[k].norm = arena.substr(ranges[k].first, ranges[k].second);
    f->words[k].hash = FiguresLexicon::WordHash(f->words[k].norm);
  }
}

}  // namespace khabar::text::figures_internal
