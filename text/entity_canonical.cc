#include "text/entity_canonical.h"

#include <algorithm>
#include <numeric>
#include <string>
#include <string_view>

#include "text/normalize.h"
#include "text/utf8.h"

namespace khabar::text {
namespace {

// Normalized Arabic letters.
constexpr char32_t kAlef = U'\u0627';
constexpr char32_t kLam = U'\u0644';
constexpr char32_t kWaw = U'\u0648';
constexpr char32_t kBeh = U'\u0628';
constexpr char32_t kKaf = U'\u0643';
constexpr char32_t kFeh = U'\u0641';

using Word = std::u32string;

std::vector<Word> Words(std::string_view text) {
  const std::string norm = Normalize(text);
  std::vector<Word> out(1);
  for (size_t i = 0; i < norm.size();) {
    size_t len;
    const char32_t c = DecodeAt(norm, i, &len);
    i += len;
    if (c == U' ' || c == U'\n' || c == U'\t') {
      if (!out.back().empty()) out.emplace_back();
    } else {
      out.back().push_back(c);
    }
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

// The word without a leading article or one-letter clitic (al-Kremlin, li-Putin).
Word Bare(const Word& w) {
  size_t p = 0;
  if (w.size() > 4 && (w[0] == kWaw || w[0] == kFeh)) p = 1;
  if (w.size() > p + 3 && (w[p] == kBeh || w[p] == kKaf || w[p] == kLam) && w[p + 1] == kAlef &&
      w[p + 2] == kLam) {
    p += 1;
  }
  if (w.size() > p + 3 && w[p] == kLam && w[p + 1] == kLam) return w.substr(p + 2);
  if (w.size() > p + 3 && w[p] == kAlef && w[p + 1] == kLam) return w.substr(p + 2);
  return w.substr(p);
}

// A word of a mention, normalized, and without its article or one-letter clitic.
struct MentionWord {
  Word norm;
  Word bare;
};

std::vector<MentionWord> MentionWords(std::string_view text) {
  std::vector<Word> words = Words(text);
  // "'Abd al-Fattah" and "'Abdalfattah", "Abu Bakr" and "Abubakr" are one name written apart or
  // together: compare them written together.
  static const Word kAbd = U"\u0639\u0628\u062f", kAbu = U"\u0627\u0628\u0648";
  for (size_t k = 0; k + 1 < words.size(); ++k) {
    if (words[k] == kAbd || words[k] == kAbu) {
      words[k] += words[k + 1];
      words.erase(words.begin() + static_cast<std::ptrdiff_t>(k + 1));
    }
  }
  std::vector<MentionWord> out;
  for (Word& w : words) {
    Word bare = Bare(w);
    out.push_back(MentionWord{std::move(w), std::move(bare)});
  }
  return out;
}

// True when a and b differ by one substitution, insertion, deletion or swap of neighbours.
bool OneEditApart(const Word& a, const Word& b) {
  const Word& s = a.size() <= b.size() ? a : b;  // The shorter.
  const Word& l = a.size() <= b.size() ? b : a;
  if (l.size() - s.size() > 1) return false;
  size_t i = 0;
  while (i < s.size() && s[i] == l[i]) ++i;
  if (s.size() == l.size()) {
    if (i == s.size()) return true;
    if (s.substr(i + 1) == l.substr(i + 1)) return true;  // One substitution.
    return i + 1 < s.size() && s[i] == l[i + 1] && s[i + 1] == l[i] &&
           s.substr(i + 2) == l.substr(i + 2);  // One swap.
  }
  return s.compare(i, std::u32string::npos, l, i + 1, std::u32string::npos) == 0;
}

bool SameWord(const MentionWord& a, const MentionWord& b) {
  if (a.norm == b.norm) return true;
  if (a.bare == b.bare && a.bare.size() >= 2) return true;
  return a.bare.size() >= 5 && b.bare.size() >= 5 && OneEditApart(a.bare, b.bare);
}

// True when `part` is `whole` or a run of its words ("Peskov" in "Dmitry Peskov").
bool PartOf(const std::vector<MentionWord>& part, const std::vector<MentionWord>& whole) {
  if (part.empty() || part.size() > whole.size()) return false;
  if (part.size() == 1) {
    // One word stands for a name by its first or last word, not by a patronymic in the middle
    // ("Abdulaziz" alone is neither "Salman bin Abdulaziz" nor "Ahmed bin Abdulaziz al-Faris").
    // A word that sheds a clitic down to under three letters matches only as written: the
    // head's first or last word ("بالاك", Ballack, is no "bi-al-ak"), or two letters the head's
    // first word ("Shi" for "Shi Jinping").
    if (part[0].bare.size() < 3) {
      const Word& w = part[0].norm;
      if (w.size() >= 3) return w == whole.front().norm || w == whole.back().norm;
      return w.size() == 2 && w == whole.front().norm;
    }
    return SameWord(part[0], whole.front()) || SameWord(part[0], whole.back());
  }
  for (size_t s = 0; s + part.size() <= whole.size(); ++s) {
    bool all = true;
    for (size_t k = 0; k < part.size() && all; ++k) all = SameWord(part[k], whole[s + k]);
    if (all) return true;
  }
  return false;
}

// The canonical text of a representative mention: its original text, with lil- read as al-.
std::string CanonicalText(const Entity& e) {
  static constexpr std::string_view kLilPrefix = "\xD9\x84\xD9\x84";
  static constexpr std::string_view kAlPrefix = "\xD8\xA7\xD9\x84";
  if (e.text.starts_with(kLilPrefix) && e.text.size() > 8) {
    return std::string(kAlPrefix) + e.text.substr(kLilPrefix.size());
  }
  return e.text;
}

// Byte ranges of the space-separated words of a mention's text.
std::vector<std::pair<size_t, size_t>> WordRanges(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t i = 0; i < text.size();) {
    while (i < text.size() && text[i] == ' ') ++i;
    const size_t j = std::min(text.find(' ', i), text.size());
    if (j > i) out.emplace_back(i, j);
    i = j;
  }
  return out;
}

bool Contains(const std::vector<Word>& words, const Word& w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

Entity Sub(const Entity& e, size_t from, size_t to) {
  Entity out = e;
  out.text = e.text.substr(from, to - from);
  out.span.start = e.span.start + static_cast<uint32_t>(from);
  out.span.end = e.span.start + static_cast<uint32_t>(to);
  return out;
}

}  // namespace

void JoinAdjacentPersons(std::string_view title, std::string_view body,
                         std::vector<Entity>* mentions) {
  std::vector<Entity>& m = *mentions;
  size_t kept = 0;
  for (size_t i = 0; i < m.size(); ++i) {
    if (kept > 0) {
      Entity& prev = m[kept - 1];
      const Entity& e = m[i];
      const std::string_view text = e.span.field == Field::kTitle ? title : body;
      // A joined name of more than six words is no name: a run of repeated names stays apart,
      // and joining stays linear.
      const auto words = [](const std::string& t) {
        return std::count(t.begin(), t.end(), ' ') + 1;
      };
      const bool joins =
          prev.type == EntityType::kPerson && e.type == EntityType::kPerson &&
          words(prev.text) + words(e.text) <= 6 &&
          prev.span.field == e.span.field && e.span.start > prev.span.end &&
          e.span.start - prev.span.end <= 3 && !e.text.starts_with("\xD9\x88") &&
          text.substr(prev.span.end, e.span.start - prev.span.end).find_first_not_of(" -") ==
              std::string_view::npos;
      if (joins) {
        prev.span.end = e.span.end;
        prev.text = std::string(text.substr(prev.span.start, prev.span.end - prev.span.start));
        continue;
      }
    }
    if (kept != i) m[kept] = std::move(m[i]);
    ++kept;
  }
  m.resize(kept);
}

void RefineMentions(std::vector<Entity>* mentions) {
  constexpr std::string_view kWaw = "\xD9\x88";
  constexpr size_t kLetter = 2;
  std::vector<Word> person_words, first_words;
  for (const Entity& e : *mentions) {
    const std::vector<Word> w = Words(e.text);
    if (w.empty()) continue;
    first_words.push_back(w[0]);
    if (e.type == EntityType::kPerson) person_words.insert(person_words.end(), w.begin(), w.end());
  }
  std::vector<Entity> out;
  for (const Entity& e : *mentions) {
    const auto ranges = WordRanges(e.text);
    size_t cut = 0;
    for (size_t k = 1; k < ranges.size() && e.type == EntityType::kPerson && cut == 0; ++k) {
      const std::string_view w =
          std::string_view(e.text).substr(ranges[k].first, ranges[k].second - ranges[k].first);
      if (!w.starts_with(kWaw) || w.size() < 4 * kLetter) continue;
      const std::vector<Word> rest = Words(w.substr(kLetter));
      if (!rest.empty() && Contains(person_words, rest[0])) cut = k;
    }
    if (cut > 0) {
      out.push_back(Sub(e, 0, ranges[cut - 1].second));
      out.push_back(Sub(e, ranges[cut].first + kLetter, e.text.size()));
      continue;
    }
    out.push_back(e);
    const std::vector<Word> w = Words(e.text);
    if (w.empty() || w[0].size() < 4) continue;
    const char32_t c = w[0][0];
    if ((c == kBeh || c == kLam || c == kKaf) && w[0][1] != kAlef &&
        std::count(first_words.begin(), first_words.end(), w[0]) == 1 &&
        Contains(first_words, w[0].substr(1))) {
      out.back() = Sub(e, kLetter, e.text.size());
    }
  }
  *mentions = std::move(out);
}

void AssignCanonicals(std::vector<Entity>* mentions) {
  std::vector<Entity>& m = *mentions;
  std::vector<std::vector<MentionWord>> words(m.size());
  for (size_t i = 0; i < m.size(); ++i) words[i] = MentionWords(m[i].text);
  // Fullest mentions first; ties keep text order (title before body).
  std::vector<size_t> order(m.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return words[a].size() > words[b].size(); });
  std::vector<size_t> heads;  // Representative mention of each group.
  std::vector<size_t> group(m.size());
  for (size_t i : order) {
    size_t found = heads.size();
    for (size_t g = 0; g < heads.size() && found == heads.size(); ++g) {
      const Entity& h = m[heads[g]];
      // A single word may join a person of another predicted type ("Putin" tagged as a place).
      const bool type_ok =
          h.type == m[i].type || (h.type == EntityType::kPerson && words[heads[g]].size() > 1);
      if (type_ok && PartOf(words[i], words[heads[g]])) found = g;
    }
    if (found == heads.size()) heads.push_back(i);
    group[i] = found;
  }
  for (size_t i = 0; i < m.size(); ++i) {
    const Entity& head = m[heads[group[i]]];
    m[i].type = head.type;
    m[i].canonical = CanonicalText(head);
  }
}

}  // namespace khabar::text
