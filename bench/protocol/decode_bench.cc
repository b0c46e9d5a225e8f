// Article JSON decoding (simdjson On-Demand plus validation), MB/s of JSON.

#include <benchmark/benchmark.h>

#include <cstdlib>

#include "corpus.h"
#include "protocol/article_decoder.h"
#include "protocol/json_writer.h"

namespace khabar::bench {
namespace {

void BM_DecodeArticle(benchmark::State& state) {
  std::vector<std::string> lines;
  size_t bytes = 0;
  for (const auto& a : DevArticles()) {
    protocol::JsonWriter w;
    w.BeginObject().Key("id").String(a.id).Key("title").String(a.title).Key("body").String(a.body);
    w.Key("published_at")
        .String(a.published_at.empty() ? "2015-08-06" : a.published_at)
        .EndObject();
    lines.push_back(w.Take());
    bytes += lines.back().size();
  }
  protocol::ArticleDecoder decoder;
  if (!decoder.Decode(lines[0]).ok()) std::abort();
  for (auto _ : state) {
    for (const auto& l : lines) benchmark::DoNotOptimize(decoder.Decode(l));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * lines.size()));
}
BENCHMARK(BM_DecodeArticle);

}  // namespace
}  // namespace khabar::bench
