#pragma once
// Folded-word lexicons for the rule-based extractors (dates, quotes): a table from folded words
// and phrases to a small payload, loaded from embedded "kind<TAB>value<TAB>phrase" TSV files, and
// the tokens of one field with their folded keys, built once per field.

#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "text/flat_hash_map.h"
#include "text/tokenize.h"

namespace khabar::text {

// The tokens of one field, each with its folded key, kept in one arena.
class FoldedTokens {
 public:
  explicit FoldedTokens(std::string_view text);

  size_t size() const { return tokens_.size(); }
  const Token& tok(size_t i) const { return tokens_[i]; }
  const std::vector<Token>& tokens() const { return tokens_; }
  // Empty past the last token, so that look-ahead rules need no bounds checks of their own.
  std::string_view key(size_t i) const {
    if (i >= size()) return {};
    return std::string_view(arena_).substr(key_off_[i], key_off_[i + 1] - key_off_[i]);
  }
  std::string_view text() const { return text_; }
  // True when token i+1 starts right where token i ends (no space between).
  bool Glued(size_t i) const { return i + 1 < size() && tokens_[i].end == tokens_[i + 1].start; }
  bool IsPunct(size_t i, char c) const {
    return i < size() && tokens_[i].kind == TokenKind::kPunct && key(i).size() == 1 &&
           key(i)[0] == c;
  }

 private:
  std::string_view text_;
  std::vector<Token> tokens_;
  std::string arena_;
  std::vector<uint32_t> key_off_;
};

struct WordHit {
  int kind = 0;
  int value = 0;
  int words = 1;               // Tokens the phrase covers.
  int clitic_letters = 0;      // Letters of the first token before the word (waw, beh, lam...).
  bool fused_article = false;  // Lam fused with the article (lil-aam): the span keeps it.
};

class WordTable {
 public:
  // Adds a phrase of one or more space-separated words. A later entry for the same phrase wins.
  void Add(std::string_view phrase, int kind, int value);
  // Parses "kind<TAB>value<TAB>phrase" lines (# comments, blank lines); `kind_of` maps a kind name
  // to a kind number, or -1 for an unknown name (an error).
  template <typename KindOf>
  Status Load(std::string_view tsv, std::string_view name, KindOf kind_of);

  // The longest phrase starting at token i (up to 3 tokens), trying the first token with its
  // clitics stripped (waw, feh; then beh, lam, kaf; lam-lam -> alef-lam). nullopt when nothing
  // matches.
  std::optional<WordHit> Match(const FoldedTokens& t, size_t i) const;
  // Exact lookup of one folded word, no clitics.
  std::optional<WordHit> Find(std::string_view folded) const;

 private:
  std::optional<WordHit> MatchFrom(const FoldedTokens& t, size_t i, std::string_view first) const;

  // A cheap pre-check before hashing: a 64K-bit filter over the length and the first and last
  // bytes of every single-word key (words and phrase heads). Most words of a text fail it.
  static size_t Sketch(std::string_view s) {
    size_t h = s.size();
    for (size_t i = 0; i < 6 && i < s.size(); ++i) h = h * 131 + static_cast<unsigned char>(s[i]);
    if (s.size() > 6) h = h * 131 + static_cast<unsigned char>(s[s.size() - 1]);
    if (s.size() > 7) h = h * 131 + static_cast<unsigned char>(s[s.size() - 2]);
    return (h ^ (h >> 16)) & 0xFFFF;
  }
  bool MayHold(std::string_view s) const { return sketches_.test(Sketch(s)); }

  std::bitset<65536> sketches_;
  struct Entry {
    int kind = 0;  // 0: no entry of its own, only the start of a longer phrase.
    int value = 0;
    bool head = false;  // A longer phrase starts with this key.
  };
  // By the 64-bit hash of the folded phrase: a lexicon of a few thousand phrases makes a false
  // hit of some other word a chance of about 2^-50 per lookup.
  ner::FlatHashMap<Entry> map_;
};

// Parses one TSV line into its three fields; false for comments, blanks and malformed lines.
bool SplitLexiconLine(std::string_view line, std::string_view* kind, int* value,
                      std::string_view* phrase);

template <typename KindOf>
Status WordTable::Load(std::string_view tsv, std::string_view name, KindOf kind_of) {
  size_t pos = 0;
  int line_no = 0;
  while (pos < tsv.size()) {
    size_t nl = tsv.find('\n', pos);
    if (nl == std::string_view::npos) nl = tsv.size();
    const std::string_view line = tsv.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    std::string_view kind_name, phrase;
    int value = 0;
    if (!SplitLexiconLine(line, &kind_name, &value, &phrase)) continue;
    const int kind = kind_of(kind_name);
    if (kind < 0) {
      return Internal(std::string(name) + ":" + std::to_string(line_no) + ": unknown kind '" +
                      std::string(kind_name) + "'");
    }
    Add(phrase, kind, value);
  }
  return Status::Ok();
}

// Byte offset in `text` after the first n letters of the word at [start, end) and the marks and
// tatweel that follow each letter.
uint32_t SkipLetters(std::string_view text, uint32_t start, uint32_t end, int n);

}  // namespace khabar::text
