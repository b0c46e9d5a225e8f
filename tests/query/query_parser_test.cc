#include "query/query_parser.h"

#include <gtest/gtest.h>

namespace khabar::query {
namespace {

class QueryParserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto t = text::TermAnalyzer::Create();
    ASSERT_TRUE(t.ok());
    terms_ = *t;
  }
  // A compact rendering of the tree: terms, "phrase", -not, (a|b), [a b].
  std::string Show(const QueryNode& n) {
    switch (n.kind) {
      case QueryNode::Kind::kTerm:
        return n.terms[0];
      case QueryNode::Kind::kPhrase: {
        std::string s = "\"";
        for (size_t i = 0; i < n.terms.size(); ++i) s += (i ? " " : "") + n.terms[i];
        return s + "\"";
      }
      case QueryNode::Kind::kNot:
        return "-" + Show(n.children[0]);
      case QueryNode::Kind::kOr:
      case QueryNode::Kind::kAnd: {
        std::string s = n.kind == QueryNode::Kind::kOr ? "(" : "[";
        for (size_t i = 0; i < n.children.size(); ++i) {
          s += (i ? (n.kind == QueryNode::Kind::kOr ? "|" : " ") : "") + Show(n.children[i]);
        }
        return s + (n.kind == QueryNode::Kind::kOr ? ")" : "]");
      }
    }
    return "?";
  }
  std::string Parse(const std::string& q) {
    auto r = ParseQuery(q, *terms_);
    return r.ok() ? Show(*r) : "error:" + std::string(r.status().reason());
  }
  std::shared_ptr<const text::TermAnalyzer> terms_;
};

TEST_F(QueryParserTest, Grammar) {
  EXPECT_EQ(Parse("الرياض"), "رياض");
  EXPECT_EQ(Parse("والرياض جدة"), "[رياض جده]");
  EXPECT_EQ(Parse("\"البيت الأبيض\""), "\"بيت ابيض\"");
  EXPECT_EQ(Parse("كيربي -ماسك"), "[كيربي -ماسك]");
  EXPECT_EQ(Parse("كيربي OR ماسك"), "(كيربي|ماسك)");
  EXPECT_EQ(Parse("(كيربي OR ماسك) موسكو"), "[(كيربي|ماسك) موسكو]");
  EXPECT_EQ(Parse("في الرياض"), "رياض");             // Stop words leave a query.
  EXPECT_EQ(Parse("\"في الرياض\""), "\"في رياض\"");  // But not a phrase.
  EXPECT_EQ(Parse(""), "[]");
  EXPECT_EQ(Parse("   "), "[]");
  EXPECT_EQ(Parse("3.5%"), "3.5");
}

TEST_F(QueryParserTest, Errors) {
  EXPECT_EQ(Parse("\"open"), "error:invalid_query");
  EXPECT_EQ(Parse("(a"), "error:invalid_query");
  EXPECT_EQ(Parse("a)"), "error:invalid_query");
  EXPECT_EQ(Parse("-ماسك"), "error:invalid_query");
  EXPECT_EQ(Parse("-ماسك -كيربي"), "error:invalid_query");
  EXPECT_EQ(Parse(std::string(5000, 'a')), "error:invalid_query");
}

TEST_F(QueryParserTest, PositiveTermsSkipExclusions) {
  auto r = ParseQuery("كيربي \"البيت الأبيض\" -ماسك", *terms_);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(PositiveTerms(*r), (std::vector<std::string>{"ابيض", "بيت", "كيربي"}));
}

}  // namespace
}  // namespace khabar::query
