#pragma once
// A gtest fixture with one running server per test and JSON helpers.

#include <gtest/gtest.h>
#include <simdjson.h>

#include <memory>
#include <string>

#include "http_client.h"
#include "server_process.h"

namespace khabar::testing {

class ServerTest : public ::testing::Test {
 protected:
  void StartServer(std::vector<std::string> extra_args = {}) {
    server_ = std::make_unique<ServerProcess>(dir_.path() + "/data", std::move(extra_args));
    ASSERT_TRUE(server_->Start()) << server_->Log();
    client_ = std::make_unique<HttpClient>(server_->port());
  }
  void SetUp() override { StartServer(); }
  void TearDown() override {
    client_.reset();
    if (server_) {
      EXPECT_EQ(server_->Terminate(), 0) << server_->Log();
    }
  }

  // Parses body as JSON; fails the test if it is not.
  simdjson::dom::element Json(const std::string& body) {
    auto result = parser_.parse(body);
    EXPECT_EQ(result.error(), simdjson::SUCCESS) << body;
    return result.value_unsafe();
  }
  template <typename Element>
  std::string Str(Element e, const char* key) {
    std::string_view s;
    if (e[key].get(s) != simdjson::SUCCESS) return "<missing>";
    return std::string(s);
  }
  template <typename Element>
  int64_t Int(Element e, const char* key) {
    int64_t v = -1;
    if (e[key].get(v) != simdjson::SUCCESS) return -1;
    return v;
  }
  // Asserts the error shape and returns the error object.
  void ExpectError(const Response& r, int status, const std::string& code,
                   const std::string& field = {}) {
    EXPECT_EQ(r.status, status) << r.body;
    auto err = Json(r.body)["error"];
    EXPECT_EQ(Str(err, "code"), code) << r.body;
    EXPECT_NE(Str(err, "message"), "<missing>") << r.body;
    if (!field.empty()) {
      EXPECT_EQ(Str(err, "field"), field) << r.body;
    }
  }

  static std::string Article(const std::string& id, const std::string& body = "نص الخبر",
                             const std::string& title = "عنوان") {
    return R"({"id":")" + id + R"(","title":")" + title + R"(","body":")" + body +
           R"(","published_at":"2024-02-10T08:00:00Z","source":"test"})";
  }

  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<HttpClient> client_;
  simdjson::dom::parser parser_;
};

}  // namespace khabar::testing
