#include "text/terms.h"

#include <gtest/gtest.h>

namespace khabar::text {
namespace {

TEST(LightStem, StripsCliticsAndSuffixes) {
  const struct { const char* in; const char* out; } cases[] = {
      {"الرياض", "رياض"}, {"والرياض", "رياض"}, {"بالرياض", "رياض"}, {"للطلاب", "طلاب"},
      {"المعلمون", "معلم"}, {"المعلمين", "معلم"}, {"سيارات", "سيار"}, {"كتابها", "كتاب"},
      {"مدرسه", "مدرسه"}, {"الرياضي", "رياضي"}, {"سلمان", "سلمان"}, {"وقال", "قال"}, {"من", "من"}, {"ال", "ال"}, {"reuters", "reuters"},
      {"2015", "2015"},
  };
  for (const auto& c : cases) EXPECT_EQ(LightStem(c.in), c.out) << c.in;
}

TEST(TermAnalyzer, VariantsMeet) {
  auto t = TermAnalyzer::Create();
  ASSERT_TRUE(t.ok());
  const auto& a = **t;
  EXPECT_EQ(a.TermOf("أمير"), a.TermOf("امير"));
  EXPECT_EQ(a.TermOf("الرياض"), a.TermOf("والرياض"));
  EXPECT_EQ(a.TermOf("مدرسة"), a.TermOf("مدرسه"));
  EXPECT_EQ(a.TermOf("العَرَبِيّة"), a.TermOf("العربية"));
  EXPECT_EQ(a.TermOf("الـــعربية"), a.TermOf("العربية"));
  EXPECT_EQ(a.TermOf("٢٠١٥"), "2015");
  EXPECT_EQ(a.TermOf("Reuters"), "reuters");
  EXPECT_TRUE(a.IsStopWord(a.TermOf("في")));
  EXPECT_TRUE(a.IsStopWord(a.TermOf("التي")));
  EXPECT_FALSE(a.IsStopWord(a.TermOf("الرياض")));
}

TEST(TermAnalyzer, PositionsAndOffsetsPointIntoTheOriginal) {
  auto t = TermAnalyzer::Create();
  ASSERT_TRUE(t.ok());
  const std::string text = "قال، إن والرياض 8.3 مليون.";
  std::vector<Term> terms;
  (*t)->Terms(text, &terms);
  ASSERT_EQ(terms.size(), 5u);
  EXPECT_EQ(terms[2].text, "رياض");
  EXPECT_EQ(terms[2].position, 2u);
  EXPECT_EQ(text.substr(terms[2].start, terms[2].end - terms[2].start), "والرياض");
  EXPECT_EQ(terms[3].text, "8.3");
  std::vector<Term> none;
  (*t)->Terms("", &none);
  (*t)->Terms("\xFF\xFE ، .", &none);
  EXPECT_TRUE(none.empty());
}

}  // namespace
}  // namespace khabar::text
