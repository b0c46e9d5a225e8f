// libFuzzer target: normalization, tokenization and the whole analysis on arbitrary bytes. Spans
// must stay inside the text and offsets must stay monotonic.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "text/analyzer.h"
#include "text/normalize.h"
#include "text/tokenize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static auto analyzer = khabar::text::Analyzer::Create();
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  const auto n = khabar::text::NormalizeWithOffsets(s);
  if (n.offsets.size() != n.text.size() + 1 || n.offsets.back() != s.size()) std::abort();
  for (const auto& t : khabar::text::Tokenize(s)) {
    if (t.start >= t.end || t.end > s.size()) std::abort();
  }
  const auto a = (*analyzer)->Analyze({"", s, "2024-02-10"});
  for (const auto& f : a.figures) {
    if (f.span.end > s.size() || f.span.start > f.span.end) std::abort();
  }
  for (const auto& e : a.entities) {
    if (e.span.end > s.size() || e.span.start > e.span.end) std::abort();
  }
  return 0;
}
