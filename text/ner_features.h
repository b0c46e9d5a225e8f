#pragma once
// Features of the entity tagger, shared by the recognizer and the trainer so that both see the
// same hashes. A sentence is a run of normalized words; each word gets kNumFeatures 64-bit
// feature hashes built from the word, its light stem, affixes, shape, lexicon flags and its
// neighbours (+-2). Nothing here allocates per word.

#include <cstdint>
#include <span>
#include <string_view>

#include "text/ner_lexicon.h"
#include "text/tokenize.h"

namespace khabar::text::ner {

// Features that depend on the word alone (cacheable per word type), then on its neighbours.
inline constexpr int kNumWordFeatures = 24;
inline constexpr int kNumContextFeatures = 23;
inline constexpr int kNumFeatures = kNumWordFeatures + kNumContextFeatures;

// What the features need to know about one word, computed once per word.
struct WordInfo {
  uint64_t word = 0;  // Hash of the normalized word.
  uint64_t stem = 0;  // Hash of its light stem.
  uint64_t pre2 = 0, pre3 = 0, suf1 = 0, suf2 = 0, suf3 = 0;
  uint64_t stem_pre3 = 0, stem_suf2 = 0, stem_suf4 = 0;
  uint64_t pre4 = 0, suf4 = 0, stem_pre4 = 0, stem_suf3 = 0;
  uint64_t bare_pre3 = 0, bare_suf3 = 0;  // Of the clitic-less word (0 when there is none).
  uint64_t bare = 0;        // Hash of the word without a one-letter proclitic (b, l, k, w, f).
  uint16_t bare_flags = 0;  // Lexicon flags of that.
  uint16_t flags = 0;       // Lexicon flags of the stem.
  uint8_t shape = 0;        // Kind, length and article bits.
  uint8_t phrase = 0;       // 0, or 1 + 2 * PhraseClass for a phrase start, 2 + 2 * class inside.
  bool place = false;       // The word, or it without a one-letter clitic, is a PLACE (no feature).
};

// Fills `info` for one normalized word of the given token kind.
void DescribeWord(const Lexicon& lex, std::string_view norm, TokenKind kind, WordInfo* info);

// Marks the gazetteer phrases of a sentence in the `phrase` field of its words.
void MarkPhrases(const Lexicon& lex, std::span<WordInfo> words);

// The hash of the bias feature, which every word has.
uint64_t BiasFeature();

// Writes the kNumWordFeatures hashes that depend on the word alone.
void WordOnlyFeatures(const WordInfo& w, uint64_t* out);

// Writes the kNumContextFeatures hashes of words[i] that look at its neighbours: those of
// NeighbourFeatures for offsets -2, -1, 1, 2, then those of PairFeatures.
void ContextFeatures(std::span<const WordInfo> words, int i, uint64_t* out);

// The features that word u contributes to the word `offset` places away (-2, -1, 1 or 2) from it
// (it is that word's neighbour): they depend on u alone, so they can be cached with u. Returns
// how many were written (at most kMaxNeighbourFeatures).
int NeighbourFeatures(const WordInfo& u, int offset, uint64_t* out);
inline constexpr int kMaxNeighbourFeatures = 4;

// What stands for a missing neighbour before (offset < 0) or after the sentence.
WordInfo PadWord(int offset);

// The kNumPairFeatures context features that combine words[i] with its neighbours.
void PairFeatures(std::span<const WordInfo> words, int i, uint64_t* out);
inline constexpr int kNumPairFeatures = 11;

// Writes all kNumFeatures feature hashes of words[i] to out (word-only first).
void WordFeatures(std::span<const WordInfo> words, int i, uint64_t* out);

}  // namespace khabar::text::ner
