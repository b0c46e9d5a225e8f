// The token table of the figures extractor, built over the field's shared tokens and their
// normalized keys (text/word_table.h): each word gets its sentence and paragraph, whether it is
// glued to the previous one, and its lexicon hash.

#include "text/chars.h"
#include "text/tokenize.h"
#include "text/figures_scan.h"
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

void BuildWords(const FoldedTokens& t, FieldText* f) {
  const std::string_view text = t.text();
  f->text = text;
  f->words.clear();
  f->words.reserve(t.size());
  uint32_t sentence = 0;
  uint32_t paragraph = 0;
  for (size_t k = 0; k < t.size(); ++k) {
    const Token& tok = t.tok(k);
    // The gap holds only what the tokenizer skips: spaces, invisible marks, stray tatweel.
    // Some sources print direction marks where a space belongs ("الدولي\u200F10\u200F اتفاقيات"),
    // but a mark right after a one-letter clitic keeps it on its word ("و\u200F24" is "and 24").
    bool glued = k > 0;
    const size_t gap = k > 0 ? t.tok(k - 1).end : 0;
    const bool clitic = k > 0 && t.tok(k - 1).kind == TokenKind::kArabic &&
                        t.tok(k - 1).end - t.tok(k - 1).start == 2;
    for (size_t i = gap; i < tok.start;) {
      size_t len;
      const char32_t c = Decode(text, i, &len);
      if (c == U'\n') {
        ++sentence;
        ++paragraph;
      }
      if (IsSpace(c) || !(clitic && i == gap)) glued = false;
      i += len;
    }
    Word w;
    w.start = tok.start;
    w.end = tok.end;
    w.kind = tok.kind;
    w.glued = glued;
    w.sentence = sentence;
    w.paragraph = paragraph;
    if (tok.end - tok.start <= kMaxWordBytes && tok.kind != TokenKind::kUrl) w.norm = t.key(k);
    w.hash = FiguresLexicon::WordHash(w.norm);
    f->words.push_back(w);
    if (tok.kind == TokenKind::kPunct) {
      size_t len;
      if (IsSentenceEnd(Decode(text, tok.start, &len))) ++sentence;
    }
  }
}

}  // namespace khabar::text::figures_internal
