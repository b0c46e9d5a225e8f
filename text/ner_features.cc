#include "text/ner_features.h"

#include <algorithm>

#include "text/utf8.h"

namespace khabar::text::ner {
namespace {

constexpr uint64_t kPadBefore = 0x6b61626172424f53ULL;  // Neighbour hashes past the sentence.
constexpr uint64_t kPadAfter = 0x6b61626172454f53ULL;

// Byte length of the first n code points of s (UTF-8 lead bytes counted).
size_t PrefixBytes(std::string_view s, int n) {
  size_t i = 0;
  for (int k = 0; k < n && i < s.size(); ++k) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

size_t SuffixStart(std::string_view s, int n) {
  size_t i = s.size();
  for (int k = 0; k < n && i > 0; ++k) {
    --i;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  }
  return i;
}

int CountCodePoints(std::string_view s) {
  int n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

uint8_t Shape(std::string_view norm, std::string_view stem, TokenKind kind) {
  const int len = CountCodePoints(norm);
  const int len_bucket = len <= 1   ? 0
                         : len <= 2 ? 1
                         : len <= 3 ? 2
                         : len <= 5 ? 3
                         : len <= 7 ? 4
                                    : 5;
  const int stripped = stem.size() != norm.size();
  return static_cast<uint8_t>(static_cast<int>(kind) * 16 + len_bucket * 2 + stripped);
}

}  // namespace

void DescribeWord(const Lexicon& lex, std::string_view norm, TokenKind kind, WordInfo* info) {
  const std::string_view stem = LightStem(norm);
  info->word = HashBytes(norm);
  info->stem = HashBytes(stem);
  info->pre2 = HashBytes(norm.substr(0, PrefixBytes(norm, 2)));
  info->pre3 = HashBytes(norm.substr(0, PrefixBytes(norm, 3)));
  info->suf1 = HashBytes(norm.substr(SuffixStart(norm, 1)));
  info->suf2 = HashBytes(norm.substr(SuffixStart(norm, 2)));
  info->suf3 = HashBytes(norm.substr(SuffixStart(norm, 3)));
  info->flags = lex.Flags(info->stem);
  info->shape = Shape(norm, stem, kind);
  info->phrase = 0;
}

void MarkPhrases(const Lexicon& lex, std::span<WordInfo> words) {
  uint64_t stems[Lexicon::kMaxPhraseWords];
  const int n = static_cast<int>(words.size());
  for (int i = 0; i < n;) {
    if (!(words[i].flags & kLexPhrase)) {
      ++i;
      continue;
    }
    const int avail = std::min(n - i, Lexicon::kMaxPhraseWords);
    for (int k = 0; k < avail; ++k) stems[k] = words[i + k].stem;
    const auto [cls, len] = lex.MatchPhrase(stems, avail);
    if (len == 0) {
      ++i;
      continue;
    }
    const uint8_t base = static_cast<uint8_t>(2 * static_cast<int>(cls));
    words[i].phrase = base + 1;
    for (int k = 1; k < len; ++k) words[i + k].phrase = base + 2;
    i += len;
  }
}

void WordFeatures(std::span<const WordInfo> words, int i, uint64_t* out) {
  const int n = static_cast<int>(words.size());
  const WordInfo& w = words[i];
  auto word_at = [&](int j) { return j < 0 ? kPadBefore : j >= n ? kPadAfter : words[j].word; };
  auto stem_at = [&](int j) { return j < 0 ? kPadBefore : j >= n ? kPadAfter : words[j].stem; };
  auto flags_at = [&](int j) -> uint64_t { return j < 0 || j >= n ? 0xFFFFu : words[j].flags; };
  auto shape_at = [&](int j) -> uint64_t { return j < 0 || j >= n ? 0xFFu : words[j].shape; };
  auto phrase_at = [&](int j) -> uint64_t { return j < 0 || j >= n ? 0xFFu : words[j].phrase; };
  uint64_t k = 0;
  auto emit = [&](uint64_t value) {
    *out++ = Mix(k, value);
    ++k;
  };
  emit(0);  // Bias.
  emit(w.word);
  emit(w.stem);
  emit(w.pre2);
  emit(w.pre3);
  emit(w.suf1);
  emit(w.suf2);
  emit(w.suf3);
  emit(w.shape);
  emit(word_at(i - 1));
  emit(word_at(i + 1));
  emit(word_at(i - 2));
  emit(word_at(i + 2));
  emit(stem_at(i - 1));
  emit(stem_at(i + 1));
  emit(Mix(word_at(i - 1), w.word));
  emit(Mix(w.word, word_at(i + 1)));
  emit(flags_at(i));
  emit(flags_at(i - 1));
  emit(flags_at(i + 1));
  emit(flags_at(i - 2));
  emit(flags_at(i + 2));
  emit(w.flags & (kLexPer | kLexFirst | kLexLast));
  emit(w.flags & (kLexLoc | kLexOrg));
  emit(w.flags & (kLexTitle | kLexOrgHead | kLexLocHead | kLexNat));
  emit(w.phrase);
  emit(phrase_at(i - 1));
  emit(phrase_at(i + 1));
  emit(shape_at(i - 1) << 16 | shape_at(i) << 8 | shape_at(i + 1));
  emit(flags_at(i - 1) << 16 | flags_at(i));
}

}  // namespace khabar::text::ner
