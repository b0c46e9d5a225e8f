#pragma once
// Real news for the benchmarks: the development articles of ../shared/data/dev.

#include <string>
#include <vector>

namespace khabar::bench {

struct NewsText {
  std::string id, title, body, published_at;
};

// The 30 development articles; aborts if the file is missing (benchmarks need real text).
const std::vector<NewsText>& DevArticles();

// Total bytes of title + body.
size_t TotalBytes(const std::vector<NewsText>& v);

}  // namespace khabar::bench
