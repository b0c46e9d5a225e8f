#include "corpus.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace khabar::bench {
namespace {

// Reads the string value of "key" from one JSON line (the dev file escapes only \" \\ \n \t and
// \uXXXX never, so this small reader suffices for it).
std::string Field(const std::string& line, const std::string& key) {
  const std::string needle = "\"" + key + "\": \"";
  size_t i = line.find(needle);
  if (i == std::string::npos) return {};
  i += needle.size();
  std::string out;
  for (; i < line.size() && line[i] != '"'; ++i) {
    if (line[i] == '\\' && i + 1 < line.size()) {
      ++i;
      out.push_back(line[i] == 'n' ? '\n' : line[i] == 't' ? '\t' : line[i]);
    } else {
      out.push_back(line[i]);
    }
  }
  return out;
}

}  // namespace

const std::vector<NewsText>& DevArticles() {
  static const std::vector<NewsText> articles = [] {
    std::vector<NewsText> v;
    std::ifstream in(std::string(KHABAR_SHARED_DIR) + "/data/dev/news-dev-gold.jsonl");
    std::string line;
    while (std::getline(in, line)) {
      const std::string text = Field(line, "text");
      const size_t nl = text.find('\n');
      v.push_back({Field(line, "id"), text.substr(0, nl),
                   nl == std::string::npos ? "" : text.substr(nl + 1),
                   Field(line, "published_at")});
    }
    if (v.empty()) {
      std::fprintf(stderr, "bench: no articles in %s/data/dev\n", KHABAR_SHARED_DIR);
      std::abort();
    }
    return v;
  }();
  return articles;
}

size_t TotalBytes(const std::vector<NewsText>& v) {
  size_t n = 0;
  for (const auto& a : v) n += a.title.size() + a.body.size();
  return n;
}

}  // namespace khabar::bench
