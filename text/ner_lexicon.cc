#include "text/ner_lexicon.h"

#include <string>

#include "text/normalize.h"

namespace khabar::text::ner {
namespace {

// Normalized Arabic letters (two UTF-8 bytes each).
constexpr std::string_view kWaw = "\xD9\x88";
constexpr std::string_view kFeh = "\xD9\x81";
constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";           // al-
constexpr std::string_view kLil = "\xD9\x84\xD9\x84";          // lil-
constexpr std::string_view kBal = "\xD8\xA8\xD8\xA7\xD9\x84";  // bal-
constexpr std::string_view kKal = "\xD9\x83\xD8\xA7\xD9\x84";  // kal-
constexpr std::string_view kFal = "\xD9\x81\xD8\xA7\xD9\x84";  // fal-
constexpr size_t kLetter = 2;

bool StripPrefix(std::string_view* w, std::string_view prefix, size_t min_rest_letters) {
  if (w->size() >= prefix.size() + min_rest_letters * kLetter && w->starts_with(prefix)) {
    w->remove_prefix(prefix.size());
    return true;
  }
  return false;
}

Result<uint16_t> ClassFlag(std::string_view cls) {
  if (cls == "LOC" || cls == "PLACE") return static_cast<uint16_t>(kLexLoc);
  if (cls == "ORG") return static_cast<uint16_t>(kLexOrg);
  if (cls == "PER") return static_cast<uint16_t>(kLexPer);
  if (cls == "PER_FIRST") return static_cast<uint16_t>(kLexFirst | kLexPer);
  if (cls == "PER_LAST") return static_cast<uint16_t>(kLexLast | kLexPer);
  if (cls == "TITLE") return static_cast<uint16_t>(kLexTitle);
  if (cls == "ORG_HEAD") return static_cast<uint16_t>(kLexOrgHead);
  if (cls == "LOC_HEAD") return static_cast<uint16_t>(kLexLocHead);
  if (cls == "NAT") return static_cast<uint16_t>(kLexNat);
  if (cls == "CUR") return static_cast<uint16_t>(kLexCurrency);
  return InvalidArgument("lexicon: unknown class '" + std::string(cls) + "'");
}

PhraseClass ToPhraseClass(uint16_t flag) {
  if (flag & kLexLoc) return PhraseClass::kLoc;
  if (flag & kLexOrg) return PhraseClass::kOrg;
  if (flag & kLexPer) return PhraseClass::kPer;
  return PhraseClass::kNone;
}

}  // namespace

std::string_view LightStem(std::string_view w) {
  if (!StripPrefix(&w, kWaw, 3)) StripPrefix(&w, kFeh, 3);
  StripPrefix(&w, kAl, 2) || StripPrefix(&w, kBal, 2) || StripPrefix(&w, kKal, 2) ||
      StripPrefix(&w, kFal, 2) || StripPrefix(&w, kLil, 2);
  return w;
}

Result<Lexicon> Lexicon::Parse(const LexiconFiles& files) {
  Lexicon lex;
  std::string norm;
  std::vector<uint64_t> stems;
  const std::pair<std::string_view, bool> sources[] = {
      {files.gazetteer, false}, {files.triggers, false}, {files.known, true}};
  for (auto [file, known] : sources) {
    while (!file.empty()) {
      const size_t nl = file.find('\n');
      std::string_view line = file.substr(0, nl);
      file.remove_prefix(nl == std::string_view::npos ? file.size() : nl + 1);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty() || line[0] == '#') continue;
      const size_t tab = line.find('\t');
      if (tab == std::string_view::npos) {
        return InvalidArgument("lexicon: no tab in '" + std::string(line) + "'");
      }
      Result<uint16_t> flag = ClassFlag(line.substr(tab + 1));
      if (!flag.ok()) return flag.status();
      norm = Normalize(line.substr(0, tab));
      stems.clear();
      std::string_view rest = norm;
      while (!rest.empty()) {
        const size_t sp = rest.find(' ');
        std::string_view word = rest.substr(0, sp);
        rest.remove_prefix(sp == std::string_view::npos ? rest.size() : sp + 1);
        if (!word.empty()) stems.push_back(HashBytes(LightStem(word)));
      }
      if (stems.empty()) continue;
      if (known && stems.size() <= kMaxPhraseWords) {
        lex.words_[stems[0]] |= kLexKnown;
        PhraseClass& cls = lex.known_[PhraseHash(stems.data(), static_cast<int>(stems.size()))];
        if (cls == PhraseClass::kNone) cls = ToPhraseClass(*flag);
      }
      if (stems.size() == 1) {
        if (line.substr(tab + 1) == "PLACE") lex.places_[HashBytes(norm)] = 1;
        lex.words_[stems[0]] |= *flag;
        lex.words_[HashBytes(norm)] |= *flag;
        continue;
      }
      if (stems.size() > kMaxPhraseWords) continue;
      lex.words_[stems[0]] |= kLexPhrase;
      PhraseClass& cls = lex.phrases_[PhraseHash(stems.data(), static_cast<int>(stems.size()))];
      if (cls == PhraseClass::kNone) cls = ToPhraseClass(*flag);
    }
  }
  return lex;
}

std::pair<PhraseClass, int> Lexicon::MatchKnown(const uint64_t* stems, int available) const {
  if (available < 1 || !(Flags(stems[0]) & kLexKnown)) return {PhraseClass::kNone, 0};
  for (int n = std::min(available, kMaxPhraseWords); n >= 1; --n) {
    const PhraseClass* cls = known_.Find(PhraseHash(stems, n));
    if (cls != nullptr && *cls != PhraseClass::kNone) return {*cls, n};
  }
  return {PhraseClass::kNone, 0};
}

std::pair<PhraseClass, int> Lexicon::MatchPhrase(const uint64_t* stems, int available) const {
  if (available < 2 || !(Flags(stems[0]) & kLexPhrase)) return {PhraseClass::kNone, 0};
  for (int n = std::min(available, kMaxPhraseWords); n >= 2; --n) {
    const PhraseClass* cls = phrases_.Find(PhraseHash(stems, n));
    if (cls != nullptr && *cls != PhraseClass::kNone) return {*cls, n};
  }
  return {PhraseClass::kNone, 0};
}

}  // namespace khabar::text::ner
