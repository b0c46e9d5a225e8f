#include "text/quotes.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <unordered_map>

#include "text/quote_entities.h"
#include "text/quote_marks.h"
#include "text/quote_words.h"
#include "text/word_table.h"

extern "C" const char khabar_quotes_words_begin[], khabar_quotes_words_end[];

namespace khabar::text {

class QuoteLexicon {
 public:
  WordTable words;
};

namespace {

using namespace quote_words;

enum QuoteWord : int {
  kNone = 0,
  kVerb,
  kCarry,
  kTitle,
  kPerson,
  kStop,
  kThat,
  kLink,
  kRelative,
  kHead,
  kSaying,
  kFrom,
  kSource,
  kQuoteWordCount
};

constexpr std::array<std::string_view, kQuoteWordCount> kKindNames = {
    "",     "verb",     "carry", "title",  "person", "stop",  "that",
    "link", "relative", "head",  "saying", "from",   "source"};
static_assert(!kKindNames.back().empty(), "every QuoteWord needs a name in kKindNames");

int KindOf(std::string_view name) {
  for (size_t k = 1; k < kKindNames.size(); ++k) {
    if (kKindNames[k] == name) return static_cast<int>(k);
  }
  return -1;
}


class QuoteParser {
 public:
  QuoteParser(const WordTable& words, const FoldedTokens& t, Field field,
              const std::vector<Entity>& entities)
      : t_(t), hits_(t.size()), field_(field), entities_(entities) {
    for (size_t i = 0; i < t.size(); ++i) {
      if (t.tok(i).kind == TokenKind::kArabic) hits_[i] = words.Match(t, i);
      // After "'adam" or "dun" (without) a verb's form is its verbal noun: "talaba 'adam dhikr
      // ismihi" (asked that his name not be mentioned) attributes nothing.
      if (i > 0 && hits_[i] && hits_[i]->kind == kVerb) {
        const std::string_view before = t.key(i - 1);
        if (before == "\xD8\xB9\xD8\xAF\xD9\x85" || before == "\xD8\xAF\xD9\x88\xD9\x86" ||
            before == "\xD8\xA8\xD8\xAF\xD9\x88\xD9\x86") {
          hits_[i].reset();
        }
      }
    }
  }

  void Run(std::vector<Quote>* out) {
    const std::vector<QuoteSegment> segments = FindQuoteSegments(t_);
    if (segments.empty()) return;
    Index();
    ParseVerbs();
    for (const QuoteSegment& s : segments) Emit(s, out);
  }

 private:
  int K(size_t i) const { return i < hits_.size() && hits_[i] ? hits_[i]->kind : kNone; }
  QuoteMark M(size_t i) const { return QuoteMarkAt(t_, i); }
  bool NewlineBefore(size_t i) const { return text::NewlineBefore(t_, i); }
  bool SentenceEnd(size_t i) const { return SentenceEndAt(t_, i); }

  // Lookup structures built once per field, so that every rule stays linear in the field's size
  // however many quotes, verbs and entities it holds.
  void Index() {
    ents_ = FieldEntities(entities_, field_);
    for (size_t i = 1; i < t_.size(); ++i) {
      const size_t p = i - 1;
      if (K(p) == kTitle || K(p) == kPerson) {
        auto& at = titles_[t_.key(p)];
        if (at.size() < 16) at.push_back(p);
      }
    }
  }

  // The speaker named after every attribution verb, in text order, and for each verb the last
  // one at or before it that names somebody.
  void ParseVerbs() {
    for (size_t i = 0; i < t_.size(); ++i) {
      if (K(i) != kVerb) continue;
      verbs_.push_back({i, Subject(i)});
      const size_t n = verbs_.size() - 1;
      named_.push_back(!verbs_[n].second.empty() ? n : n > 0 ? named_[n - 1] : SIZE_MAX);
    }
  }

  std::string_view Bytes(size_t from, size_t to_inclusive) const {
    const uint32_t s = t_.tok(from).start, e = t_.tok(to_inclusive).end;
    return t_.text().substr(s, e - s);
  }

  // A person (else organization) entity of this field starting in [from, to).
  const Entity* EntityIn(uint32_t from, uint32_t to) const {
    const Entity* org = nullptr;
    const auto [lo, hi] = ents_.Range(from, to);
    for (size_t n = lo; n < hi; ++n) {
      const Entity& e = *ents_[n];
      if (AfterPreposition(e.span.start)) continue;  // "said a source to AFP": not AFP.
      if (e.type == EntityType::kPerson) return &e;
      if (e.type == EntityType::kOrganization && org == nullptr) org = &e;
    }
    return org;
  }
  // True when the entity starting at byte `start` follows a preposition (to Milan, with Milan) or
  // a glued clitic: an object, not someone who speaks.
  bool AfterPreposition(uint32_t start) const {
    size_t lo = 0, hi = t_.size();
    while (lo < hi) {
      const size_t mid = (lo + hi) / 2;
      if (t_.tok(mid).end <= start) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo < t_.size() && t_.tok(lo).start < start) return true;  // Clitic inside the token.
    // A preposition or li-word before it ("li-qanat al-Jazira"); not any stop word: after "al-'am"
    // of "al-amin al-'am" comes the secretary-general himself.
    return lo > 0 &&
           (K(lo - 1) == kLink ||
            (K(lo - 1) == kStop &&
             (Preposition(t_, lo - 1) || t_.key(lo - 1).substr(0, 2) == "\xD9\x84")));
  }

  // The person a descriptor (the player, the minister) stands for: the most mentioned person
  // entity of this field before `before` (the latest on a tie) that is not the object of a
  // preposition; else such an organization entity (the tagger sometimes types people as
  // organizations).
  const Entity* LastPerson(uint32_t before) const {
    const size_t end = ents_.Range(0, before).second;
    const size_t begin = end > 256 ? end - 256 : 0;  // The last 256 entities are enough.
    for (EntityType type : {EntityType::kPerson, EntityType::kOrganization}) {
      const Entity* best = nullptr;
      size_t best_n = 0;
      for (size_t k = begin; k < end; ++k) {
        const Entity& e = *ents_[k];
        if (e.type != type || e.span.end > before || AfterPreposition(e.span.start)) continue;
        const size_t n = ents_.Mentions(e);
        if (best == nullptr || n > best_n || (n == best_n && e.span.start > best->span.start)) {
          best = &e;
          best_n = n;
        }
      }
      if (best != nullptr) return best;
    }
    return nullptr;
  }

  // Where a verb's subject may be: up to inna/anna, a colon, a quote mark or the sentence's end.
  size_t SubjectLimit(size_t k) const {
    const size_t cap = std::min(t_.size(), k + 16);
    for (size_t i = k; i < cap; ++i) {
      // A name of up to three words in quote marks after a head noun ("sharikat 'Oanda' Kelvin
      // Wong") is part of the subject, not the start of the quote.
      if (M(i) != QuoteMark::kNone && i > k && K(i - 1) == kHead) {
        size_t j = i + 1;
        while (j < cap && j <= i + 3 && M(j) == QuoteMark::kNone &&
               (t_.tok(j).kind == TokenKind::kArabic || t_.tok(j).kind == TokenKind::kLatin) &&
               K(j) == kNone) {
          ++j;
        }
        if (j > i + 1 && j < cap && M(j) != QuoteMark::kNone && j + 1 < cap && K(j + 1) != kThat &&
            !t_.IsPunct(j + 1, ':')) {
          i = j;
          continue;
        }
      }
      if (K(i) == kThat || t_.IsPunct(i, ':') || M(i) != QuoteMark::kNone || SentenceEnd(i) ||
          NewlineBefore(i)) {
        return i;
      }
    }
    return cap;
  }

  // Consecutive name words from k: not a title, stop word or verb; at most four.
  size_t NameEnd(size_t k, size_t limit) const {
    size_t j = k;
    while (j < limit && j < k + 4 &&
           (t_.tok(j).kind == TokenKind::kArabic || t_.tok(j).kind == TokenKind::kLatin)) {
      if (K(j) != kNone || t_.key(j).size() <= 2) break;  // A lexicon word or a lone clitic.
      ++j;
    }
    return j;
  }

  enum class NameKind : uint8_t { kNone, kName, kDescriptor, kPersonDescriptor };
  struct ParsedName {
    NameKind kind = NameKind::kNone;
    size_t tb = 0, te = 0;  // Tokens of the name or descriptor.
    bool titled = false;    // A person's title came first.
  };

  // The subject named after the attribution verb at v. The words are read with the lexicon
  // (titles and their complements skipped); entities, when given, name the subject by its
  // canonical form, and find it where the words do not.
  std::string Subject(size_t v) const {
    const size_t k0 = v + static_cast<size_t>(hits_[v]->words);
    const size_t limit = SubjectLimit(k0);
    size_t k = k0;
    while (k < limit && Comma(t_, k)) ++k;
    if (k >= limit) return SubjectBefore(v);
    // "ablagha" / "akhbara" (informed, told) take whom they tell as their object: an
    // organization named right after them is the addressee ("... ablagha sahifat New York Times").
    if (InformVerb(t_, v) && K(k) == kHead && OrganizationHead(t_, k)) return SubjectBefore(v, true);
    // "wa-dhakara bayan sadir 'an al-Diwan al-Malaki": a statement speaks for whom it is from.
    if (t_.key(k) == "\xD8\xA8\xD9\x8A\xD8\xA7\xD9\x86") {  // bayan
      for (size_t f = k + 1; f < limit && f <= k + 3; ++f) {
        if (K(f) != kFrom) continue;
        const ParsedName from = f + 1 < limit ? ParseName(f + 1, limit) : ParsedName{};
        if (from.kind == NameKind::kNone) break;
        const Entity* e = entities_.empty()
                              ? nullptr
                              : ents_.Over(t_.tok(from.tb).start, t_.tok(from.te - 1).end);
        return e != nullptr ? EntityName(*e) : std::string(Bytes(from.tb, from.te - 1));
      }
    }
    // "wa-akkada sumuwwuhu": an honorific with a pronoun (His Highness, His Excellency) is the
    // person just named, whatever phrase follows it.
    if (K(k) == kPerson && Honorific(t_.key(k)) && !entities_.empty()) {
      if (const Entity* e = LastPerson(t_.tok(k).start)) return EntityName(*e);
    }
    const ParsedName p = ParseName(k, limit);
    if (p.kind == NameKind::kName) {
      ParsedName q = p;
      {  // "qala masdar amni li-France Presse": the name stops before the addressee.
        const auto [lo, hi] = ents_.Range(t_.tok(q.tb).start + 1, t_.tok(q.te - 1).end);
        for (size_t n = lo; n < hi; ++n) {
          if (!AfterPreposition(ents_[n]->span.start)) continue;
          size_t cut = q.tb;
          while (cut < q.te && t_.tok(cut).end <= ents_[n]->span.start) ++cut;
          if (cut == q.tb) return SubjectBefore(v);  // "qala li-France Presse": no subject here.
          q.te = cut;
          break;
        }
      }
      std::string name = q.te == q.tb + 1 && !Definite(t_, q.tb)
                             ? Fullest(std::string(Bytes(q.tb, q.te - 1)), q.tb, q.te)
                             : std::string(Bytes(q.tb, q.te - 1));
      const uint32_t from = t_.tok(q.tb).start, to = t_.tok(q.te - 1).end;
      const auto [lo, hi] = ents_.Range(from + 1, to);  // "li-munazzamat OPEC Mohammed Barkindo".
      // A person that starts inside a name of four words, the most NameEnd reads, may run past
      // it ("ahad muwaqqi'i al-nida' Fabrice Shish").
      const bool capped = q.te - q.tb == 4;
      for (size_t n = lo; n < hi; ++n) {
        if (ents_[n]->type == EntityType::kPerson && (ents_[n]->span.end <= to || capped)) {
          // "wazir al-naft al-'iraqi Hayyan 'Abd al-Ghani" where the tagger found only "'Abd
          // al-Ghani": after a title, one or two plain words before the person, in no entity of
          // their own, are the start of the name (not after a verb: "intaqada istiqbal Blair").
          if (q.titled && ents_[n]->span.end == to && n == lo) {
            size_t w = q.tb;
            while (w < q.te && t_.tok(w).end <= ents_[n]->span.start && K(w) == kNone &&
                   t_.tok(w).kind == TokenKind::kArabic && !Definite(t_, w)) {
              ++w;
            }
            if (w > q.tb && w <= q.tb + 2 && t_.tok(w).start >= ents_[n]->span.start &&
                (n == 0 || ents_[n - 1]->span.end <= from)) {
              return name;
            }
          }
          return EntityName(*ents_[n]);
        }
      }
      const Entity* e = ents_.Over(from, to);
      // After a person's title an organization is where the person works; the person is named
      // after it ("munassiq al-tawari' fi munazzamat Atibba' bila Hudud fi Ibb Mark Bonsan,").
      if (q.titled && e != nullptr && e->type == EntityType::kOrganization) {
        const uint32_t until = limit < t_.size() ? t_.tok(limit).start : t_.text().size();
        const auto [plo, phi] = ents_.Range(e->span.end, until);
        for (size_t n = plo; n < phi; ++n) {
          if (ents_[n]->type == EntityType::kPerson && !AfterPreposition(ents_[n]->span.start)) {
            return EntityName(*ents_[n]);
          }
        }
      }
      // A person the tagger ends inside the name read from the lexicon ("John Bolton li-shabakat
      // CNN"): the name ran on into what follows it.
      if (e != nullptr && e->type == EntityType::kPerson && e->span.start == from &&
          e->span.end < to) {
        // Unless, after a title, one plain word ends the name and the subject ("ra'is al-hukuma
        // 'Aziz Akhannouch anna" where the tagger found only "'Aziz"): a family name it missed.
        // An adverb in -an ("Lavrov mujaddadan", "Macron sabahan"), "bi-dawrihi" or
        // "bi-nafsihi" after the name is no family name.
        const size_t last = q.te - 1;
        const std::string_view key = t_.key(last);
        const bool adverb = key.ends_with("\xD8\xA7") ||
                            key.starts_with("\xD8\xA8\xD8\xAF\xD9\x88\xD8\xB1") ||
                            key.starts_with("\xD8\xA8\xD9\x86\xD9\x81\xD8\xB3");
        const bool family_name = q.titled && q.te >= 2 && t_.tok(last - 1).end <= e->span.end &&
                                 t_.tok(last).start >= e->span.end && K(last) == kNone &&
                                 t_.tok(last).kind == TokenKind::kArabic && !Definite(t_, last) &&
                                 !adverb && !Prepositional(t_, last) && q.te < t_.size() &&
                                 (K(q.te) == kThat || K(q.te) == kStop || t_.IsPunct(q.te, ':')) &&
                                 ents_.Over(t_.tok(last).start, t_.tok(last).end) == nullptr;
        return family_name ? name : EntityName(*e);
      }
      // The entity's canonical form when it extends the name (Buffett -> Warren Buffett).
      if (e != nullptr && Words(EntityName(*e)) > Words(name) &&
          EntityName(*e).find(Bytes(q.te - 1, q.te - 1)) != std::string::npos) {
        return EntityName(*e);
      }
      return name;
    }
    // "Rice qalat fi liqa'iha ... naziratiha Bakoyannis inna": a named subject right before a verb
    // whose next word opens a phrase speaks; a name inside that phrase does not.
    if (p.kind == NameKind::kNone && K(k) != kNone) {
      if (std::string before = SubjectBefore(v, true); !before.empty()) return before;
    }
    // A title named elsewhere in the field ("yudif ra'is tahrir jaridat al-Wifaq" after "ra'is
    // tahrir jaridat al-Wifaq Musayyib Na'imi"): that name, not the organization of its complement.
    if (p.kind == NameKind::kDescriptor && p.te - p.tb >= 2) {
      if (std::string named = NameOfTitle(p); !named.empty()) return named;
    }
    // "wa-qala al-wazir fi nadwa": a definite title alone refers back like a person descriptor.
    if (p.kind == NameKind::kDescriptor && p.te == p.tb + 1 && Definite(t_, p.tb)) {
      if (std::string same = LastWithTitle(p.tb); !same.empty()) return same;
    }
    if (!entities_.empty() && p.kind != NameKind::kNone) {
      if (const Entity* e = PersonAfterWorkplace(p, limit)) return EntityName(*e);
    }
    if (!entities_.empty()) {
      // A title, its complement, then the name between commas ("za'im al-ghalibiyya fi majlis
      // al-shuyukh, Bill Frist,").
      if (p.kind != NameKind::kNone) {
        for (size_t c = p.te; c + 1 < limit; ++c) {
          if (!Comma(t_, c)) continue;
          const Entity* e = ents_.Over(t_.tok(c + 1).start, t_.tok(c + 1).end);
          if (e != nullptr && e->type == EntityType::kPerson &&
              e->span.start >= t_.tok(c + 1).start) {
            return EntityName(*e);
          }
          break;
        }
      }
      if (p.kind == NameKind::kPersonDescriptor) {
        if (std::string same = LastWithTitle(p.tb); !same.empty()) return same;
        if (const Entity* e = LastPerson(t_.tok(v).start)) return EntityName(*e);
      }
      // A person up to a stop word or relative pronoun ("'udw fi wafd Hamas Usama Hamdan"; not
      // "al-Mustaqbal allati tamlikuha 'a'ilat al-Hariri"); an organization only up
      // to "fi" before an indefinite word, whose object it would be ("al-ra'is al-rumani fi
      // tasrihat naqalatha ... Agence France-Presse").
      size_t stop = k, fi = SIZE_MAX;
      while (stop < limit && K(stop) != kStop && K(stop) != kRelative) {
        if (fi == SIZE_MAX && stop > k && t_.key(stop) == kFi && !Definite(t_, stop + 1)) {
          fi = stop;
        }
        ++stop;
      }
      auto start_of = [&](size_t i) {
        return i < t_.size() ? t_.tok(i).start : static_cast<uint32_t>(t_.text().size());
      };
      const Entity* e = EntityIn(t_.tok(v).end, start_of(stop));
      if (e != nullptr && e->type == EntityType::kOrganization && fi != SIZE_MAX &&
          e->span.start >= start_of(fi)) {
        e = nullptr;
      }
      if (e != nullptr) return EntityName(*e);
    }
    if (p.kind == NameKind::kNone) return SubjectBefore(v);
    return NamedDescriptor(p);
  }

  // A title, "fi" or "lada", the organization it works for, then the person: "al-qiyadi fi
  // Jabhat al-Khalas al-Watani Ahmad Najib al-Chebbi", "al-muhallil fi sharikat 'Oanda' Kelvin
  // Wong", "al-bahith fi Ma'had Washington David Schenker". The workplace is a head noun or an
  // organization, with places in its name; the person must follow it directly.
  const Entity* PersonAfterWorkplace(const ParsedName& p, size_t limit) const {
    size_t n = p.tb + static_cast<size_t>(hits_[p.tb]->words);
    while (n < limit && Definite(t_, n) && K(n) == kNone) ++n;  // "al-muhallil al-iqtisadi".
    if (n + 1 >= limit || (t_.key(n) != kFi && t_.key(n) != kLada)) return nullptr;
    ++n;
    bool workplace = K(n) == kHead;
    if (workplace) ++n;
    const uint32_t until = limit < t_.size() ? t_.tok(limit).start : t_.text().size();
    auto [e, hi] = ents_.Range(t_.tok(n - 1).start, until);
    for (; e < hi; ++e) {
      while (n < limit && t_.tok(n).kind == TokenKind::kPunct && !Comma(t_, n)) ++n;
      const Entity& x = *ents_[e];
      if (n >= limit || x.span.start < t_.tok(n).start || x.span.start >= t_.tok(n).end) break;
      if (x.type == EntityType::kPerson) return workplace ? &x : nullptr;
      if (x.type == EntityType::kOrganization) {
        workplace = true;
      } else if (x.type != EntityType::kPlace) {
        break;
      }
      while (n < limit && t_.tok(n).start < x.span.end) ++n;
    }
    return nullptr;
  }

  // "al-wazir" after "wazir al-kharijiyya al-irani" earlier in the field: whom the latest use of
  // the same title word before token `at` names, or that use's descriptor; "" if none.
  std::string LastWithTitle(size_t at) const {
    std::string_view bare = t_.key(at);
    if (bare.substr(0, 4) == kAl) bare.remove_prefix(4);
    const std::string definite = std::string(kAl) + std::string(bare);
    size_t best = SIZE_MAX;
    for (const std::string_view form : {bare, std::string_view(definite)}) {  // wazir, al-wazir
      const auto it = titles_.find(form);
      if (it == titles_.end()) continue;
      for (size_t i : it->second) {
        if (i < at && (best == SIZE_MAX || i > best)) best = i;
      }
    }
    if (best == SIZE_MAX) return {};
    const ParsedName named = ParseName(best, SubjectLimit(best));
    if (named.kind == NameKind::kNone || named.kind == NameKind::kPersonDescriptor) return {};
    const Entity* e = ents_.Over(t_.tok(named.tb).start, t_.tok(named.te - 1).end);
    if (named.kind == NameKind::kName && e != nullptr && e->type == EntityType::kPerson) {
      return EntityName(*e);
    }
    // A nameless descriptor stands only for what was just said; farther back, the most mentioned
    // person is the likelier referent.
    if (at - best > 40) return {};
    return std::string(Bytes(named.tb, named.te - 1));
  }

  // A title without a name ("the energy minister") named elsewhere in the field ("the energy
  // minister Khalid al-Falih"): that name; else the descriptor as written.
  std::string NamedDescriptor(const ParsedName& p) const {
    std::string name = NameOfTitle(p);
    return name.empty() ? std::string(Bytes(p.tb, p.te - 1)) : name;
  }
  // The name that follows the same title elsewhere in the field, or "".
  std::string NameOfTitle(const ParsedName& p) const {
    const auto at = titles_.find(t_.key(p.tb));
    for (size_t i : at == titles_.end() ? std::vector<size_t>{} : at->second) {
      if (i == p.tb) continue;
      bool same = true;  // The whole descriptor repeats.
      for (size_t k = 1; k < p.te - p.tb && same; ++k) {
        same = i + k < t_.size() && t_.key(i + k) == t_.key(p.tb + k);
      }
      if (!same) continue;
      const ParsedName named = ParseName(i, SubjectLimit(i));
      if (named.kind != NameKind::kName) continue;
      const Entity* e = ents_.Over(t_.tok(named.tb).start, t_.tok(named.te - 1).end);
      return e != nullptr && e->type == EntityType::kPerson
                 ? EntityName(*e)
                 : std::string(Bytes(named.tb, named.te - 1));
    }
    return {};
  }

  // A person entity starts in token i (after its clitics).
  bool PersonAt(size_t i) const {
    const auto [lo, hi] = ents_.Range(t_.tok(i).start, t_.tok(i).end);
    for (size_t n = lo; n < hi; ++n) {
      if (ents_[n]->type == EntityType::kPerson) return true;
    }
    return false;
  }

  // A place entity starts in token i: in a title's complement it is where the title holds
  // ("safir Ghana", "wazir kharijiyyat Misr"), not the speaker's name.
  bool PlaceAt(size_t i) const {
    const auto [lo, hi] = ents_.Range(t_.tok(i).start, t_.tok(i).end);
    for (size_t n = lo; n < hi; ++n) {
      if (ents_[n]->type == EntityType::kPlace) return true;
    }
    return false;
  }

  // A person put before the verb with an apposition: "(ghayr anna) al-duktur Salah al-Bardawil,
  // al-mutahaddith bi-ism ... qala". Up to 25 tokens back, within the sentence, with no other
  // attribution verb between; the earliest such person is the head of the phrase.
  const Entity* FrontedPerson(size_t v) const {
    size_t b = v;
    while (b > 0 && v - b < 25 && !SentenceEnd(b - 1) && !NewlineBefore(b) && K(b - 1) != kVerb) {
      --b;
    }
    const auto [lo, hi] = ents_.Range(t_.tok(b).start, t_.tok(v).start);
    for (size_t n = lo; n < hi; ++n) {
      const Entity& e = *ents_[n];
      if (e.type != EntityType::kPerson) continue;
      size_t c = b;  // The token after the entity.
      while (c < v && t_.tok(c).start < e.span.end) ++c;
      if (c + 1 < v && Comma(t_, c) && (K(c + 1) == kTitle || K(c + 1) == kPerson)) return &e;
    }
    return nullptr;
  }

  // A subject before its verb ("wa-kanat Rice qalat"): the name word right before the verb.
  // With entity_only, only a person or organization entity right before the verb counts.
  std::string SubjectBefore(size_t v, bool entity_only = false) const {
    size_t e = v;  // Skip "qad", "kana" between the subject and the verb.
    while (e > 0 && e + 3 > v && Kana(t_, e - 1) && !NewlineBefore(e)) --e;
    // A verb with its own conjunction ("... wa-qala") opens a new clause: the words before it end
    // the previous one ("... bi-l-mubarat badaniyyan wa-qala").
    // Not so for fa- after "amma" ("amma wazir al-dakhiliyya Sarkozy fa-sarraha").
    const std::string_view verb = t_.key(v);
    if (e == v && hits_[v]->clitic_letters > 0 &&
        (verb.starts_with("\xD9\x88") || (verb.starts_with("\xD9\x81") && !AmmaBefore(t_, v)))) {
      return {};
    }
    if (e == v) {
      if (const Entity* fronted = FrontedPerson(v)) return EntityName(*fronted);
    }
    size_t b = e;
    while (b > 0 && b + 3 > e && K(b - 1) == kNone && t_.tok(b - 1).kind == TokenKind::kArabic &&
           t_.key(b - 1).size() > 2 && !NewlineBefore(b)) {
      --b;
    }
    if (b == e) return {};
    // After a preposition the words are its object ("al-mas'ul 'an al-astana al-radawiyya yaqul").
    if (b > 0 && Preposition(t_, b - 1)) return {};
    const bool after_stop = b > 0 && K(b - 1) == kStop && !NewlineBefore(b);
    if (const Entity* en = ents_.Over(t_.tok(b).start, t_.tok(e - 1).end)) return EntityName(*en);
    if (entity_only) return {};
    // "wa-kana al-ra'is al-amiriki qala": a title and its adjective, the descriptor as written;
    // a name after them is the speaker ("wa-kana wazir al-sihha Fahd al-Jalajil qad sarraha").
    if (b > 0 && (K(b - 1) == kTitle || K(b - 1) == kPerson) && !NewlineBefore(b) && Definite(t_, b)) {
      size_t n = b;
      while (n < e && Definite(t_, n)) ++n;
      return std::string(n < e ? Bytes(n, e - 1) : Bytes(b - 1, e - 1));
    }
    // Words that no tagger names are a subject only in a "kana"/"qad" clause; elsewhere they are
    // the end of the previous phrase ("'an ikhtiyar Leonardo li-mihnat bay' al-wurud qala").
    if (!after_stop && e == v) return {};
    if (e == b + 1) return Fullest(std::string(Bytes(b, b)), b, b + 1);
    return std::string(Bytes(b, e - 1));
  }

  // An indefinite adjective of three letters or more ending in ya: "baritani", "amni"; not a
  // plural in construct ("kabir mufattishi al-umam al-muttahida").
  bool Nisba(size_t i, size_t limit) const {
    if (i >= limit || t_.tok(i).kind != TokenKind::kArabic || K(i) != kNone || Definite(t_, i)) {
      return false;
    }
    if (i + 1 < limit && t_.tok(i + 1).kind == TokenKind::kArabic && Definite(t_, i + 1)) {
      return false;
    }
    const std::string_view w = Bytes(i, i);
    return w.size() >= 8 && w.ends_with("\xD9\x8A");
  }

  // Token i follows "fi": an indefinite word there is the preposition's object ("fi mu'tamar
  // sahafi", "fi tasrihat"), and a word after it describes that object, never a name.
  bool AfterFi(size_t i) const { return i > 0 && t_.key(i - 1) == kFi; }

  ParsedName ParseName(size_t k, size_t limit) const {
    const int kind = K(k);
    // A definite nisba that no list knows, then a name: "al-falaki Mulham Hindi" (the
    // astronomer), "al-misri Mohamed Salah". The nisba is a descriptor and the name speaks.
    // Written with ya, not alef maqsura (folded alike): "al-quwa bi-qita' Ghazza" is no nisba.
    if (kind == kNone && k + 1 < limit && Definite(t_, k) &&
        Bytes(k, k).ends_with("\xD9\x8A") &&
        t_.tok(k).kind == TokenKind::kArabic && t_.tok(k + 1).kind == TokenKind::kArabic &&
        K(k + 1) == kNone && !Definite(t_, k + 1)) {
      const size_t e = NameEnd(k + 1, limit);
      if (e > k + 1) return {NameKind::kName, k + 1, e, true};
    }
    if (kind == kTitle || kind == kPerson) {
      const size_t title = k;
      k += static_cast<size_t>(hits_[k]->words);
      // "ila" (folded "al-y") and the relative pronouns end the complement though they look
      // definite; "al-'am" (general, in "al-amin al-'am") does not.
      while (k < limit &&
             (Comma(t_, k) ||
              (Definite(t_, k) && !(K(k) == kStop && t_.key(k).size() <= 6) && K(k) != kRelative) ||
              K(k) == kTitle || K(k) == kLink || (K(k) == kHead && !AfterFi(k)) ||
              LamComplement(t_, k) ||
              t_.tok(k).kind == TokenKind::kPunct || PlaceAt(k))) {
        ++k;
      }
      const size_t title_end = title + static_cast<size_t>(hits_[title]->words);
      // A word without the article right after "fi" is the object of the preposition ("al-ra'is
      // al-rumani fi tasrihat naqalatha"), not a name; after a comma only a person the tagger
      // found is ("mas'ul fi al-wizara, talaba 'adam al-kashf 'an ismihi, inna").
      const bool after_fi = k > title && AfterFi(k);
      const bool unnamed_after_comma =
          k > title_end && Comma(t_, k - 1) && !ents_.empty() && !PersonAt(k);
      // An indefinite title and its nisba ("mas'ul baritani", "mas'ul amni") is an
      // anonymous source: the descriptor as written, not a person named "Baritani".
      if (k == title_end && !Definite(t_, title) && Nisba(k, limit) && !PersonAt(k)) {
        size_t e = k;
        while (e < limit && e < k + 3 && Nisba(e, limit)) ++e;
        return {NameKind::kDescriptor, title, e};
      }
      if (k < limit && K(k) == kNone && t_.tok(k).kind == TokenKind::kArabic && !after_fi &&
          !unnamed_after_comma) {
        const size_t e = NameEnd(k, limit);
        if (e > k) return {NameKind::kName, k, e, true};
      }
      size_t e = title_end;
      while (e < limit && Definite(t_, e) && K(e) == kNone) ++e;
      // A title with a complement ("al-mutahaddith bi-ism al-jaysh") is somebody of its own, not
      // a stand-in for the person the article named before; the descriptor runs to its end.
      const bool complement = k > title_end;
      if (complement && k <= title_end + 6) {
        e = std::max(e, k);
        while (e > title_end && (Comma(t_, e - 1) || K(e - 1) == kLink ||
                                 t_.tok(e - 1).kind == TokenKind::kPunct)) {
          --e;
        }
      }
      return {kind == kPerson && e == title + 1 && !complement ? NameKind::kPersonDescriptor
                                                               : NameKind::kDescriptor,
              title, e};
    }
    // An organization named by its head noun: "qalat wizarat al-difa' al-rusiyya", "sharikat
    // Aramco". The head, then definite words, places and one plain word, up to four.
    if (kind == kHead && OrganizationHead(t_, k)) {
      size_t e = k + 1;
      bool plain = false;
      while (e < limit && e < k + 5 && t_.tok(e).kind == TokenKind::kArabic) {
        const bool definite = Definite(t_, e) && K(e) != kStop && K(e) != kRelative;
        const bool name = !plain && K(e) == kNone && !Definite(t_, e) && e == k + 1;
        if (!definite && !PlaceAt(e) && !name) break;
        plain = plain || name;
        ++e;
      }
      if (e > k + 1) return {NameKind::kName, k, e};
      return {};
    }
    if (kind != kNone || t_.tok(k).kind != TokenKind::kArabic) return {};
    if (Prepositional(t_, k)) return {};  // "told reporters": the addressee, not the speaker.
    if (Definite(t_, k)) {  // An organization or a descriptor: "the Kremlin", "the ministry".
      size_t e = k;
      while (e < limit && e < k + 3 && Definite(t_, e) && K(e) == kNone) ++e;
      return {NameKind::kName, k, e};
    }
    const size_t e = NameEnd(k, limit);
    if (e == k) return {};
    return {NameKind::kName, k, e};
  }

  static size_t Words(std::string_view s) {
    size_t n = 0;
    bool in = false;
    for (char c : s) {
      const bool space = c == ' ';
      if (!space && !in) ++n;
      in = !space;
    }
    return n;
  }

  // Who a parsed name is: the entity over it (any, or only a person unless the words are a
  // name), else the words as written, else the descriptor's named holder.
  std::string SpeakerOf(const ParsedName& p, bool any_entity) const {
    const Entity* e = ents_.Over(t_.tok(p.tb).start, t_.tok(p.te - 1).end);
    if (e != nullptr &&
        (any_entity || e->type == EntityType::kPerson || p.kind == NameKind::kName)) {
      return EntityName(*e);
    }
    return p.kind == NameKind::kName ? std::string(Bytes(p.tb, p.te - 1)) : NamedDescriptor(p);
  }

  // A one-word name grown by the word before another mention of it (Kirby -> John Kirby).
  std::string Fullest(std::string name, size_t k, size_t e) const {
    if (e != k + 1) return name;
    const auto& named_after = NamedAfter();
    const auto it = named_after.find(t_.key(k));
    if (it == named_after.end() || it->second + 1 == k) return name;
    return std::string(Bytes(it->second, it->second + 1));
  }

  // The speaker carried to an attribution that names nobody ("and he added:", "saying:").
  // When no attribution verb of the same sentence names one, the sentence's own subject comes
  // first: its first person entity that is no object of a preposition ("ghayr anna al-ra'is
  // al-irani Mahmud Ahmadinejad jaddada tamassuk Iran ..., qa'ilan innahu").
  std::string SpeakerAt(size_t token) const {
    // The nearest verb at or before `token` with a subject.
    auto it = std::upper_bound(verbs_.begin(), verbs_.end(), token,
                               [](size_t v, const auto& verb) { return v < verb.first; });
    const size_t named =
        it == verbs_.begin() ? SIZE_MAX : named_[static_cast<size_t>(it - verbs_.begin()) - 1];
    size_t start = token;  // The first token of token's sentence.
    while (start > 0 && !SentenceEnd(start - 1) && !NewlineBefore(start)) --start;
    if (named == SIZE_MAX || verbs_[named].first < start) {
      const auto [lo, hi] = ents_.Range(t_.tok(start).start, t_.tok(token).start);
      for (size_t n = lo; n < hi; ++n) {
        if (ents_[n]->type == EntityType::kPerson && !AfterPreposition(ents_[n]->span.start)) {
          return EntityName(*ents_[n]);
        }
      }
    }
    return named == SIZE_MAX ? std::string() : verbs_[named].second;
  }

  std::string VerbSubject(size_t token) const {
    auto it = std::lower_bound(verbs_.begin(), verbs_.end(), token,
                               [](const auto& verb, size_t v) { return verb.first < v; });
    return it != verbs_.end() && it->first == token ? it->second : std::string();
  }

  // The attribution of a quote opening at `open`: the nearest verb before it in the sentence.
  bool Attribution(const QuoteSegment& s, std::string* speaker, bool* complementizer) const {
    *complementizer = s.open > 0 && (t_.IsPunct(s.open - 1, ':'));
    const size_t floor = s.open > 40 ? s.open - 40 : 0;
    for (size_t i = s.open; i-- > floor;) {
      if (SentenceEnd(i)) break;
      if (K(i) == kThat || t_.IsPunct(i, ':')) *complementizer = true;
      if (K(i) == kVerb || K(i) == kCarry) {
        std::string subject;
        if (K(i) == kVerb) subject = VerbSubject(i);
        *speaker = subject.empty() ? SpeakerAt(i) : subject;
        return true;
      }
      // "wa-bi-hasab wazir al-sihha Firas al-Abyad, fa-inna '...'": the source named before the
      // quote in its sentence.
      if (K(i) == kSource) {
        size_t k = i + static_cast<size_t>(hits_[i]->words);
        while (k < s.open && Comma(t_, k)) ++k;
        const ParsedName p = k < s.open ? ParseName(k, SubjectLimit(k)) : ParsedName{};
        if (p.kind == NameKind::kNone) break;
        *complementizer = true;
        // A descriptor's organization is where the source works, not the source.
        *speaker = SpeakerOf(p, /*any_entity=*/false);
        return true;
      }
      if (K(i) == kSaying) {  // "naqala an X qawlahu": the speaker follows "an" (from).
        *speaker = SpeakerAt(i);
        for (size_t a = i; a-- > floor && a + 10 > i;) {
          if (SentenceEnd(a)) break;
          if (K(a) != kFrom) continue;
          size_t k = a + 1;
          while (k < i && Comma(t_, k)) ++k;
          // A name the tagger found at the first word: "'an Ballack qawlahu" (no "bi-al-"). Not
          // one further on: "'an mas'ul fi wizarat al-kharijiyya qawlahu" is the official.
          if (const Entity* e = k < i ? ents_.Over(t_.tok(k).start, t_.tok(k).end) : nullptr) {
            *speaker = EntityName(*e);
            break;
          }
          const ParsedName p = k < i ? ParseName(k, i) : ParsedName{};
          if (p.kind != NameKind::kNone) *speaker = std::string(Bytes(p.tb, p.te - 1));
          break;
        }
        return true;
      }
      if (NewlineBefore(i)) break;  // The first token of the paragraph.
    }
    // <<...>>, said someone; <<...>>, according to someone / as he put it.
    for (size_t i = s.close + 1; i < t_.size() && i <= s.close + 4 && !NewlineBefore(i); ++i) {
      if (K(i) == kVerb) {
        *complementizer = true;
        *speaker = VerbSubject(i);
        if (speaker->empty()) *speaker = SpeakerAt(i);
        return true;
      }
      if (K(i) == kSource || K(i) == kSaying) {
        *complementizer = true;
        size_t k = i + 1;
        if (k < t_.size() && (K(k) == kNone || K(k) == kTitle) &&
            t_.tok(k).kind == TokenKind::kArabic) {
          const size_t limit = SubjectLimit(k);
          const ParsedName p = ParseName(k, limit);
          if (p.kind == NameKind::kName) {
            *speaker = std::string(Bytes(p.tb, p.te - 1));
            return true;
          }
          // "'...', bi-hasab mas'ul fi al-Salib al-Ahmar": a descriptor is the source too.
          if (p.kind == NameKind::kDescriptor) {
            *speaker = NamedDescriptor(p);
            return true;
          }
        }
        *speaker = SpeakerAt(s.open);
        return true;
      }
      // Skip commas, "ala hadd" (as ... put it), "hakadha" (thus) and "hadha ma" ("hadha ma
      // qalahu X": this is what X said).
      const std::string_view key = t_.key(i);
      if (!Comma(t_, i) && key != "\xD8\xB9\xD9\x84\xD9\x8A" && key != "\xD8\xAD\xD8\xAF" &&
          key != "\xD9\x87\xD9\x83\xD8\xB0\xD8\xA7" && key != "\xD9\x87\xD8\xB0\xD8\xA7" &&
          key != "\xD9\x85\xD8\xA7") {
        break;
      }
    }
    // A headline or lead "Speaker: <<...>>": one to four words open the line and end at the colon.
    if (s.open >= 2 && t_.IsPunct(s.open - 1, ':')) {
      size_t b = s.open - 1;
      while (b > 0 && s.open - 1 - b < 5 && !NewlineBefore(b) && !SentenceEnd(b - 1) &&
             t_.tok(b - 1).kind == TokenKind::kArabic) {
        --b;
      }
      const bool line_start = b == 0 || NewlineBefore(b) || SentenceEnd(b - 1);
      if (line_start && b < s.open - 1 && s.open - 1 - b <= 4) {
        const ParsedName p = ParseName(b, s.open - 1);
        if (p.kind != NameKind::kNone) {
          *complementizer = false;  // Short texts after a bare "X:" stay terms.
          *speaker = SpeakerOf(p, /*any_entity=*/true);
          return true;
        }
      }
    }
    return false;
  }

  void Emit(const QuoteSegment& s, std::vector<Quote>* out) const {
    uint32_t start = t_.tok(s.open).end;
    uint32_t end = s.closed ? t_.tok(s.close).start : t_.tok(s.close).end;
    const std::string_view text = t_.text();
    while (start < end && (text[start] == ' ' || text[start] == '\n' || text[start] == '\t')) {
      ++start;
    }
    while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\n' || text[end - 1] == '\t' ||
                           text[end - 1] == '\r')) {
      --end;
    }
    if (end <= start) return;
    size_t words = 0, arabic = 0;
    const size_t last = s.closed ? s.close : s.close + 1;
    for (size_t i = s.open + 1; i < last; ++i) {
      if (IsWordToken(t_.tok(i).kind)) ++words;
      if (t_.tok(i).kind == TokenKind::kArabic) ++arabic;
    }
    if (arabic == 0) return;
    // One or two letters (the classes "b", "h" of a list) are labels, not words anyone said.
    if (end - start <= 4) return;
    const bool short_quote = words <= 3;
    // A term glued to a clitic (wa<<...>>, li-"...") or starting with a number is not a quote.
    if (short_quote && s.open > 0 && t_.tok(s.open - 1).end == t_.tok(s.open).start &&
        t_.tok(s.open - 1).kind == TokenKind::kArabic) {
      return;
    }
    if (words <= 4 && t_.tok(s.open + 1).kind == TokenKind::kNumber) return;
    // A name followed by a relative pronoun ("Falcon Wing" allati ...) is a term.
    if (short_quote && s.closed && K(s.close + 1) == kRelative) return;
    std::string speaker;
    bool complementizer = false;
    if (!Attribution(s, &speaker, &complementizer)) return;
    if (short_quote && !complementizer) return;
    // A list of quoted names ("..." wa "..."): every item is a term.
    auto joiner = [&](size_t i) { return Comma(t_, i) || t_.key(i) == "\xD9\x88"; };
    const bool after_item = s.open >= 2 && joiner(s.open - 1) && M(s.open - 2) != QuoteMark::kNone;
    const bool before_item = s.closed && s.close + 2 < t_.size() && joiner(s.close + 1) &&
                             M(s.close + 2) != QuoteMark::kNone;
    if (words <= 4 && (after_item || before_item)) return;
    // Inside reported speech, a name after the noun it names (a campaign "...") is a term. Right
    // after the speaker ("said X, strategist at Commerzbank "...") the noun is the speaker's.
    if (words <= 6 && complementizer && s.open > 0 && K(s.open - 1) == kHead) return;
    // A short name that starts with a naming noun ("the summer discounts programme") is a term.
    if (words <= 5 && K(s.open + 1) == kHead) return;
    if (short_quote) {
      const auto [lo, hi] = ents_.Range(start > 1024 ? start - 1024 : 0, start + 1);
      for (size_t n = lo; n < hi; ++n) {
        if (ents_[n]->span.end >= end) return;
      }
    }
    Quote q;
    q.text = std::string(text.substr(start, end - start));
    q.speaker = std::move(speaker);
    q.span = Span{field_, start, end};
    out->push_back(std::move(q));
  }

  const FoldedTokens& t_;
  std::vector<std::optional<WordHit>> hits_;
  Field field_;
  const std::vector<Entity>& entities_;
  std::vector<std::pair<size_t, std::string>> verbs_;
  std::vector<size_t> named_;        // named_[n]: the last verb <= n with a subject, or SIZE_MAX.
  FieldEntities ents_;  // This field's entities, indexed on the first quote.
  // Each word -> the first plain Arabic word written right before it (for Fullest); built on
  // first use, as only one-word names need it.
  const std::unordered_map<std::string_view, size_t>& NamedAfter() const {
    if (!named_after_built_) {
      named_after_built_ = true;
      for (size_t i = 1; i < t_.size(); ++i) {
        const size_t p = i - 1;
        if (t_.tok(i).kind == TokenKind::kArabic && t_.tok(p).kind == TokenKind::kArabic &&
            K(p) == kNone && !Definite(t_, p) && t_.tok(p).end != t_.tok(i).start) {
          named_after_.emplace(t_.key(i), p);  // Keeps the first.
        }
      }
    }
    return named_after_;
  }
  mutable bool named_after_built_ = false;
  mutable std::unordered_map<std::string_view, size_t> named_after_;
  // Folded title word -> its first positions (for NamedDescriptor).
  std::unordered_map<std::string_view, std::vector<size_t>> titles_;
};

}  // namespace

QuoteExtractor::QuoteExtractor(std::shared_ptr<const QuoteLexicon> lexicon)
    : lexicon_(std::move(lexicon)) {}

Result<QuoteExtractor> QuoteExtractor::Create() {
  auto lexicon = std::make_shared<QuoteLexicon>();
  const std::string_view words(khabar_quotes_words_begin,
                               khabar_quotes_words_end - khabar_quotes_words_begin);
  KHABAR_RETURN_IF_ERROR(lexicon->words.Load(words, "quotes_words.tsv", KindOf));
  return QuoteExtractor(std::move(lexicon));
}

std::vector<Quote> QuoteExtractor::Extract(std::string_view text, Field field,
                                           const std::vector<Entity>& entities) const {
  if (!HasQuoteMark(text)) return {};
  return Extract(FoldedTokens(text), field, entities);
}

std::vector<Quote> QuoteExtractor::Extract(const FoldedTokens& tokens, Field field,
                                           const std::vector<Entity>& entities) const {
  std::vector<Quote> out;
  if (!HasQuoteMark(tokens.text())) return out;
  QuoteParser(lexicon_->words, tokens, field, entities).Run(&out);
  return out;
}

}  // namespace khabar::text
