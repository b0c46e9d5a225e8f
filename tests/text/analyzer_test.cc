#include "text/analyzer.h"

#include <gtest/gtest.h>

#include <string>

namespace khabar::text {
namespace {

// A name inside a date is the date's: "نيسان" in "أبريل نيسان" is the month, not the car maker,
// while the same word outside a date is still found.
TEST(AnalyzerTest, NamesInsideDatesAreNoEntities) {
  auto analyzer = Analyzer::Create();
  ASSERT_TRUE(analyzer.ok()) << analyzer.status().ToString();
  const std::string body =
      "تراجع التضخم إلى 13.5% في أبريل نيسان من 13.6% في مارس آذار، وباعت شركة نيسان اليابانية "
      "مليون سيارة.";
  const Analysis a = (*analyzer)->Analyze({"", body, "2025-05-08"});
  ASSERT_FALSE(a.dates.empty());
  for (const Entity& e : a.entities) {
    for (const DateMention& d : a.dates) {
      EXPECT_FALSE(d.span.start <= e.span.start && e.span.end <= d.span.end)
          << e.text << " inside " << d.text;
    }
  }
}

// Many dates and many names: the filter is one sweep, and what it keeps still points into the text.
TEST(AnalyzerTest, ManyDatesAndNamesStayCheap) {
  auto analyzer = Analyzer::Create();
  ASSERT_TRUE(analyzer.ok());
  std::string body;
  while (body.size() < 2'000'000) body += "وصل فلاديمير بوتين إلى موسكو في أبريل نيسان 2024 . ";
  const Analysis a = (*analyzer)->Analyze({"", body, "2025-05-08"});
  EXPECT_GT(a.dates.size(), 10'000u);
  EXPECT_GT(a.entities.size(), 10'000u);
  for (const Entity& e : a.entities) {
    ASSERT_LE(e.span.end, body.size());
    EXPECT_NE(e.text, "نيسان");
  }
}

}  // namespace
}  // namespace khabar::text
