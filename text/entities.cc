#include "text/entities.h"

#include <algorithm>
#include <span>
#include <string>
#include <tuple>
#include <unordered_map>

#include "text/entity_canonical.h"
#include "text/flat_hash_map.h"
#include "text/ner_data.h"
#include "text/ner_features.h"
#include "text/ner_lexicon.h"
#include "text/ner_model.h"
#include "text/normalize.h"
#include "text/quote_marks.h"
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

int BeginTag(ner::PhraseClass c) {
  switch (c) {
    case ner::PhraseClass::kPer:
      return static_cast<int>(Tag::kBPer);
    case ner::PhraseClass::kOrg:
      return static_cast<int>(Tag::kBOrg);
    default:
      return static_cast<int>(Tag::kBLoc);
  }
}

// Known entities (lexicon/known_entities.tsv) that the tagger left out become entities.
void TagKnown(const ner::Lexicon& lex, const std::vector<WordInfo>& info, uint8_t* tags) {
  uint64_t stems[ner::Lexicon::kMaxPhraseWords];
  const int n = static_cast<int>(info.size());
  for (int i = 0; i < n; ++i) {
    if (!(info[i].flags & ner::kLexKnown)) continue;
    const int avail = std::min(n - i, ner::Lexicon::kMaxPhraseWords);
    for (int k = 0; k < avail; ++k) stems[k] = info[i + k].stem;
    const auto [cls, len] = lex.MatchKnown(stems, avail);
    const auto unreported = [](uint8_t t) { return t == 0 || t >= static_cast<int>(Tag::kBMisc); };
    if (len == 0) continue;
    // A known name of several words also replaces what the tagger found inside it ("Dynamo
    // Kyiv", not the place "Kyiv"), as long as no tagged span runs across its edges.
    const auto inside = [](uint8_t t) { return t != 0 && t % 2 == 0; };  // An I- tag.
    // Only organizations: a known place may add an epithet that the tagger rightly leaves out
    // ("Makka al-Mukarrama" is the place "Makka").
    const bool contained = len >= 2 && cls == ner::PhraseClass::kOrg && !inside(tags[i]) &&
                           (i + len >= n || !inside(tags[i + len]));
    // The tagger's span is exactly the known name but of another type ("al-Natu" as a person):
    // the list's type. A span that runs from a known organization into a person is the
    // organization, then the person: a person span ("li-l-Natu Jens Stoltenberg"), or an
    // organization span whose next word is a listed name ("al-Unrwa Philippe Lazzarini").
    const int begin = tags[i];
    const bool tagged_begin = begin != 0 && begin % 2 == 1 && begin < static_cast<int>(Tag::kBMisc);
    bool same_span = tagged_begin;
    for (int k = 1; k < len && same_span; ++k) same_span = tags[i + k] == begin + 1;
    const bool runs_on = same_span && i + len < n && tags[i + len] == begin + 1;
    const bool then_person =
        runs_on && cls == ner::PhraseClass::kOrg &&
        (begin == static_cast<int>(Tag::kBPer) ||
         (begin == static_cast<int>(Tag::kBOrg) &&
          (info[i + len].flags & (ner::kLexFirst | ner::kLexPer)) != 0));
    if (then_person) {
      tags[i + len] = static_cast<uint8_t>(Tag::kBPer);
      for (int k = i + len + 1; k < n && tags[k] == static_cast<int>(Tag::kIOrg); ++k) {
        tags[k] = static_cast<uint8_t>(Tag::kIPer);
      }
    } else if (runs_on) {
      same_span = false;
    }
    if (!contained && !same_span && !std::all_of(tags + i, tags + i + len, unreported)) continue;
    tags[i] = static_cast<uint8_t>(BeginTag(cls));
    for (int k = 1; k < len; ++k) tags[i + k] = static_cast<uint8_t>(BeginTag(cls) + 1);
    i += len - 1;
  }
}

// A country or city of the gazetteer's PLACE list that the tagger left untagged is that place,
// written as listed ("سوريا", "تشيلي") or after a one-letter clitic ("لدمشق", "بأثينا"). The
// whole word must match, article included, so that the nisba "التشيلي" stays an adjective; so
// does a definite name after a definite word ("المحادثات الإسرائيلية السعودية": shape bit 0 is
// a stripped article or conjunction).
void TagPlaces(const std::vector<WordInfo>& info, uint8_t* tags) {
  for (size_t i = 0; i < info.size(); ++i) {
    if (i > 0 && (info[i].shape & 1) && (info[i - 1].shape & 1)) continue;
    if (tags[i] != 0 && tags[i] < static_cast<int>(Tag::kBMisc)) continue;
    if (tags[i] >= static_cast<int>(Tag::kBMisc) &&
        (tags[i] == static_cast<int>(Tag::kIMisc) ||
         (i + 1 < info.size() && tags[i + 1] == static_cast<int>(Tag::kIMisc)))) {
      continue;  // Inside a longer MISC name.
    }
    if (info[i].place) tags[i] = static_cast<uint8_t>(Tag::kBLoc);
  }
}

// A name right after a place head in construct ("madinat Ulm", "shamal al-'Iraq") is the place,
// whatever type the tagger gave an unknown word there.
void PlacesAfterPlaceHeads(const std::vector<WordInfo>& info, uint8_t* tags) {
  const auto b_loc = static_cast<uint8_t>(Tag::kBLoc), i_loc = static_cast<uint8_t>(Tag::kILoc);
  for (size_t i = 1; i < info.size(); ++i) {
    const uint8_t t = tags[i];
    const bool person_or_org = t == static_cast<uint8_t>(Tag::kBPer) ||
                               t == static_cast<uint8_t>(Tag::kBOrg);
    // The head in construct, without the article: "al-iqlim" in "ra'is wuzara' al-iqlim Nechirvan
    // Barzani" is a complement, and the name after it no place (shape bit 0: a stripped prefix).
    if (!person_or_org || tags[i - 1] != 0 || !(info[i - 1].flags & ner::kLexLocHead) ||
        (info[i - 1].shape & 1) != 0) {
      continue;
    }
    tags[i] = b_loc;
    for (size_t k = i + 1; k < info.size() && tags[k] == t + 1; ++k) tags[k] = i_loc;
  }
}

// Hashes of the normalized words, or of their light stems, for matching WordInfo::word and
// ::bare, or ::stem, against a short fixed list.
std::vector<uint64_t> HashWords(std::span<const char* const> words, bool stems = false) {
  std::vector<uint64_t> h;
  for (const char* word : words) {
    const std::string norm = Normalize(word);
    h.push_back(ner::HashBytes(stems ? ner::LightStem(norm) : std::string_view(norm)));
  }
  return h;
}

bool Listed(const std::vector<uint64_t>& list, uint64_t x) {
  return x != 0 && std::find(list.begin(), list.end(), x) != list.end();
}

// Whether a word is a news medium's head noun ("sahifa", "qanat"), also after a one-letter clitic.
bool IsMediaHead(const WordInfo& w) {
  static constexpr const char* kHeads[] = {"صحيفة", "جريدة", "مجلة",   "قناة",  "إذاعة",
                                           "وكالة", "شبكة",  "تلفزيون", "محطة",  "فضائية",
                                           "موقع",  "يومية", "أسبوعية"};
  static const std::vector<uint64_t> heads = HashWords(kHeads), head_stems = HashWords(kHeads, true);
  return Listed(head_stems, w.stem) || Listed(heads, w.bare);
}

// A masculine noun that a place follows in construct, so that an adjective after the place
// agrees with the noun: "ma'bar Rafah al-misri", "matar Dimashq al-duwali".
bool IsMasculinePlaceNoun(const WordInfo& w) {
  static constexpr const char* kNouns[] = {"مطار", "مطاري", "معبر", "ميناء", "سجن",  "مخيم", "شارع",
                                           "حي",   "جسر",   "مستشفى", "فندق", "ملعب", "مركز", "قصر",
                                           "مسجد", "متحف",  "سد",   "نهر",   "جبل",  "وادي", "ريف"};
  static const std::vector<uint64_t> nouns = HashWords(kNouns);
  return Listed(nouns, w.word) || Listed(nouns, w.bare);
}

// A place followed by a masculine nationality adjective is a club: cities are feminine in Arabic
// ("ميلانو الإيطالية" is the city), while "ميلان الإيطالي", "بورتو البرتغالي" agree with an unsaid
// "al-nadi" (the club).
void ClubsBeforeNationalities(std::string_view text, const Token* tokens,
                              const std::vector<WordInfo>& info, uint8_t* tags) {
  constexpr std::string_view kAl = "\xD8\xA7\xD9\x84", kYeh = "\xD9\x8A",
                             kWaw = "\xD9\x88",
                             kBiAl = "\xD8\xA8\xD8\xA7\xD9\x84", kLilA = "\xD9\x84\xD9\x84";
  const auto b_loc = static_cast<uint8_t>(Tag::kBLoc), i_loc = static_cast<uint8_t>(Tag::kILoc);
  const size_t n = info.size();
  for (size_t b = 0; b < n; ++b) {
    if (tags[b] != b_loc) continue;
    size_t e = b + 1;
    while (e < n && tags[e] == i_loc) ++e;
    if (e >= n || tags[e] != 0 || !(info[e].flags & ner::kLexNat)) continue;
    const std::string_view adj = text.substr(tokens[e].start, tokens[e].end - tokens[e].start);
    if (!adj.starts_with(kAl) || !adj.ends_with(kYeh)) continue;
    // Not after a place head or a masculine noun in construct ("matarai 'Amman al-Urduni", the
    // airports; "ma'bar Rafah al-misri"), and not a definite name: clubs named after a city carry
    // no article, while "al-'Iraq" and "al-Rif" (the countryside) are masculine places. Only waw
    // is taken for a conjunction here: "Falansiya" (Valencia) starts with fa-al-.
    if (b > 0 && ((info[b - 1].flags & ner::kLexLocHead) || IsMasculinePlaceNoun(info[b - 1]))) {
      continue;
    }
    std::string_view first = text.substr(tokens[b].start, tokens[b].end - tokens[b].start);
    if (first.starts_with(kWaw)) first.remove_prefix(kWaw.size());
    if (first.starts_with(kAl) || first.starts_with(kBiAl) || first.starts_with(kLilA)) continue;
    tags[b] = static_cast<uint8_t>(Tag::kBOrg);
    for (size_t k = b + 1; k < e; ++k) tags[k] = static_cast<uint8_t>(Tag::kIOrg);
    b = e;
  }
}

// The quote extractor's marks, and the apostrophe that older text doubles into one ('').
bool IsQuoteMark(std::string_view p) { return p == "'" || QuoteMarkOf(p) != QuoteMark::kNone; }

// A name in quotation marks right after a medium's head noun is that medium: "sahifat «al-Safir»",
// "majallat al-\" Time \"". Names of papers are often everyday words ("al-Hayat", life), which
// the tagger rightly leaves alone elsewhere; the quotation marks make them names.
void QuotedMediaNames(std::string_view text, const Token* tokens, const std::vector<WordInfo>& info,
                      uint8_t* tags) {
  constexpr size_t kMaxWords = 5;
  const size_t n = info.size();
  auto punct = [&](size_t i) {
    return tokens[i].kind == TokenKind::kPunct
               ? text.substr(tokens[i].start, tokens[i].end - tokens[i].start)
               : std::string_view();
  };
  for (size_t i = 0; i + 3 < n; ++i) {
    if (tokens[i].kind != TokenKind::kArabic) continue;
    size_t open = i + 1;
    // "al-" written apart with a tatweel before the quoted name: "majallat al- \" Time \"".
    const std::string_view next = text.substr(tokens[open].start, tokens[open].end - tokens[open].start);
    if (next == "\xD8\xA7\xD9\x84\xD9\x80") ++open;
    // The head noun last: most words are followed by no quotation mark.
    if (!IsQuoteMark(punct(open)) || !IsMediaHead(info[i])) continue;
    while (open + 1 < n && IsQuoteMark(punct(open + 1))) ++open;  // Two apostrophes as one mark.
    size_t close = open + 1;  // The words are (open, close).
    while (close < n && close - open <= kMaxWords && punct(close).empty()) ++close;
    if (close >= n || close == open + 1 || !IsQuoteMark(punct(close))) continue;
    // Leave a name that the tagger or a list already gave a type, and one that runs on.
    const auto b_org = static_cast<uint8_t>(Tag::kBOrg);
    bool free = true;
    for (size_t k = open + 1; k < close && free; ++k) {
      free = tags[k] == 0 || tags[k] >= static_cast<int>(Tag::kBMisc);
    }
    if (!free) continue;
    tags[open + 1] = b_org;
    for (size_t k = open + 2; k < close; ++k) tags[k] = b_org + 1;
    i = close;
  }
}

// "bi-anna", "innahu"...: the word that opens a reported clause ends the name before it
// ("sarraha Hussein Labib bi-anna"), though the tagger sometimes runs the name on into it.
bool Complementizer(const WordInfo& w) {
  // Not bare "anna"/"inna": "سي إن إن" (CNN) ends with the same letters.
  static constexpr const char* kWords[] = {"بأن", "أنه", "إنه", "بأنه", "أنها", "إنها", "بأنها", "لأن"};
  static const std::vector<uint64_t> words = HashWords(kWords);
  return Listed(words, w.word);
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
  while (b > a && (tokens[b].kind == TokenKind::kPunct || Complementizer(info[b]))) --b;
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
  PlacesAfterPlaceHeads(s->info, s->tags.data());
  TagKnown(lex, s->info, s->tags.data());
  TagPlaces(s->info, s->tags.data());
  QuotedMediaNames(text, tokens, s->info, s->tags.data());
  ClubsBeforeNationalities(text, tokens, s->info, s->tags.data());
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
