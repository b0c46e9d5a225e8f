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

inline constexpr int kNumFeatures = 30;

// What the features need to know about one word, computed once per word.
struct WordInfo {
  uint64_t word = 0;  // Hash of the normalized word.
  uint64_t stem = 0;  // Hash of its light stem.
  uint64_t pre2 = 0, pre3 = 0, suf1 = 0, suf2 = 0, suf3 = 0;
  uint16_t flags = 0;  // Lexicon flags of the stem.
  uint8_t shape = 0;   // Kind, length and article bits.
  uint8_t phrase = 0;  // 0, or 1 + 2 * PhraseClass for a phrase start, 2 + 2 * class inside.
};

// Fills `info` for one normalized word of the given token kind.
void DescribeWord(const Lexicon& lex, std::string_view norm, TokenKind kind, WordInfo* info);

// Marks the gazetteer phrases of a sentence in the `phrase` field of its words.
void MarkPhrases(const Lexicon& lex, std::span<WordInfo> words);

// Writes the kNumFeatures feature hashes of words[i] to out.
void WordFeatures(std::span<const WordInfo> words, int i, uint64_t* out);

}  // namespace khabar::text::ner
