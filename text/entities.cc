#include "text/entities.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <unordered_map>

#include "text/entity_canonical.h"
#include "text/entity_rules.h"
#include "text/flat_hash_map.h"
#include "text/ner_data.h"
#include "text/ner_features.h"
#include "text/ner_lexicon.h"
#include "text/ner_model.h"
#include "text/normalize.h"
#include "text/quote_words.h"
#include "text/tokenize.h"
#include "text/word_table.h"

namespace khabar::text {
namespace ner {

// A word type seen before: its description and word-only scores.
struct CachedWord {
  WordInfo info;
  uint32_t norm_bytes;
  float scores[kNumTags];        // Its word-only features.
  float neighbour[4][kNumTags];  // What it adds to the word 2, 1 after it and 1, 2 before it.
};

// Offsets (neighbour position relative to the tagged word) of CachedWord::neighbour's rows.
constexpr int kOffsets[4] = {-2, -1, 1, 2};

// The rows of a word for each neighbour position.
void ScoreNeighbour(const Model& model, const WordInfo& u, float rows[4][kNumTags]) {
  uint64_t features[kMaxNeighbourFeatures];
  for (int o = 0; o < 4; ++o) {
    const int n = NeighbourFeatures(u, kOffsets[o], features);
    model.Score(features, n, rows[o]);
  }
}

// Buffers reused across sentences and calls.
struct Scratch {
  FlatHashMap<uint32_t> cache;  // Word hash -> 1 + index into `cached`.
  std::vector<CachedWord> cached;
  std::string norm;                  // The word being described.
  std::vector<uint32_t> norm_bytes;  // Normalized length of each word of the sentence.
  std::vector<uint32_t> slot;        // Index into `cached` of each word of the sentence.
  std::vector<uint64_t> keys;        // Word cache key of each word of the sentence.
  std::vector<uint32_t> pending;     // New words of the sentence, to be scored.
  std::vector<uint64_t> pending_features;
  bool pads_scored = false;
  float pad_rows[4][kNumTags];  // Rows of the padding before and after a sentence.
  std::vector<WordInfo> info;
  std::vector<uint64_t> features;
  std::vector<float> emissions;
  std::vector<uint8_t> tags;
  std::vector<float> viterbi;
};

}  // namespace ner

namespace {

using ner::CachedWord;
using ner::Scratch;
using ner::Tag;
using ner::WordInfo;

// A normalization buffer that grew past this (a giant word) is not kept for the next call.
constexpr size_t kMaxKeptBytes = 1 << 20;
// Feature hashes of a new word: its own, then kMaxNeighbourFeatures per neighbour position.
constexpr int kNewWordFeatures = ner::kNumWordFeatures + 4 * ner::kMaxNeighbourFeatures;
// The word cache is emptied when it holds this many word types.
constexpr size_t kMaxCachedWords = 1 << 16;
// A sentence longer than this is tagged in pieces (bounds memory on text with no full stops).
constexpr size_t kMaxSentenceWords = 200;
// A word spreads to its other, untagged occurrences only if it has this many bytes (3 letters).
constexpr size_t kMinAnchorBytes = 6;

constexpr uint16_t kEntityFlags = ner::kLexLoc | ner::kLexOrg | ner::kLexPer;
constexpr uint16_t kTitleFlags = ner::kLexTitle | ner::kLexNat;

// A word of the article, kept for the article-level pass.
struct WordRef {
  Field field;
  uint32_t start, end;
  uint64_t stem;
  bool covered;  // Inside an entity span.
};

bool EndsSentence(std::string_view text, const std::vector<Token>& tokens, size_t i) {
  const Token& t = tokens[i];
  if (t.kind == TokenKind::kPunct) {
    const std::string_view p = text.substr(t.start, t.end - t.start);
    if (p == "." || p == "!" || p == "?" || p == "\xD8\x9F") return true;  // U+061F question mark.
  }
  if (i + 1 < tokens.size()) {
    const std::string_view gap = text.substr(t.end, tokens[i + 1].start - t.end);
    return gap.find('\n') != std::string_view::npos;
  }
  return false;
}

// Bytes of Arabic proclitics to leave out of a span that starts with `word` (original text):
// wa-al-Kremlin -> al-Kremlin, bi-al-bayt -> al-bayt, wa-Carlson -> Carlson, bi-Moscow -> Moscow.
// A word that is itself in the lexicon (Walid, Falansiya) keeps its first letter; fa- goes only
// before al- or a lexicon word, since names start with f (Faisal) far more often than with fa-.
size_t CliticBytes(std::string_view word, const ner::Lexicon& lex) {
  constexpr std::string_view kWaw = "\xD9\x88", kFeh = "\xD9\x81", kBeh = "\xD8\xA8",
                             kKaf = "\xD9\x83", kLam = "\xD9\x84", kAl = "\xD8\xA7\xD9\x84";
  constexpr size_t kLetter = 2;
  // Trusted lists only (known entities, heads, CLDR places): the transliterated gazetteer has
  // "yskwf" as a place.
  constexpr uint16_t kTrusted = ner::kLexKnown | ner::kLexOrgHead | ner::kLexLocHead;
  auto flags = [&](std::string_view w) { return lex.WordFlags(ner::HashBytes(Normalize(w))); };
  auto trusted = [&](std::string_view w) {
    const std::string norm = Normalize(w);
    return (lex.Flags(ner::HashBytes(ner::LightStem(norm))) & kTrusted) != 0 ||
           lex.IsPlace(ner::HashBytes(norm));
  };
  // A hamza on alef never starts a name after a one-letter clitic (wa-Ahmad, li-Italya).
  auto hamza = [](std::string_view w) {
    return w.starts_with("\xD8\xA3") || w.starts_with("\xD8\xA5") || w.starts_with("\xD8\xA2");
  };
  size_t skip = 0;
  if ((word.starts_with(kWaw) || word.starts_with(kFeh)) && word.size() >= 4 * kLetter) {
    const std::string_view rest = word.substr(kLetter);
    // A listed word that starts with waw keeps it: "wakalat" (agency) and "wizarat" are heads.
    const bool known = flags(word) & (kEntityFlags | ner::kLexOrgHead | ner::kLexLocHead);
    const bool strip = word.starts_with(kWaw)
                           ? !known || rest.starts_with(kAl) || hamza(rest)
                           : (rest.starts_with(kAl) && !known) || hamza(rest) ||
                                 (!known && trusted(rest));
    if (strip) {
      skip = kLetter;
      word = rest;
    }
  }
  if ((word.starts_with(kBeh) || word.starts_with(kKaf) || word.starts_with(kLam)) &&
      word.size() >= 4 * kLetter) {
    const std::string_view rest = word.substr(kLetter);
    // Before al- and three letters or more, before a hamza on alef, or before a known entity or
    // a trigger word when the whole word is not a name. "wakalat" is no "wa-ka-alat" and Ballack
    // no "bi-al-ak".
    const bool article = rest.starts_with(kAl) && rest.size() >= kAl.size() + 3 * kLetter;
    if (article || hamza(rest) || (trusted(rest) && !(flags(word) & kEntityFlags))) {
      skip += kLetter;
    }
  }
  return skip;
}

EntityType TypeOf(int begin_tag) {
  if (begin_tag == static_cast<int>(Tag::kBPer)) return EntityType::kPerson;
  if (begin_tag == static_cast<int>(Tag::kBOrg)) return EntityType::kOrganization;
  return EntityType::kPlace;
}

// An entity for tokens [a, b] of the field, or nothing if trimming leaves no word.
void AddSpan(std::string_view text, Field field, const Token* tokens, const WordInfo* info,
             size_t a, size_t b, EntityType type, const ner::Lexicon& lex,
             std::vector<Entity>* out) {
  // Titles and nationalities before a name stay out of a person's span. So does a currency word,
  // as does one before a conjunction in any span ("30 thousand riyals wa-Hassan"); a currency
  // word alone is no entity. Real Madrid (riyal madrid) keeps its first word.
  auto conjunction_next = [&](size_t k) {
    const Token& next = tokens[k + 1];
    return text.substr(next.start, next.end - next.start).starts_with("\xD9\x88");
  };
  while (a < b && (info[a].flags & ner::kLexCurrency) &&
         (type == EntityType::kPerson || conjunction_next(a))) {
    ++a;
  }
  while (a < b && type == EntityType::kPerson && (info[a].flags & kTitleFlags)) ++a;
  if (a == b && (info[a].flags & ner::kLexCurrency)) return;
  while (a <= b && tokens[a].kind == TokenKind::kPunct) ++a;
  while (b > a && (tokens[b].kind == TokenKind::kPunct || ner::Complementizer(info[b]))) --b;
  if (a > b || tokens[a].kind == TokenKind::kPunct) return;
  const Token& first = tokens[a];
  const uint32_t start = static_cast<uint32_t>(
      first.start + CliticBytes(text.substr(first.start, first.end - first.start), lex));
  const uint32_t stop = tokens[b].end;
  Entity e;
  e.type = type;
  e.text = std::string(text.substr(start, stop - start));
  e.span = Span{field, start, stop};
  out->push_back(std::move(e));
}

// Describes word i of the sentence through the word cache, keyed by the original bytes so that
// a known word is not even normalized. A new word is described and its feature hashes queued
// (and prefetched); ScorePending then scores all new words of the sentence at once, so that
// their scattered weight rows load in parallel.
uint64_t CacheKey(std::string_view word, TokenKind kind) {
  return ner::Mix(ner::HashBytes(word), static_cast<uint64_t>(kind));
}

void DescribeCached(const ner::Lexicon& lex, const ner::Model& model, std::string_view word,
                    uint64_t key, TokenKind kind, Scratch* s, size_t i) {
  uint32_t& slot = s->cache[key];
  if (slot == 0) {
    CachedWord c;
    s->norm.clear();
    NormalizeAppend(word, &s->norm);
    ner::DescribeWord(lex, s->norm, kind, &c.info);
    c.norm_bytes = static_cast<uint32_t>(s->norm.size());
    s->cached.push_back(c);
    slot = static_cast<uint32_t>(s->cached.size());
    s->pending.push_back(slot - 1);
    const size_t at = s->pending_features.size();
    s->pending_features.resize(at + kNewWordFeatures);
    uint64_t* f = &s->pending_features[at];
    ner::WordOnlyFeatures(c.info, f);
    f += ner::kNumWordFeatures;
    for (int o = 0; o < 4; ++o) {
      const int n = ner::NeighbourFeatures(c.info, ner::kOffsets[o], f);
      std::fill(f + n, f + ner::kMaxNeighbourFeatures, 0);  // Key 0: no row, weight 0.
      f += ner::kMaxNeighbourFeatures;
    }
    model.Prefetch(&s->pending_features[at], kNewWordFeatures);
  }
  s->slot[i] = slot - 1;
  __builtin_prefetch(&s->cached[slot - 1]);
}

void ScorePending(const ner::Model& model, Scratch* s) {
  for (size_t p = 0; p < s->pending.size(); ++p) {
    CachedWord& c = s->cached[s->pending[p]];
    const uint64_t* f = &s->pending_features[p * kNewWordFeatures];
    model.Score(f, ner::kNumWordFeatures, c.scores);
    f += ner::kNumWordFeatures;
    for (int o = 0; o < 4; ++o, f += ner::kMaxNeighbourFeatures) {
      model.Score(f, ner::kMaxNeighbourFeatures, c.neighbour[o]);
    }
  }
  s->pending.clear();
  s->pending_features.clear();
}

void TagSentence(const ner::Model& model, const ner::Lexicon& lex, std::string_view text,
                 Field field, const Token* tokens, size_t n, Scratch* s,
                 std::vector<WordRef>* words, std::vector<Entity>* out) {
  s->info.resize(n);
  s->norm_bytes.resize(n);
  s->slot.resize(n);
  // Empty a full cache between sentences, never inside one (slots must stay valid).
  if (s->cached.size() + n > kMaxCachedWords) {
    s->cache = ner::FlatHashMap<uint32_t>();
    s->cached.clear();
  }
  if (!s->pads_scored) {
    float before[4][ner::kNumTags], after[4][ner::kNumTags];
    ner::ScoreNeighbour(model, ner::PadWord(-1), before);
    ner::ScoreNeighbour(model, ner::PadWord(1), after);
    for (int o = 0; o < 4; ++o) {
      const float* row = o < 2 ? before[o] : after[o];
      std::copy(row, row + ner::kNumTags, s->pad_rows[o]);
    }
    s->pads_scored = true;
  }
  s->emissions.resize(n * ner::kNumTags);
  // The cache slots of the whole sentence are requested first, so that their loads overlap.
  s->keys.resize(n);
  for (size_t i = 0; i < n; ++i) {
    s->keys[i] = CacheKey(text.substr(tokens[i].start, tokens[i].end - tokens[i].start),
                          tokens[i].kind);
    s->cache.Prefetch(s->keys[i]);
  }
  for (size_t i = 0; i < n; ++i) {
    DescribeCached(lex, model, text.substr(tokens[i].start, tokens[i].end - tokens[i].start),
                   s->keys[i], tokens[i].kind, s, i);
  }
  ScorePending(model, s);
  for (size_t i = 0; i < n; ++i) {
    const CachedWord& c = s->cached[s->slot[i]];
    s->info[i] = c.info;
    s->norm_bytes[i] = c.norm_bytes;
    std::copy(c.scores, c.scores + ner::kNumTags, &s->emissions[i * ner::kNumTags]);
  }
  ner::MarkPhrases(lex, s->info);
  // Neighbours' cached rows, then the pair features, whose weight rows are scattered over
  // megabytes: ask for them a few words ahead.
  for (size_t i = 0; i < n; ++i) {
    float* e = &s->emissions[i * ner::kNumTags];
    for (int o = 0; o < 4; ++o) {
      const long j = static_cast<long>(i) + ner::kOffsets[o];
      const float* row = j < 0 || j >= static_cast<long>(n)
                             ? s->pad_rows[o]
                             : s->cached[s->slot[static_cast<size_t>(j)]].neighbour[o];
      for (int t = 0; t < ner::kNumTags; ++t) e[t] += row[t];
    }
  }
  constexpr size_t kAhead = 4;
  constexpr int kPair = ner::kNumPairFeatures;
  s->features.resize(n * kPair);
  float pair[ner::kNumTags];
  for (size_t i = 0; i < n + kAhead; ++i) {
    if (i < n) {
      ner::PairFeatures(s->info, static_cast<int>(i), &s->features[i * kPair]);
      model.Prefetch(&s->features[i * kPair], kPair);
    }
    if (i >= kAhead && i - kAhead < n) {
      const size_t j = i - kAhead;
      model.Score(&s->features[j * kPair], kPair, pair);
      for (int t = 0; t < ner::kNumTags; ++t) s->emissions[j * ner::kNumTags + t] += pair[t];
    }
  }
  s->tags.resize(n);
  ner::Viterbi(s->emissions.data(), static_cast<int>(n), model.transitions(), &s->viterbi,
               s->tags.data());
  ner::ApplyTagRules(lex, text, tokens, s->info, s->tags.data());
  for (size_t i = 0; i < n; ++i) {
    const bool long_word = s->norm_bytes[i] >= kMinAnchorBytes;
    words->push_back(
        WordRef{field, tokens[i].start, tokens[i].end, s->info[i].stem,
                s->tags[i] != 0 || !long_word || tokens[i].kind != TokenKind::kArabic});
  }
  for (size_t i = 0; i < n; ++i) {
    const int t = s->tags[i];
    if (t % 2 == 0 || t == static_cast<int>(Tag::kBMisc)) continue;
    size_t b = i;
    while (b + 1 < n && s->tags[b + 1] == t + 1) ++b;
    AddSpan(text, field, tokens, s->info.data(), i, b, TypeOf(t), lex, out);
  }
}

void TagField(const ner::Model& model, const ner::Lexicon& lex, std::string_view text,
              const std::vector<Token>& tokens, Field field, Scratch* scratch,
              std::vector<WordRef>* words, std::vector<Entity>* out) {
  for (size_t begin = 0; begin < tokens.size();) {
    size_t end = begin;
    while (end < tokens.size() && end - begin < kMaxSentenceWords) {
      if (EndsSentence(text, tokens, end++)) break;
    }
    TagSentence(model, lex, text, field, tokens.data() + begin, end - begin, scratch, words, out);
    begin = end;
  }
}

// Later untagged occurrences of a tagged name are the same entity: the last word of a person's
// full name ("Putin" after "Vladimir Putin") and any one-word entity.
void SpreadNames(std::string_view title, std::string_view body, const ner::Lexicon& lex,
                 const std::vector<WordRef>& words, std::vector<Entity>* out) {
  std::unordered_map<uint64_t, EntityType> anchors;
  std::string norm;
  for (const Entity& e : *out) {
    norm = Normalize(e.text);
    const size_t space = norm.rfind(' ');
    if (space != std::string::npos && e.type != EntityType::kPerson) continue;
    const std::string_view last = space == std::string::npos
                                      ? std::string_view(norm)
                                      : std::string_view(norm).substr(space + 1);
    if (last.size() < kMinAnchorBytes ||
        (lex.Flags(ner::HashBytes(ner::LightStem(last))) &
         (ner::kLexTitle | ner::kLexNat | ner::kLexOrgHead | ner::kLexCurrency))) {
      continue;
    }
    anchors.emplace(ner::HashBytes(ner::LightStem(last)), e.type);
  }
  if (anchors.empty()) return;
  for (const WordRef& w : words) {
    if (w.covered) continue;
    auto it = anchors.find(w.stem);
    if (it == anchors.end()) continue;
    const std::string_view text = w.field == Field::kTitle ? title : body;
    const Token token{w.start, w.end, TokenKind::kArabic};
    const WordInfo info{};
    AddSpan(text, w.field, &token, &info, 0, 0, it->second, lex, out);
  }
}

}  // namespace

EntityRecognizer::EntityRecognizer(std::unique_ptr<const ner::Model> model,
                                   std::unique_ptr<const ner::Lexicon> lexicon)
    : model_(std::move(model)), lexicon_(std::move(lexicon)) {}

EntityRecognizer::~EntityRecognizer() = default;

Result<std::shared_ptr<const EntityRecognizer>> EntityRecognizer::Create() {
  return FromData(ner::EmbeddedModel(), ner::EmbeddedLexicon());
}

Result<std::shared_ptr<const EntityRecognizer>> EntityRecognizer::FromData(
    std::string_view model, const ner::LexiconFiles& lexicon) {
  Result<ner::Model> m = ner::Model::Load(model);
  if (!m.ok()) return m.status();
  Result<ner::Lexicon> lex = ner::Lexicon::Parse(lexicon);
  if (!lex.ok()) return lex.status();
  return std::shared_ptr<const EntityRecognizer>(
      new EntityRecognizer(std::make_unique<const ner::Model>(std::move(*m)),
                           std::make_unique<const ner::Lexicon>(std::move(*lex))));
}

std::vector<Entity> EntityRecognizer::Recognize(std::string_view title,
                                                std::string_view body) const {
  return Recognize(title, Tokenize(title), body, Tokenize(body));
}

std::vector<Entity> EntityRecognizer::Recognize(const FoldedTokens& title,
                                                const FoldedTokens& body) const {
  return Recognize(title.text(), title.tokens(), body.text(), body.tokens());
}

std::vector<Entity> EntityRecognizer::Recognize(std::string_view title,
                                                const std::vector<Token>& title_tokens,
                                                std::string_view body,
                                                const std::vector<Token>& body_tokens) const {
  std::unique_ptr<Scratch> scratch;
  {
    std::lock_guard<std::mutex> lock(pool_mutex_);
    if (!pool_.empty()) {
      scratch = std::move(pool_.back());
      pool_.pop_back();
    }
  }
  if (scratch == nullptr) scratch = std::make_unique<Scratch>();
  std::vector<Entity> out;
  std::vector<WordRef> words;
  TagField(*model_, *lexicon_, title, title_tokens, Field::kTitle, scratch.get(), &words, &out);
  TagField(*model_, *lexicon_, body, body_tokens, Field::kBody, scratch.get(), &words, &out);
  if (scratch->norm.capacity() > kMaxKeptBytes) scratch->norm = std::string();
  {
    std::lock_guard<std::mutex> lock(pool_mutex_);
    pool_.push_back(std::move(scratch));
  }
  SpreadNames(title, body, *lexicon_, words, &out);
  std::sort(out.begin(), out.end(), [](const Entity& a, const Entity& b) {
    return std::tie(a.span.field, a.span.start) < std::tie(b.span.field, b.span.start);
  });
  // "wa-qala ma'alihi": an honorific with a pronoun refers to a person; it names nobody.
  std::erase_if(out, [](const Entity& e) {
    return e.type == EntityType::kPerson && quote_words::Honorific(Normalize(e.text));
  });
  JoinAdjacentPersons(title, body, &out);
  RefineMentions(&out);
  AssignCanonicals(&out);
  return out;
}

}  // namespace khabar::text
