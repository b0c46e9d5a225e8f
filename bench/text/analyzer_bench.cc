// One benchmark per analysis stage over real news, in MB/s of article text.

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

#include "core/time.h"
#include "corpus.h"
#include "text/analyzer.h"
#include "text/dates.h"
#include "text/entities.h"
#include "text/figures.h"
#include "text/normalize.h"
#include "text/quotes.h"
#include "text/terms.h"
#include "text/tokenize.h"

namespace khabar::bench {
namespace {

template <typename T>
T Must(Result<T> r) {
  if (!r.ok()) {
    std::fprintf(stderr, "bench: %s\n", r.status().ToString().c_str());
    std::abort();
  }
  return std::move(r).value();
}

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "bench: reference check failed: %s\n", what);
    std::abort();
  }
}

template <typename F>
void Run(benchmark::State& state, F per_article) {
  const auto& docs = DevArticles();
  for (auto _ : state) {
    for (const auto& d : docs) per_article(d);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes(docs)));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * docs.size()));
}

void BM_Normalize(benchmark::State& state) {
  Check(text::Normalize("أمير") == "امير", "normalize");
  Run(state, [](const NewsText& d) {
    benchmark::DoNotOptimize(text::NormalizeWithOffsets(d.title));
    benchmark::DoNotOptimize(text::NormalizeWithOffsets(d.body));
  });
}
BENCHMARK(BM_Normalize);

void BM_Tokenize(benchmark::State& state) {
  Check(text::Tokenize("قال، إن").size() == 3, "tokenize");
  Run(state, [](const NewsText& d) {
    benchmark::DoNotOptimize(text::Tokenize(d.title));
    benchmark::DoNotOptimize(text::Tokenize(d.body));
  });
}
BENCHMARK(BM_Tokenize);

void BM_SearchTerms(benchmark::State& state) {
  auto terms = Must(text::TermAnalyzer::Create());
  Check(terms->TermOf("والرياض") == terms->TermOf("الرياض"), "terms");
  std::vector<text::Term> out;
  Run(state, [&](const NewsText& d) {
    out.clear();
    terms->Terms(d.title, &out);
    terms->Terms(d.body, &out);
    benchmark::DoNotOptimize(out.data());
  });
}
BENCHMARK(BM_SearchTerms);

void BM_Entities(benchmark::State& state) {
  auto ner = Must(text::EntityRecognizer::Create());
  Check(!ner->Recognize("", "قال الرئيس الروسي فلاديمير بوتين في موسكو").empty(), "entities");
  Run(state, [&](const NewsText& d) { benchmark::DoNotOptimize(ner->Recognize(d.title, d.body)); });
}
BENCHMARK(BM_Entities);

void BM_Figures(benchmark::State& state) {
  auto fx = Must(text::FigureExtractor::Create());
  Check(fx.Extract("ارتفع 3.5 في المائة", Field::kBody).size() == 1, "figures");
  Run(state, [&](const NewsText& d) {
    benchmark::DoNotOptimize(fx.Extract(d.title, Field::kTitle));
    benchmark::DoNotOptimize(fx.Extract(d.body, Field::kBody));
  });
}
BENCHMARK(BM_Figures);

void BM_Dates(benchmark::State& state) {
  auto dx = Must(text::DateExtractor::Create());
  const CivilDate day{2015, 8, 6};
  Check(dx.Extract("قال أمس", Field::kBody, day).size() == 1, "dates");
  Run(state, [&](const NewsText& d) {
    benchmark::DoNotOptimize(dx.Extract(d.title, Field::kTitle, day));
    benchmark::DoNotOptimize(dx.Extract(d.body, Field::kBody, day));
  });
}
BENCHMARK(BM_Dates);

void BM_Quotes(benchmark::State& state) {
  auto qx = Must(text::QuoteExtractor::Create());
  const std::vector<Entity> none;
  Check(qx.Extract("وقال أحمد: «الاقتصاد قوي جدا»", Field::kBody, none).size() == 1, "quotes");
  Run(state, [&](const NewsText& d) {
    benchmark::DoNotOptimize(qx.Extract(d.title, Field::kTitle, none));
    benchmark::DoNotOptimize(qx.Extract(d.body, Field::kBody, none));
  });
}
BENCHMARK(BM_Quotes);

void BM_AnalyzeWholeArticle(benchmark::State& state) {
  auto analyzer = Must(text::Analyzer::Create());
  Check(!analyzer->Analyze({"", "ارتفعت الأسهم 3.5 في المائة أمس", "2015-08-06"}).figures.empty(),
        "analyze");
  Run(state, [&](const NewsText& d) {
    benchmark::DoNotOptimize(analyzer->Analyze({d.title, d.body, d.published_at}));
  });
}
BENCHMARK(BM_AnalyzeWholeArticle);

}  // namespace
}  // namespace khabar::bench
