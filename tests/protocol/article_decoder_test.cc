#include "protocol/article_decoder.h"

#include <gtest/gtest.h>

#include "protocol/encode.h"

namespace khabar::protocol {
namespace {

constexpr const char* kGood =
    R"({"id":"a-1","title":"عنوان","body":"نص","published_at":"2024-02-10","tags":["x"],"authors":["م"],"source":"s"})";

TEST(ArticleDecoder, DecodesAValidArticle) {
  ArticleDecoder d;
  auto a = d.Decode(kGood);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->id, "a-1");
  EXPECT_EQ(a->title, "عنوان");
  EXPECT_EQ(a->tags, std::vector<std::string>{"x"});
  EXPECT_EQ(a->language, "ar");
}

TEST(ArticleDecoder, NamesTheOffendingField) {
  const struct {
    const char* json;
    const char* reason;
    const char* field;
  } cases[] = {
      {R"({"title":"t","body":"b","published_at":"2024-02-10"})", "missing_field", "id"},
      {R"({"id":"a b","title":"t","body":"b","published_at":"2024-02-10"})", "invalid_id", "id"},
      {R"({"id":"a","title":"t","body":"b","published_at":"yesterday"})", "invalid_date",
       "published_at"},
      {R"({"id":"a","title":"t","body":"b","published_at":"2024-02-10","tittle":"x"})",
       "unknown_field", "tittle"},
      {R"({"id":"a","title":5,"body":"b","published_at":"2024-02-10"})", "invalid_type", "title"},
      {R"({"id":"a","title":"t","body":"b","published_at":"2024-02-10","tags":[1]})",
       "invalid_type", "tags[0]"},
      {R"({"id":"a","id":"b","title":"t","body":"b","published_at":"2024-02-10"})",
       "duplicate_field", "id"},
      {R"({"id":"a","title":"t","body":"b","published_at":"2024-02-10"} x)", "invalid_json", ""},
      {R"([1,2])", "invalid_json", ""},
      {R"({"id":"a","title":"t")", "invalid_json", ""},
      {"{\"id\":\"a\",\"title\":\"\xFF\",\"body\":\"b\",\"published_at\":\"2024-02-10\"}",
       "invalid_json", ""},
  };
  ArticleDecoder d;
  for (const auto& c : cases) {
    auto a = d.Decode(c.json);
    ASSERT_FALSE(a.ok()) << c.json;
    EXPECT_EQ(a.status().reason(), c.reason) << c.json << " " << a.status().ToString();
    EXPECT_EQ(a.status().field(), c.field) << c.json;
  }
  EXPECT_EQ(std::string(256, 'x').size(), 256u);
  EXPECT_TRUE(ValidateArticleId(std::string(256, 'x')).ok());
  EXPECT_FALSE(ValidateArticleId(std::string(257, 'x')).ok());
}

TEST(ArticleDecoder, EmptyInputOnAFreshDecoderIsAnError) {  // Found by the decode fuzzer.
  ArticleDecoder d;
  EXPECT_EQ(d.Decode("").status().reason(), "invalid_json");
  EXPECT_EQ(d.Decode("   ").status().reason(), "invalid_json");
}

TEST(Encode, ErrorBodyShape) {
  EXPECT_EQ(EncodeError(InvalidArgument("bad \"x\"", "title", "invalid_type")),
            R"({"error":{"code":"invalid_type","message":"bad \"x\"","field":"title"}})");
  EXPECT_EQ(EncodeError(NotFound("no article 'a'")),
            R"({"error":{"code":"not_found","message":"no article 'a'","field":null}})");
}

}  // namespace
}  // namespace khabar::protocol
