#include "text/terms.h"

#include "text/normalize.h"
#include "text/tokenize.h"
#include "text/tsv.h"

extern "C" const char khabar_stopwords_begin[];
extern "C" const char khabar_stopwords_end[];

namespace khabar::text {
namespace {

// Normalized Arabic letters, UTF-8.
constexpr std::string_view kWaw = "\xD9\x88";         // U+0648
constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";  // U+0627 U+0644
constexpr std::string_view kWal = "\xD9\x88\xD8\xA7\xD9\x84";
constexpr std::string_view kBal = "\xD8\xA8\xD8\xA7\xD9\x84";
constexpr std::string_view kKal = "\xD9\x83\xD8\xA7\xD9\x84";
constexpr std::string_view kFal = "\xD9\x81\xD8\xA7\xD9\x84";
constexpr std::string_view kLil = "\xD9\x84\xD9\x84";  // U+0644 U+0644
// Suffixes stripped: light10's plural and pronoun endings. Its "an", "yh", "h" and "y" are kept
// because, after normalization, they swallow the feminine ending and the nisba and merge names
// with common words (Riyadh/riyadi "sporty", Salman/salm, Saudiyya/Saud).
constexpr std::string_view kSuffixes[] = {
    "\xD9\x87\xD8\xA7",  // ha
    "\xD8\xA7\xD8\xAA",  // at
    "\xD9\x88\xD9\x86",  // wn
    "\xD9\x8A\xD9\x86",  // yn
};

// Letters are two bytes each in the Arabic block; count code points, not bytes.
size_t Letters(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool IsArabicWord(std::string_view s) {
  return !s.empty() &&
         (static_cast<unsigned char>(s[0]) == 0xD8 || static_cast<unsigned char>(s[0]) == 0xD9);
}

}  // namespace

std::string LightStem(std::string_view w) { return std::string(LightStemView(w)); }

std::string_view LightStemView(std::string_view w) {
  if (!IsArabicWord(w)) return w;
  if (w.starts_with(kWaw) && Letters(w) > 3) w.remove_prefix(kWaw.size());
  for (std::string_view p : {kWal, kBal, kKal, kFal, kAl, kLil}) {
    if (w.starts_with(p) && Letters(w) - Letters(p) >= 2) {
      w.remove_prefix(p.size());
      break;
    }
  }
  for (std::string_view s : kSuffixes) {
    if (Letters(w) > 2 && w.ends_with(s) && Letters(w) - Letters(s) >= 2) w.remove_suffix(s.size());
  }
  return w;
}

Result<std::shared_ptr<const TermAnalyzer>> TermAnalyzer::Create() {
  std::shared_ptr<TermAnalyzer> t(new TermAnalyzer());
  const std::string_view data(khabar_stopwords_begin,
                              khabar_stopwords_end - khabar_stopwords_begin);
  KHABAR_RETURN_IF_ERROR(
      ForEachTsvLine(data, "stopwords.txt", [&](const std::vector<std::string_view>& cols) {
        t->stop_words_.insert(LightStem(Normalize(cols[0])));
        t->stop_words_.insert(Normalize(cols[0]));
        return true;
      }));
  if (t->stop_words_.empty()) return Internal("the embedded stop-word list is empty");
  return std::shared_ptr<const TermAnalyzer>(std::move(t));
}

void TermAnalyzer::Terms(std::string_view text, std::vector<Term>* out) const {
  ForEachTerm(text, [out](std::string_view term, uint32_t position, uint32_t start, uint32_t end) {
    out->push_back(Term{std::string(term), position, start, end});
  });
}

std::string TermAnalyzer::TermOf(std::string_view word) const {
  std::vector<Term> terms;
  Terms(word, &terms);
  return terms.empty() ? std::string() : terms.front().text;
}

bool TermAnalyzer::IsStopWord(std::string_view term) const {
  return stop_words_.count(std::string(term)) > 0;
}

}  // namespace khabar::text
