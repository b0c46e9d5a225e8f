#include "text/word_table.h"

#include <charconv>

#include "text/chars.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace khabar::text {
namespace {

// Folded clitic letters: waw, feh (conjunctions); beh, lam, kaf (prepositions).
constexpr std::string_view kWaw = "\xD9\x88";
constexpr std::string_view kFeh = "\xD9\x81";
constexpr std::string_view kBeh = "\xD8\xA8";
constexpr std::string_view kLam = "\xD9\x84";
constexpr std::string_view kKaf = "\xD9\x83";
constexpr std::string_view kAlef = "\xD8\xA7";

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

uint64_t PhraseHash(std::string_view s) {  // FNV-1a.
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace

FoldedTokens::FoldedTokens(std::string_view text) : text_(text), tokens_(Tokenize(text)) {
  arena_.reserve(text.size() + 16);
  key_off_.reserve(tokens_.size() + 1);
  for (const Token& t : tokens_) {
    key_off_.push_back(static_cast<uint32_t>(arena_.size()));
    NormalizeAppend(text.substr(t.start, t.end - t.start), &arena_);
  }
  key_off_.push_back(static_cast<uint32_t>(arena_.size()));
}

bool SplitLexiconLine(std::string_view line, std::string_view* kind, int* value,
                      std::string_view* phrase) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.empty() || line[0] == '#') return false;
  const size_t t1 = line.find('\t');
  if (t1 == std::string_view::npos) return false;
  const size_t t2 = line.find('\t', t1 + 1);
  if (t2 == std::string_view::npos) return false;
  *kind = line.substr(0, t1);
  const std::string_view num = line.substr(t1 + 1, t2 - t1 - 1);
  *value = 0;
  if (!num.empty()) {
    const auto r = std::from_chars(num.data(), num.data() + num.size(), *value);
    if (r.ec != std::errc()) return false;
  }
  *phrase = line.substr(t2 + 1);
  return !phrase->empty();
}

void WordTable::Add(std::string_view phrase, int kind, int value) {
  std::string key;
  size_t pos = 0;
  while (pos < phrase.size()) {
    while (pos < phrase.size() && phrase[pos] == ' ') ++pos;
    size_t e = phrase.find(' ', pos);
    if (e == std::string_view::npos) e = phrase.size();
    if (e > pos) {
      if (!key.empty()) {
        map_[PhraseHash(key)].head = true;  // Every proper prefix of a phrase.
        if (key.find(' ') == std::string::npos) sketches_.set(Sketch(key));
        key.push_back(' ');
      }
      NormalizeAppend(phrase.substr(pos, e - pos), &key);
    }
    pos = e;
  }
  if (key.empty()) return;
  Entry& e = map_[PhraseHash(key)];
  e.kind = kind;
  e.value = value;
  if (key.find(' ') == std::string::npos) sketches_.set(Sketch(key));
}

std::optional<WordHit> WordTable::Find(std::string_view folded) const {
  const Entry* e = map_.Find(PhraseHash(folded));
  if (e == nullptr || e->kind == 0) return std::nullopt;
  WordHit h;
  h.kind = e->kind;
  h.value = e->value;
  return h;
}

std::optional<WordHit> WordTable::MatchFrom(const FoldedTokens& t, size_t i,
                                            std::string_view first) const {
  std::optional<WordHit> best;
  if (!MayHold(first)) return best;
  const Entry* it = map_.Find(PhraseHash(first));
  if (it == nullptr) return best;
  if (it->kind != 0) best = WordHit{it->kind, it->value, 1, 0, false};
  if (!it->head) return best;
  std::string key(first);
  for (size_t k = 1; k <= 2 && i + k < t.size(); ++k) {
    if (t.tok(i + k).kind != TokenKind::kArabic) break;
    key.push_back(' ');
    key.append(t.key(i + k));
    const Entry* phrase = map_.Find(PhraseHash(key));
    if (phrase == nullptr) break;
    if (phrase->kind != 0) {
      best = WordHit{phrase->kind, phrase->value, static_cast<int>(k + 1), 0, false};
    }
    if (!phrase->head) break;
  }
  return best;
}

std::optional<WordHit> WordTable::Match(const FoldedTokens& t, size_t i) const {
  if (i >= t.size()) return std::nullopt;
  const std::string_view key = t.key(i);
  if (auto h = MatchFrom(t, i, key)) return h;
  if (t.tok(i).kind != TokenKind::kArabic || key.size() < 6) return std::nullopt;
  std::string_view rest = key;
  int letters = 0;
  if (StartsWith(rest, kWaw) || StartsWith(rest, kFeh)) {
    rest.remove_prefix(2);
    letters = 1;
    if (auto h = MatchFrom(t, i, rest)) {
      h->clitic_letters = letters;
      return h;
    }
  }
  if (rest.size() >= 6 && StartsWith(rest, kLam) && StartsWith(rest.substr(2), kLam)) {
    std::string with_article(kAlef);
    with_article.append(rest.substr(2));  // Drops the first lam: "ll" + X -> "al" + X.
    if (auto h = MatchFrom(t, i, with_article)) {
      h->clitic_letters = letters;
      h->fused_article = true;
      return h;
    }
  }
  if (rest.size() >= 6 &&
      (StartsWith(rest, kBeh) || StartsWith(rest, kLam) || StartsWith(rest, kKaf))) {
    if (auto h = MatchFrom(t, i, rest.substr(2))) {
      h->clitic_letters = letters + 1;
      return h;
    }
  }
  return std::nullopt;
}

uint32_t SkipLetters(std::string_view text, uint32_t start, uint32_t end, int n) {
  uint32_t pos = start;
  for (int k = 0; k < n && pos < end; ++k) {
    size_t len;
    DecodeAt(text, pos, &len);
    pos += static_cast<uint32_t>(len);
    while (pos < end) {
      const char32_t c = DecodeAt(text, pos, &len);
      if (!IsArabicMark(c)) break;
      pos += static_cast<uint32_t>(len);
    }
  }
  return pos;
}

}  // namespace khabar::text
