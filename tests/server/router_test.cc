#include "server/router.h"

#include <gtest/gtest.h>

#include "server/http_status.h"
#include "server/url.h"

namespace khabar::server {
namespace {

TEST(Router, MatchesLiteralsBeforeParametersAndAnswers404And405) {
  Router r;
  std::string seen;
  r.Add("POST", "/v1/articles/_bulk", [&](HttpRequest&, Responder) { seen = "bulk"; });
  r.Add("GET", "/v1/articles/{id}",
        [&](HttpRequest& q, Responder) { seen = "get " + std::string(q.PathParam("id")); });
  HttpResponse last;
  auto capture = [&](HttpResponse resp) { last = std::move(resp); };
  HttpRequest q;
  q.method = "POST";
  q.path = "/v1/articles/_bulk";
  EXPECT_EQ(r.Dispatch(q, capture), "/v1/articles/_bulk");
  EXPECT_EQ(seen, "bulk");
  q.method = "GET";
  q.path = "/v1/articles/a-1";
  EXPECT_EQ(r.Dispatch(q, capture), "/v1/articles/{id}");
  EXPECT_EQ(seen, "get a-1");
  q.method = "DELETE";
  r.Dispatch(q, capture);
  EXPECT_EQ(last.status, 405);
  q.path = "/nothing";
  r.Dispatch(q, capture);
  EXPECT_EQ(last.status, 404);
  EXPECT_EQ(r.Match("DELETE", "/v1/articles/x"), "/v1/articles/{id}");
}

TEST(HttpStatus, OneMappingForEveryCode) {
  const struct {
    Status s;
    int code;
  } cases[] = {
      {InvalidArgument("x"), 400},
      {InvalidArgument("x", "body", "payload_too_large"), 413},
      {InvalidArgument("x", "", "unsupported_media_type"), 415},
      {NotFound("x"), 404},
      {Status(ErrorCode::kFailedPrecondition, "x"), 409},
      {Status(ErrorCode::kAlreadyExists, "x"), 409},
      {Status(ErrorCode::kResourceExhausted, "x"), 429},
      {Status(ErrorCode::kUnimplemented, "x"), 405},
      {Status(ErrorCode::kUnavailable, "x"), 503},
      {Status(ErrorCode::kDeadlineExceeded, "x"), 504},
      {Status(ErrorCode::kDataLoss, "x"), 500},
      {Internal("x"), 500},
  };
  for (const auto& c : cases) EXPECT_EQ(HttpStatusFor(c.s), c.code) << c.s.ToString();
  EXPECT_EQ(ErrorResponse(Status(ErrorCode::kResourceExhausted, "x")).headers.at(0).first,
            "Retry-After");
  EXPECT_EQ(HttpStatusFor(Receipt{"a", 1, WriteResult::kCreated}), 201);
  EXPECT_EQ(HttpStatusFor(Receipt{"a", 1, WriteResult::kNoop}), 200);
}

TEST(Url, DecodesQueries) {
  auto q = ParseQuery("q=%D8%A7%D9%84%D8%B1%D9%8A%D8%A7%D8%B6&source=a&source=b&x=1+2&empty=");
  ASSERT_TRUE(q.has_value());
  ASSERT_EQ(q->size(), 5u);
  EXPECT_EQ((*q)[0].second, "الرياض");
  EXPECT_EQ((*q)[2].second, "b");
  EXPECT_EQ((*q)[3].second, "1 2");
  EXPECT_EQ((*q)[4].second, "");
  EXPECT_FALSE(ParseQuery("a=%ZZ").has_value());
  EXPECT_FALSE(ParseQuery("a=%4").has_value());
  EXPECT_EQ(*PercentDecode("/v1/a+b%20c", false), "/v1/a+b c");
}

}  // namespace
}  // namespace khabar::server
