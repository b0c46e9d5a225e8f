#include "text/figures_lexicon.h"

#include <string>

#include "text/normalize.h"
#include "text/tsv.h"

extern "C" const char khabar_figures_numbers_begin[], khabar_figures_numbers_end[];
extern "C" const char khabar_figures_units_begin[], khabar_figures_units_end[];
extern "C" const char khabar_figures_currency_begin[], khabar_figures_currency_end[];
extern "C" const char khabar_figures_qualifiers_begin[], khabar_figures_qualifiers_end[];
extern "C" const char khabar_figures_context_begin[], khabar_figures_context_end[];

namespace khabar::text {
namespace {

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= s.size()) {
    const size_t p = s.find(sep, start);
    const std::string_view part = s.substr(start, p == std::string_view::npos ? s.npos : p - start);
    if (!part.empty()) out.push_back(part);
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

// Normalized words of a phrase.
std::vector<std::string> Words(std::string_view phrase) {
  std::vector<std::string> out;
  for (std::string_view w : Split(phrase, ' ')) out.push_back(Normalize(w));
  return out;
}

bool ParseKind(std::string_view s, FigureKind* kind) {
  if (s == "money")
    *kind = FigureKind::kMoney;
  else if (s == "percent")
    *kind = FigureKind::kPercent;
  else if (s == "measure")
    *kind = FigureKind::kMeasure;
  else if (s == "duration")
    *kind = FigureKind::kDuration;
  else if (s == "count")
    *kind = FigureKind::kCount;
  else if (s == "number")
    *kind = FigureKind::kNumber;
  else
    return false;
  return true;
}

bool ParseQualifier(std::string_view s, Qualifier* q) {
  if (s == "approx")
    *q = Qualifier::kApprox;
  else if (s == "at_least")
    *q = Qualifier::kAtLeast;
  else if (s == "at_most")
    *q = Qualifier::kAtMost;
  else if (s == "exact")
    *q = Qualifier::kExact;
  else
    return false;
  return true;
}

// True when `word` equals `key`, or equals it after one or two proclitic letters.
bool MatchesWithProclitic(std::string_view word, std::string_view key) {
  if (word == key) return true;
  static constexpr std::string_view kClitics[] = {"\xd9\x88", "\xd8\xa8", "\xd9\x81",
                                                  "\xd9\x84"};  // waw, beh, feh, lam
  for (std::string_view c : kClitics) {
    if (word.size() > c.size() && word.substr(0, c.size()) == c) {
      const std::string_view rest = word.substr(c.size());
      if (rest == key) return true;
      if (c == kClitics[0] && rest.size() > 2 &&
          (rest.substr(0, 2) == kClitics[1] || rest.substr(0, 2) == kClitics[2]) &&
          rest.substr(2) == key) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

Result<FiguresLexicon> FiguresLexicon::Parse(const FiguresLexiconFiles& files) {
  FiguresLexicon lex;
  auto numbers = NumberWords::Parse(files.numbers);
  if (!numbers.ok()) return numbers.status();
  lex.numbers_ = std::move(numbers).value();
  KHABAR_RETURN_IF_ERROR(lex.ParseUnits(files.units));
  KHABAR_RETURN_IF_ERROR(lex.ParseCurrency(files.currency));
  KHABAR_RETURN_IF_ERROR(lex.ParseQualifiers(files.qualifiers));
  KHABAR_RETURN_IF_ERROR(lex.ParseContext(files.context));
  lex.BuildNumberReadings();
  lex.BuildFilter();
  return lex;
}

Status FiguresLexicon::ParseUnits(std::string_view tsv) {
  return ForEachTsvLine(tsv, "figures_units.tsv", [&](const std::vector<std::string_view>& c) {
    if (c.size() < 4) return false;
    UnitEntry base;
    base.lemma = std::string(c[0]);
    if (!ParseKind(c[1], &base.kind)) return false;
    if (c[2] != "-") base.currency = std::string(c[2]);
    auto add = [&](std::string_view form, bool dual) {
      UnitEntry e = base;
      e.words = Words(form);
      e.dual = dual;
      if (e.words.empty()) return;
      units_by_first_[e.words[0]].push_back(static_cast<uint32_t>(units_.size()));
      units_.push_back(std::move(e));
    };
    for (std::string_view f : Split(c[3], ',')) add(f, false);
    if (c.size() > 4) {
      for (std::string_view f : Split(c[4], ',')) {
        add(f, true);
        // A time dual with the article counts the same: al-'aqdayn, al-shahrayn (but
        // al-dularan al-ustrali wa-l-nyuzilandi names two currencies).
        if (base.kind == FigureKind::kDuration && f.substr(0, 4) != "\u0627\u0644") {
          add("\u0627\u0644" + std::string(f), true);
        }
      }
    }
    if (c.size() > 5) {
      for (std::string_view f : Split(c[5], ',')) {
        UnitEntry e = base;
        e.words = Words(f);
        units_before_[Normalize(f)] = static_cast<uint32_t>(units_.size());
        units_.push_back(std::move(e));
      }
    }
    return true;
  });
}

Status FiguresLexicon::ParseCurrency(std::string_view tsv) {
  return ForEachTsvLine(tsv, "figures_currency.tsv", [&](const std::vector<std::string_view>& c) {
    if (c.size() < 4) return false;
    const std::string lemma = Normalize(c[1]);
    if (c[0] == "adj") {
      for (std::string_view f : Split(c[2], ',')) {
        currency_adjectives_[lemma + "\t" + Normalize(f)] = std::string(c[3]);
      }
      return true;
    }
    if (c[0] == "context") {
      std::string stem = Normalize(c[2]);
      if (stem.rfind("\u0627\u0644", 0) == 0 && stem.size() > 6) stem.erase(0, 4);  // al-
      AddContextVariants(stem, static_cast<int>(currency_context_.size()));
      currency_context_.push_back(ContextEntry{lemma, std::string(c[3])});
      return true;
    }
    return false;
  });
}

Status FiguresLexicon::ParseQualifiers(std::string_view tsv) {
  return ForEachTsvLine(tsv, "figures_qualifiers.tsv", [&](const std::vector<std::string_view>& c) {
    if (c.size() < 3) return false;
    QualifierEntry e;
    e.words = Words(c[0]);
    if (e.words.empty() || !ParseQualifier(c[1], &e.qualifier)) return false;
    const auto index = static_cast<uint32_t>(qualifiers_.size());
    if (c[2] == "before") {
      qualifiers_before_by_last_[e.words.back()].push_back(index);
    } else if (c[2] == "after") {
      qualifiers_after_by_first_[e.words.front()].push_back(index);
    } else if (c[2] == "an") {
      qualifier_verbs_[e.words.front()] = index;
    } else if (c[2] == "verb") {
      qualifier_far_verbs_[e.words.front()] = index;
    } else {
      return false;
    }
    qualifiers_.push_back(std::move(e));
    return true;
  });
}

Status FiguresLexicon::ParseContext(std::string_view tsv) {
  return ForEachTsvLine(tsv, "figures_context.tsv", [&](const std::vector<std::string_view>& c) {
    if (c.size() < 2) return false;
    const std::string w = Normalize(c[1]);
    if (c[0] == "before") {
      block_before_.insert(w);
    } else if (c[0] == "after") {
      block_after_.insert(w);
    } else if (c[0] == "ordinal") {
      ordinals_.insert(w);
    } else if (c[0] == "weekday") {
      weekdays_.insert(w);
    } else if (c[0] == "stop") {
      stop_.insert(w);
    } else if (c[0] == "plural" && c.size() >= 3) {
      singular_[w] = std::string(c[2]);
      known_nouns_.insert(Normalize(c[2]));
    } else {
      return false;
    }
    return true;
  });
}

const UnitEntry* FiguresLexicon::MatchUnit(std::span<const std::string_view> words,
                                           size_t* consumed) const {
  if (words.empty()) return nullptr;
  const auto it = units_by_first_.find(words[0]);
  if (it == units_by_first_.end()) return nullptr;
  const UnitEntry* best = nullptr;
  size_t best_len = 0;
  for (uint32_t idx : it->second) {
    const UnitEntry& e = units_[idx];
    if (e.words.size() > words.size() || e.words.size() <= best_len) continue;
    bool ok = true;
    for (size_t k = 1; k < e.words.size() && ok; ++k) ok = e.words[k] == words[k];
    if (ok) {
      best = &e;
      best_len = e.words.size();
    }
  }
  *consumed = best_len;
  return best;
}

const UnitEntry* FiguresLexicon::UnitBefore(std::string_view word) const {
  const auto it = units_before_.find(word);
  return it == units_before_.end() ? nullptr : &units_[it->second];
}

std::string_view FiguresLexicon::CurrencyAdjective(std::string_view lemma,
                                                   std::string_view word) const {
  std::string key;
  key.reserve(lemma.size() + word.size() + 1);
  key.append(lemma).push_back('\t');
  key.append(word);
  const auto it = currency_adjectives_.find(key);
  return it == currency_adjectives_.end() ? std::string_view() : std::string_view(it->second);
}

void FiguresLexicon::AddContextVariants(const std::string& stem, int entry) {
  // Proclitics with or without the article, and nisba suffixes: -i, -iyya, -iyyan, -iyyin,
  // -iyyun (qatari, wa-l-qatariyya).
  static constexpr std::string_view kPrefixes[] = {"",
                                                   "\u0627\u0644",
                                                   "\u0648",
                                                   "\u0648\u0627\u0644",
                                                   "\u0628",
                                                   "\u0628\u0627\u0644",
                                                   "\u0644",
                                                   "\u0644\u0644",
                                                   "\u0641",
                                                   "\u0641\u0627\u0644",
                                                   "\u0648\u0628",
                                                   "\u0648\u0628\u0627\u0644",
                                                   "\u0648\u0644",
                                                   "\u0648\u0644\u0644",
                                                   "\u0643"};
  static constexpr std::string_view kSuffixes[] = {
      "", "\u064a", "\u064a\u0647", "\u064a\u0627", "\u064a\u064a\u0646", "\u064a\u0648\u0646"};
  for (std::string_view p : kPrefixes) {
    for (std::string_view s : kSuffixes) {
      currency_context_by_stem_.emplace(std::string(p) + stem + std::string(s), entry);
    }
  }
}

int FiguresLexicon::CurrencyContextEntry(std::string_view normalized) const {
  const auto it = currency_context_by_stem_.find(normalized);
  return it == currency_context_by_stem_.end() ? -1 : it->second;
}

std::string_view FiguresLexicon::CurrencyContextLemma(int entry) const {
  return currency_context_[static_cast<size_t>(entry)].lemma;
}

std::string_view FiguresLexicon::CurrencyContextCode(int entry) const {
  return currency_context_[static_cast<size_t>(entry)].code;
}

void FiguresLexicon::BuildNumberReadings() {
  static constexpr std::string_view kArticle = "\u0627\u0644";
  static constexpr std::string_view kLam = "\u0644";
  // Proclitic sequences: conjunction (wa, fa), then preposition (bi, li, ka).
  static constexpr std::string_view kConj[] = {"", "\u0648", "\u0641"};
  static constexpr std::string_view kPrep[] = {"", "\u0628", "\u0644", "\u0643"};
  // Pass 0 inserts the forms without proclitics so that they win over a clitic reading
  // (wahid is "one", not wa + ahid).
  for (int pass = 0; pass < 2; ++pass) {
    numbers_.ForEach([&](std::string_view form, const NumberWord& w) {
      for (std::string_view conj : kConj) {
        for (std::string_view prep : kPrep) {
          const bool clitic = !conj.empty() || !prep.empty();
          if (clitic != (pass == 1)) continue;
          const auto letters = static_cast<uint8_t>((conj.size() + prep.size()) / 2);
          std::string prefix = std::string(conj) + std::string(prep);
          NumberReading r{
              w, letters, static_cast<uint8_t>(prefix.size()), !conj.empty(), !prep.empty(), false};
          number_readings_.emplace(prefix + std::string(form), r);
          r.definite = true;
          if (prep == kLam) {
            // li + al- drops the alef: lil-.
            r.bare_offset = static_cast<uint8_t>(prefix.size() + kLam.size());
            number_readings_.emplace(prefix + std::string(kLam) + std::string(form), r);
          } else {
            r.bare_offset = static_cast<uint8_t>(prefix.size() + kArticle.size());
            number_readings_.emplace(prefix + std::string(kArticle) + std::string(form), r);
          }
        }
      }
    });
  }
}

void FiguresLexicon::BuildFilter() {
  auto add = [&](std::string_view key) {
    const uint32_t h = WordHash(key);
    filter_[(h >> 6) & (kFilterWords - 1)] |= uint64_t{1} << (h & 63);
  };
  for (const auto& [key, reading] : number_readings_) {
    add(key);
    add(key + "\u0627");  // Tanween alef.
  }
  for (const auto& [key, units] : units_by_first_) {
    add(key);
    // "bi-yawmayn", "li-sa'atayn": a time dual may carry a one-letter clitic (Reader::ReadDualUnit).
    for (uint32_t u : units) {
      if (!units_[u].dual || units_[u].kind != FigureKind::kDuration) continue;
      for (std::string_view clitic : kDualClitics) {
        add(std::string(clitic) + std::string(key));
      }
      break;
    }
  }
  for (const auto& [key, entry] : currency_context_by_stem_) add(key);
}

const NumberReading* FiguresLexicon::ReadNumberWord(std::string_view normalized) const {
  auto it = number_readings_.find(normalized);
  if (it == number_readings_.end() && normalized.size() > 6 &&
      normalized.substr(normalized.size() - 2) == "\u0627") {
    it = number_readings_.find(normalized.substr(0, normalized.size() - 2));  // Tanween alef.
  }
  return it == number_readings_.end() ? nullptr : &it->second;
}

const QualifierEntry* FiguresLexicon::QualifierBefore(std::span<const std::string_view> words,
                                                      size_t* consumed) const {
  *consumed = 0;
  if (words.empty()) return nullptr;
  const QualifierEntry* best = nullptr;
  auto try_last = [&](std::string_view last, bool clitic_only_phrase) {
    const auto it = qualifiers_before_by_last_.find(last);
    if (it == qualifiers_before_by_last_.end()) return;
    for (uint32_t idx : it->second) {
      const QualifierEntry& e = qualifiers_[idx];
      const size_t n = e.words.size();
      if (n > words.size() || n <= *consumed) continue;
      if (clitic_only_phrase && n != 1) continue;
      bool ok = true;
      for (size_t k = 0; k + 1 < n && ok; ++k) {
        const std::string_view w = words[words.size() - n + k];
        ok = k == 0 ? MatchesWithProclitic(w, e.words[k]) : w == e.words[k];
      }
      if (ok) {
        best = &e;
        *consumed = n;
      }
    }
  };
  try_last(words.back(), false);
  if (best == nullptr) {
    // A one-word trigger with a proclitic: bi-nahw, wa-hawali.
    const std::string_view w = words.back();
    for (size_t cut : {size_t{2}, size_t{4}}) {
      if (w.size() > cut + 2 && best == nullptr) {
        const std::string_view rest = w.substr(cut);
        if (MatchesWithProclitic(w, rest)) try_last(rest, true);
      }
    }
  }
  return best;
}

const QualifierEntry* FiguresLexicon::QualifierAfter(std::span<const std::string_view> words,
                                                     size_t* consumed) const {
  *consumed = 0;
  if (words.empty()) return nullptr;
  const auto it = qualifiers_after_by_first_.find(words[0]);
  if (it == qualifiers_after_by_first_.end()) return nullptr;
  const QualifierEntry* best = nullptr;
  for (uint32_t idx : it->second) {
    const QualifierEntry& e = qualifiers_[idx];
    if (e.words.size() > words.size() || e.words.size() <= *consumed) continue;
    bool ok = true;
    for (size_t k = 1; k < e.words.size() && ok; ++k) ok = e.words[k] == words[k];
    if (ok) {
      best = &e;
      *consumed = e.words.size();
    }
  }
  return best;
}

const QualifierEntry* FiguresLexicon::QualifierFarVerb(std::string_view word) const {
  const auto it = qualifier_far_verbs_.find(word);
  return it == qualifier_far_verbs_.end() ? nullptr : &qualifiers_[it->second];
}

const QualifierEntry* FiguresLexicon::QualifierVerb(std::string_view word) const {
  const auto it = qualifier_verbs_.find(word);
  return it == qualifier_verbs_.end() ? nullptr : &qualifiers_[it->second];
}

std::string_view FiguresLexicon::Singular(std::string_view word) const {
  const auto it = singular_.find(word);
  return it == singular_.end() ? std::string_view() : std::string_view(it->second);
}

FiguresLexiconFiles EmbeddedFiguresLexiconFiles() {
  auto view = [](const char* b, const char* e) {
    return std::string_view(b, static_cast<size_t>(e - b));
  };
  FiguresLexiconFiles f;
  f.numbers = view(khabar_figures_numbers_begin, khabar_figures_numbers_end);
  f.units = view(khabar_figures_units_begin, khabar_figures_units_end);
  f.currency = view(khabar_figures_currency_begin, khabar_figures_currency_end);
  f.qualifiers = view(khabar_figures_qualifiers_begin, khabar_figures_qualifiers_end);
  f.context = view(khabar_figures_context_begin, khabar_figures_context_end);
  return f;
}

}  // namespace khabar::text
