#include "tools/train_ner/conll.h"

#include <fstream>
#include <sstream>

#include "text/ner_model.h"

namespace khabar::tools {
namespace {

using text::ner::Tag;

uint8_t ParseTag(const std::string& tag) {
  if (tag.size() < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-') return 0;
  const std::string type = tag.substr(2);
  int base;
  if (type == "PERS" || type == "PER") {
    base = static_cast<int>(Tag::kBPer);
  } else if (type == "ORG") {
    base = static_cast<int>(Tag::kBOrg);
  } else if (type == "LOC" || type == "GPE") {
    base = static_cast<int>(Tag::kBLoc);
  } else if (type == "MISC") {
    base = static_cast<int>(Tag::kBMisc);
  } else {
    return 0;
  }
  return static_cast<uint8_t>(base + (tag[0] == 'I' ? 1 : 0));
}

const char* TagName(uint8_t t) {
  static constexpr const char* kNames[] = {"O",     "B-PERS", "I-PERS", "B-ORG", "I-ORG",
                                           "B-LOC", "I-LOC",  "B-MISC", "I-MISC"};
  return t < 9 ? kNames[t] : "O";
}

void EraseMarks(std::string* s) {
  for (const char* mark : {"\xE2\x80\x8E", "\xE2\x80\x8F", "\xEF\xBB\xBF"}) {
    for (size_t p; (p = s->find(mark)) != std::string::npos;) s->erase(p, 3);
  }
}

}  // namespace

Result<std::vector<Sentence>> ReadConll(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFound("cannot open " + path);
  std::vector<Sentence> out;
  Sentence cur;
  std::string line;
  auto flush = [&] {
    if (!cur.words.empty()) out.push_back(std::move(cur));
    cur = Sentence{};
  };
  while (std::getline(in, line)) {
    EraseMarks(&line);
    std::istringstream fields(line);
    std::string word, tag, column;
    fields >> word;
    // Nested corpora (Wojood) give one column per layer: take the first PERS/ORG/LOC/GPE tag.
    while (fields >> column) {
      if (tag.empty() || (ParseTag(tag) == 0 && ParseTag(column) != 0)) tag = column;
    }
    if (word.empty() || word == "$#$" || (word == "#" && line.size() > 1 && line[1] == ' ')) {
      flush();
      continue;
    }
    cur.words.push_back(word);
    uint8_t t = ParseTag(tag);
    // An I- tag with no B- before it (or after a different type) starts an entity.
    if (t != 0 && t % 2 == 0 && (cur.tags.empty() || (cur.tags.back() + 1) / 2 != t / 2)) --t;
    cur.tags.push_back(t);
  }
  flush();
  return out;
}

Status WriteConll(const std::string& path, const std::vector<Sentence>& sentences) {
  std::ofstream out(path);
  if (!out) return InvalidArgument("cannot write " + path);
  for (const Sentence& s : sentences) {
    for (size_t i = 0; i < s.words.size(); ++i)
      out << s.words[i] << ' ' << TagName(s.tags[i]) << '\n';
    out << '\n';
  }
  return out ? Status::Ok() : InvalidArgument("write failed: " + path);
}

}  // namespace khabar::tools
