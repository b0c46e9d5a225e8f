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

// True when a normalized word of four letters or more starts with b, l, k, w or f.
bool OneLetterProclitic(std::string_view w) {
  if (w.size() < 8 || static_cast<unsigned char>(w[0]) < 0xD8) return false;
  const std::string_view first = w.substr(0, 2);
  return first == "\xD8\xA8" || first == "\xD9\x84" || first == "\xD9\x83" || first == "\xD9\x88" ||
         first == "\xD9\x81";
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
  info->stem_pre3 = HashBytes(stem.substr(0, PrefixBytes(stem, 3)));
  info->stem_suf2 = HashBytes(stem.substr(SuffixStart(stem, 2)));
  info->stem_suf4 = HashBytes(stem.substr(SuffixStart(stem, 4)));
  info->pre4 = HashBytes(norm.substr(0, PrefixBytes(norm, 4)));
  info->suf4 = HashBytes(norm.substr(SuffixStart(norm, 4)));
  info->stem_pre4 = HashBytes(stem.substr(0, PrefixBytes(stem, 4)));
  info->stem_suf3 = HashBytes(stem.substr(SuffixStart(stem, 3)));
  info->flags = lex.Flags(info->stem);
  const std::string_view bare = OneLetterProclitic(norm) ? norm.substr(2) : std::string_view();
  info->bare = HashBytes(bare);
  info->bare_flags = bare.empty() ? 0 : lex.Flags(HashBytes(LightStem(bare)));
  info->bare_pre3 = bare.empty() ? 0 : HashBytes(bare.substr(0, PrefixBytes(bare, 3)));
  info->bare_suf3 = bare.empty() ? 0 : HashBytes(bare.substr(SuffixStart(bare, 3)));
  info->shape = Shape(norm, stem, kind);
  info->phrase = 0;
  info->place = lex.IsPlace(info->word) || (!bare.empty() && lex.IsPlace(info->bare));
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

uint64_t BiasFeature() { return Mix(0, 0); }

void WordOnlyFeatures(const WordInfo& w, uint64_t* out) {
  uint64_t k = 0;
  auto emit = [&](uint64_t value) { *out++ = Mix(k++, value); };
  emit(0);  // Bias.
  emit(w.word);
  emit(w.stem);
  emit(w.pre2);
  emit(w.pre3);
  emit(w.suf1);
  emit(w.suf2);
  emit(w.suf3);
  emit(w.shape);
  emit(w.flags);
  emit(w.flags & (kLexPer | kLexFirst | kLexLast));
  emit(w.flags & (kLexLoc | kLexOrg));
  emit(w.flags & (kLexTitle | kLexOrgHead | kLexLocHead | kLexNat));
  emit(w.stem_pre3);
  emit(w.stem_suf2);
  emit(w.stem_suf4);
  emit(w.bare);
  emit(w.bare_flags);
  emit(w.pre4);
  emit(w.suf4);
  emit(w.stem_pre4);
  emit(w.stem_suf3);
  emit(w.bare_pre3);
  emit(w.bare_suf3);
}

WordInfo PadWord(int offset) {
  WordInfo pad;
  const uint64_t h = offset < 0 ? kPadBefore : kPadAfter;
  pad.word = pad.stem = pad.pre2 = pad.suf2 = h;
  pad.flags = 0xFFFF;
  return pad;
}

int NeighbourFeatures(const WordInfo& u, int offset, uint64_t* out) {
  // Feature kinds as numbered in ContextFeatures' full list (100 + position).
  switch (offset) {
    case -1:
      out[0] = Mix(100, u.word);
      out[1] = Mix(104, u.stem);
      out[2] = Mix(108, u.flags);
      out[3] = Mix(120, u.suf2);
      return 4;
    case 1:
      out[0] = Mix(101, u.word);
      out[1] = Mix(105, u.stem);
      out[2] = Mix(109, u.flags);
      out[3] = Mix(121, u.pre2);
      return 4;
    case -2:
      out[0] = Mix(102, u.word);
      out[1] = Mix(110, u.flags);
      return 2;
    case 2:
      out[0] = Mix(103, u.word);
      out[1] = Mix(111, u.flags);
      return 2;
    default:
      return 0;
  }
}

void PairFeatures(std::span<const WordInfo> words, int i, uint64_t* out) {
  const int n = static_cast<int>(words.size());
  const WordInfo& w = words[i];
  auto word_at = [&](int j) { return j < 0 ? kPadBefore : j >= n ? kPadAfter : words[j].word; };
  auto stem_at = [&](int j) { return j < 0 ? kPadBefore : j >= n ? kPadAfter : words[j].stem; };
  auto flags_at = [&](int j) -> uint64_t { return j < 0 || j >= n ? 0xFFFFu : words[j].flags; };
  auto shape_at = [&](int j) -> uint64_t { return j < 0 || j >= n ? 0xFFu : words[j].shape; };
  auto phrase_at = [&](int j) -> uint64_t { return j < 0 || j >= n ? 0xFFu : words[j].phrase; };
  *out++ = Mix(106, Mix(word_at(i - 1), w.word));
  *out++ = Mix(107, Mix(w.word, word_at(i + 1)));
  *out++ = Mix(112, w.phrase);
  *out++ = Mix(113, phrase_at(i - 1));
  *out++ = Mix(114, phrase_at(i + 1));
  *out++ = Mix(115, shape_at(i - 1) << 16 | shape_at(i) << 8 | shape_at(i + 1));
  *out++ = Mix(116, flags_at(i - 1) << 16 | flags_at(i));
  *out++ = Mix(117, Mix(word_at(i - 2), word_at(i - 1)));
  *out++ = Mix(118, Mix(word_at(i + 1), word_at(i + 2)));
  *out++ = Mix(119, Mix(stem_at(i - 1), w.stem));
  *out++ = Mix(122, Mix(word_at(i - 1), w.bare));
}

void ContextFeatures(std::span<const WordInfo> words, int i, uint64_t* out) {
  const int n = static_cast<int>(words.size());
  for (int offset : {-2, -1, 1, 2}) {
    const int j = i + offset;
    out += NeighbourFeatures(j < 0 || j >= n ? PadWord(offset) : words[j], offset, out);
  }
  PairFeatures(words, i, out);
}

void WordFeatures(std::span<const WordInfo> words, int i, uint64_t* out) {
  WordOnlyFeatures(words[i], out);
  ContextFeatures(words, i, out + kNumWordFeatures);
}

}  // namespace khabar::text::ner
