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

}  // namespace
}  // namespace khabar::text
