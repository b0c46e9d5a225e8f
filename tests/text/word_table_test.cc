#include "text/word_table.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "text/normalize.h"
#include "text/utf8.h"

namespace khabar::text {
namespace {

// The normalizer's inline fast path must agree with its rule table (FoldCodePoint) on every word.
TEST(NormalizeAppend, FastPathAgreesWithTheRuleTable) {
  const uint32_t seed = 11;
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937 rng(seed);
  for (int round = 0; round < 5000; ++round) {
    std::string word;
    const int n = 1 + static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) {
      const uint32_t pick = rng() % 10;
      char32_t cp;
      if (pick < 7) {
        cp = 0x0600 + rng() % 0x100;  // The Arabic block: letters, marks, digits.
      } else if (pick < 8) {
        cp = U'A' + rng() % 58;
      } else if (pick < 9) {
        cp = 0xFB50 + rng() % 0x300;  // Presentation forms.
      } else {
        cp = 0x06F0 + rng() % 16;
      }
      AppendUtf8(word, cp);
    }
    std::string reference;
    for (size_t i = 0; i < word.size();) {
      size_t len;
      char32_t folded[4];
      const int count = FoldCodePoint(DecodeAt(word, i, &len), folded);
      for (int k = 0; k < count; ++k) AppendUtf8(reference, folded[k]);
      i += len;
    }
    EXPECT_EQ(Normalize(word), reference) << word;
  }
}

TEST(WordTable, MatchesPhrasesAndClitics) {
  WordTable t;
  t.Add("كانون الثاني", 1, 1);
  t.Add("العام", 2, 3);
  t.Add("يناير", 1, 1);
  const FoldedTokens tokens("في كانون الثاني وللعام ويناير بالعام");
  auto h = t.Match(tokens, 1);
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->words, 2);
  h = t.Match(tokens, 3);
  ASSERT_TRUE(h.has_value());
  EXPECT_TRUE(h->fused_article);
  EXPECT_EQ(h->clitic_letters, 1);
  h = t.Match(tokens, 4);
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->clitic_letters, 1);
  h = t.Match(tokens, 5);
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->value, 3);
  EXPECT_FALSE(t.Match(tokens, 0).has_value());
}

// Production sources are ASCII (STYLE.md A2): Arabic words live in text/lexicon/*.tsv.
TEST(Sources, DatesAndQuotesAreAscii) {
  const char* files[] = {"text/dates.h",        "text/dates.cc",       "text/dates_internal.h",
                         "text/date_values.cc", "text/quotes.h",       "text/quotes.cc",
                         "text/quote_marks.h",  "text/quote_marks.cc", "text/quote_words.h",
                         "text/quote_words.cc", "text/word_table.h",   "text/word_table.cc"};
  for (const char* f : files) {
    std::ifstream in(std::string(KHABAR_SOURCE_DIR) + "/" + f, std::ios::binary);
    ASSERT_TRUE(in) << f;
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string text = buf.str();
    for (size_t i = 0; i < text.size(); ++i) {
      ASSERT_LT(static_cast<unsigned char>(text[i]), 0x80) << f << " byte " << i;
    }
  }
}

}  // namespace
}  // namespace khabar::text
