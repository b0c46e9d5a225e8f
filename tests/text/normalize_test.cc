#include "text/normalize.h"

#include <gtest/gtest.h>

#include "text/tokenize.h"
#include "text/utf8.h"

namespace khabar::text {
namespace {

TEST(Normalize, FoldsSpellingVariants) {
  const struct { const char* in; const char* out; } cases[] = {
      {"أمير", "امير"}, {"إسلام", "اسلام"}, {"آمال", "امال"}, {"ٱلله", "الله"},
      {"مستشفى", "مستشفي"}, {"مدرسة", "مدرسه"}, {"عَرَبِيّ", "عربي"}, {"الـــعربية", "العربيه"},
      {"کتاب", "كتاب"}, {"ی", "ي"}, {"٢٠١٥", "2015"}, {"۱۲", "12"}, {"Reuters", "reuters"},
      {"ﻻ", "لا"}, {"a\u200fb", "ab"}, {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(Normalize(c.in), c.out) << c.in;
}

TEST(Normalize, OffsetsPointIntoTheOriginal) {
  const std::string original = "الـــعَرَبية ٢٠";
  const Normalized n = NormalizeWithOffsets(original);
  ASSERT_EQ(n.offsets.size(), n.text.size() + 1);
  EXPECT_EQ(n.offsets.back(), original.size());
  for (size_t i = 1; i < n.offsets.size(); ++i) EXPECT_LE(n.offsets[i - 1], n.offsets[i]);
  // The normalized "2" comes from the Arabic-Indic two.
  const size_t two = n.text.find('2');
  ASSERT_NE(two, std::string::npos);
  EXPECT_EQ(original.substr(n.offsets[two], 2), "٢");
}

TEST(Normalize, IsNormalizedAgreesWithNormalize) {
  for (const char* s : {"امير", "أمير", "abc", "ABC", "مدرسه", "مدرسة", "٣"}) {
    EXPECT_EQ(IsNormalized(s), Normalize(s) == s) << s;
  }
}

TEST(Utf8, RejectsInvalidSequences) {
  EXPECT_TRUE(ValidateUtf8("مرحبا hello").ok());
  EXPECT_TRUE(ValidateUtf8("\xEF\xBF\xBD").ok());
  EXPECT_FALSE(ValidateUtf8("\xC3").ok());
  EXPECT_FALSE(ValidateUtf8("a\xFF").ok());
  EXPECT_FALSE(ValidateUtf8("\xED\xA0\x80").ok());  // A surrogate.
  EXPECT_FALSE(ValidateUtf8("\xC0\xAF").ok());      // Overlong.
}

std::vector<std::string> Texts(std::string_view s) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(s)) out.emplace_back(s.substr(t.start, t.end - t.start));
  return out;
}

TEST(Tokenize, SplitsWordsNumbersAndPunctuation) {
  EXPECT_EQ(Texts("قال، إن 8.3 مليون؟"),
            (std::vector<std::string>{"قال", "،", "إن", "8.3", "مليون", "؟"}));
  EXPECT_EQ(Texts("بـ3,06 مليار"), (std::vector<std::string>{"بـ", "3,06", "مليار"}));
  EXPECT_EQ(Texts("٢٢ملياراً"), (std::vector<std::string>{"٢٢", "ملياراً"}));
  EXPECT_EQ(Texts("50.\u200f940 دولار"), (std::vector<std::string>{"50.\u200f940", "دولار"}));
  EXPECT_EQ(Texts("رحلة SV596 «X»"), (std::vector<std::string>{"رحلة", "SV596", "«", "X", "»"}));
  EXPECT_EQ(Texts("زوروا https://example.com/a?b=1. أو info@example.org #السعودية @user_1"),
            (std::vector<std::string>{"زوروا", "https://example.com/a?b=1", ".", "أو",
                                      "info@example.org", "#السعودية", "@user_1"}));
  EXPECT_EQ(Texts("1,500,000 و60%"), (std::vector<std::string>{"1,500,000", "و", "60", "%"}));
}

TEST(Tokenize, KindsAndEdgeCases) {
  const auto t = Tokenize("مرحبا 12 abc ، #وسم");
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[0].kind, TokenKind::kArabic);
  EXPECT_EQ(t[1].kind, TokenKind::kNumber);
  EXPECT_EQ(t[2].kind, TokenKind::kLatin);
  EXPECT_EQ(t[3].kind, TokenKind::kPunct);
  EXPECT_EQ(t[4].kind, TokenKind::kHashtag);
  EXPECT_TRUE(Tokenize("").empty());
  EXPECT_TRUE(Tokenize(" \n\t\u200f").empty());
  EXPECT_EQ(Tokenize("\xFF\xFE").size(), 2u);  // Invalid bytes never stall the scan.
}

}  // namespace
}  // namespace khabar::text

#include <fstream>
#include <sstream>

#include "text/analyzer.h"

namespace khabar::text {
namespace {

// Inputs the fuzzers found crashing, kept under tests/fuzz/regressions: each must analyze cleanly.
TEST(FuzzRegressions, AnalyzeEveryCrashInput) {
  auto analyzer = Analyzer::Create();
  ASSERT_TRUE(analyzer.ok());
  for (const char* name : {"text-date-lookahead-past-end"}) {
    std::ifstream in(std::string(KHABAR_SOURCE_DIR) + "/tests/fuzz/regressions/" + name, std::ios::binary);
    ASSERT_TRUE(in.good()) << name;
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string body = ss.str();
    const Analysis a = (*analyzer)->Analyze({"", body, "2024-02-10"});
    for (const auto& d : a.dates) EXPECT_LE(d.span.end, body.size()) << name;
  }
}

}  // namespace
}  // namespace khabar::text
