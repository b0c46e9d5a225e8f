// The ingest API end to end: every endpoint and every error, against the real binary.

#include "fixture.h"

namespace khabar::testing {
namespace {

using ArticlesTest = ServerTest;

TEST_F(ArticlesTest, CreateNoopUpdateGetDelete) {
  Response r = client_->Post("/v1/articles", Article("a-1"));
  ASSERT_EQ(r.status, 201) << r.body;
  auto j = Json(r.body);
  EXPECT_EQ(Str(j, "id"), "a-1");
  EXPECT_EQ(Int(j, "version"), 1);
  EXPECT_EQ(Str(j, "result"), "created");

  r = client_->Post("/v1/articles", Article("a-1"));  // A retry changes nothing.
  ASSERT_EQ(r.status, 200) << r.body;
  j = Json(r.body);
  EXPECT_EQ(Str(j, "result"), "noop");
  EXPECT_EQ(Int(j, "version"), 1);

  r = client_->Post("/v1/articles", Article("a-1", "نص معدل"));
  ASSERT_EQ(r.status, 200) << r.body;
  j = Json(r.body);
  EXPECT_EQ(Str(j, "result"), "updated");
  EXPECT_EQ(Int(j, "version"), 2);

  r = client_->Get("/v1/articles/a-1");
  ASSERT_EQ(r.status, 200) << r.body;
  j = Json(r.body);
  EXPECT_EQ(Str(j, "body"), "نص معدل");
  EXPECT_EQ(Str(j, "title"), "عنوان");
  EXPECT_EQ(Str(j, "source"), "test");
  EXPECT_EQ(Str(j, "published_at"), "2024-02-10T08:00:00Z");
  EXPECT_EQ(Int(j, "version"), 2);
  EXPECT_NE(Str(j, "ingested_at"), "<missing>");
  simdjson::dom::object analysis;
  ASSERT_EQ(j["analysis"].get(analysis), simdjson::SUCCESS) << r.body;
  for (const char* list : {"entities", "figures", "dates", "quotes"}) {
    simdjson::dom::array a;
    EXPECT_EQ(analysis[list].get(a), simdjson::SUCCESS) << list;
  }

  r = client_->Get("/v1/stats");
  EXPECT_EQ(Int(Json(r.body), "articles"), 1);

  r = client_->Request("DELETE", "/v1/articles/a-1");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Str(Json(r.body), "result"), "deleted");
  ExpectError(client_->Get("/v1/articles/a-1"), 404, "not_found");
  ExpectError(client_->Request("DELETE", "/v1/articles/a-1"), 404, "not_found");
  EXPECT_EQ(Int(Json(client_->Get("/v1/stats").body), "articles"), 0);
}

TEST_F(ArticlesTest, ExpectedVersionGivesConflicts) {
  ASSERT_EQ(client_->Post("/v1/articles?expected_version=0", Article("v")).status, 201);
  ExpectError(client_->Post("/v1/articles?expected_version=0", Article("v", "ب")), 409,
              "version_conflict", "expected_version");
  Response r = client_->Post("/v1/articles?expected_version=1", Article("v", "ب"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Int(Json(r.body), "version"), 2);
  ExpectError(client_->Post("/v1/articles?expected_version=1", Article("v", "ج")), 409,
              "version_conflict");
  ExpectError(client_->Post("/v1/articles?expected_version=x", Article("v", "ج")), 400,
              "invalid_parameter", "expected_version");
  ExpectError(client_->Request("DELETE", "/v1/articles/v?expected_version=1"), 409,
              "version_conflict");
  EXPECT_EQ(Str(Json(client_->Get("/v1/articles/v").body), "body"), "ب");
}

TEST_F(ArticlesTest, BadInputIsRefusedAndChangesNothing) {
  ExpectError(client_->Post("/v1/articles", "{not json"), 400, "invalid_json");
  ExpectError(client_->Post("/v1/articles", ""), 400, "invalid_json");
  ExpectError(client_->Post("/v1/analyze", ""), 400, "invalid_json");
  ExpectError(client_->Post("/v1/articles", R"({"id":"x","title":"t","body":"b"})"), 400,
              "missing_field", "published_at");
  ExpectError(client_->Post("/v1/articles",
                            R"({"id":"x","title":"t","body":"b","published_at":"10/02/2024"})"),
              400, "invalid_date", "published_at");
  ExpectError(
      client_->Post("/v1/articles",
                    R"({"id":"x","title":"t","body":"b","published_at":"2024-02-10","sorce":"s"})"),
      400, "unknown_field", "sorce");
  ExpectError(
      client_->Post("/v1/articles",
                    R"({"id":"bad id","title":"t","body":"b","published_at":"2024-02-10"})"),
      400, "invalid_id", "id");
  ExpectError(
      client_->Post("/v1/articles",
                    R"({"id":"x","title":"t","body":"b","published_at":"2024-02-10","tags":"a"})"),
      400, "invalid_type", "tags");
  ExpectError(
      client_->Post(
          "/v1/articles",
          "{\"id\":\"x\",\"title\":\"\xC3\",\"body\":\"b\",\"published_at\":\"2024-02-10\"}"),
      400, "invalid_json");
  ExpectError(client_->Post("/v1/articles", Article("x"), "text/plain"), 415,
              "unsupported_media_type");
  ExpectError(client_->Get("/v1/nothing"), 404, "no_route");
  Response r = client_->Request("PUT", "/v1/articles/x", Article("x"));
  ExpectError(r, 405, "method_not_allowed");
  EXPECT_EQ(r.headers["allow"], "GET, DELETE");
  ExpectError(client_->Get("/v1/articles/" + std::string(300, 'a')), 400, "invalid_id");
  EXPECT_EQ(Int(Json(client_->Get("/v1/stats").body), "articles"), 0);
}

TEST_F(ArticlesTest, OversizedBodyIsRefusedFromContentLength) {
  // Only the headers are sent: the 413 must come from Content-Length alone.
  Response r = client_->Raw(
      "POST /v1/articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 999999999\r\n\r\n");
  ExpectError(r, 413, "payload_too_large", "body");
  HttpClient other(server_->port());
  ExpectError(
      other.Raw("POST /v1/articles/_bulk HTTP/1.1\r\nHost: x\r\n"
                "Content-Type: application/x-ndjson\r\nContent-Length: 999999999999\r\n\r\n"),
      413, "payload_too_large");
}

TEST_F(ArticlesTest, BulkReportsEachLine) {
  const std::string body =
      Article("b-1") + "\n" + "{broken\n" + "\n" +
      R"({"id":"b-2","title":"t","body":"b","published_at":"2024-02-10","x":1})" + "\n" +
      Article("b-3") + "\n" + Article("b-1") + "\n";
  Response r = client_->Post("/v1/articles/_bulk", body, "application/x-ndjson");
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = Json(r.body);
  bool errors = false;
  ASSERT_EQ(j["errors"].get(errors), simdjson::SUCCESS);
  EXPECT_TRUE(errors);
  simdjson::dom::array items;
  ASSERT_EQ(j["items"].get(items), simdjson::SUCCESS);
  ASSERT_EQ(items.size(), 5u) << r.body;
  const struct {
    int64_t line;
    const char* id;
    int64_t status;
    const char* result;
  } want[] = {{1, "b-1", 201, "created"},
              {2, "<missing>", 400, nullptr},
              {4, "b-2", 400, nullptr},
              {5, "b-3", 201, "created"},
              {6, "b-1", 200, "noop"}};
  size_t i = 0;
  for (auto item : items) {
    EXPECT_EQ(Int(item, "line"), want[i].line) << i;
    EXPECT_EQ(Str(item, "id"), want[i].id) << i;
    EXPECT_EQ(Int(item, "status"), want[i].status) << i;
    if (want[i].result) {
      EXPECT_EQ(Str(item, "result"), want[i].result) << i;
    } else {
      EXPECT_NE(Str(item["error"], "code"), "<missing>") << i;
    }
    ++i;
  }
  EXPECT_EQ(Int(Json(client_->Get("/v1/stats").body), "articles"), 2);
  ExpectError(client_->Post("/v1/articles/_bulk", body, "application/json"), 415,
              "unsupported_media_type");
  ExpectError(client_->Post("/v1/articles/_bulk", "\n\n", "application/x-ndjson"), 400,
              "empty_body");
}

TEST_F(ArticlesTest, AnalyzeDoesNotStore) {
  Response r =
      client_->Post("/v1/analyze", R"({"title":"عنوان","body":"نص","published_at":"2024-02-10"})");
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = Json(r.body);
  simdjson::dom::array figures;
  EXPECT_EQ(j["figures"].get(figures), simdjson::SUCCESS) << r.body;
  ExpectError(client_->Post("/v1/analyze", R"({"title":"t"})"), 400, "missing_field", "body");
  EXPECT_EQ(Int(Json(client_->Get("/v1/stats").body), "articles"), 0);
}

TEST_F(ArticlesTest, HealthReadinessAndMetrics) {
  EXPECT_EQ(client_->Get("/healthz").status, 200);
  EXPECT_EQ(client_->Get("/readyz").status, 200);
  ASSERT_EQ(client_->Post("/v1/articles", Article("m")).status, 201);
  Response r = client_->Get("/metrics");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.headers["content-type"].find("text/plain"), std::string::npos);
  for (const char* needle :
       {"khabar_http_requests_total{route=\"/v1/articles\",code=\"201\"} 1",
        "khabar_http_request_duration_seconds_bucket{route=\"/v1/articles\",le=\"+Inf\"} 1",
        "khabar_ingest_articles_total{result=\"created\"} 1", "khabar_rocksdb_live_data_bytes",
        "khabar_rocksdb_pending_compaction_bytes", "khabar_articles 1"}) {
    EXPECT_NE(r.body.find(needle), std::string::npos) << needle << "\n" << r.body;
  }
}

TEST_F(ArticlesTest, AccessLogHasOneStructuredLinePerRequest) {
  ASSERT_EQ(client_->Get("/v1/articles/none").status, 404);
  ASSERT_EQ(server_->Terminate(), 0);
  const std::string log = server_->Log();
  server_.reset();
  const size_t at = log.find("\"path\":\"/v1/articles/none\"");
  ASSERT_NE(at, std::string::npos) << log;
  const std::string line =
      log.substr(log.rfind('\n', at) + 1, log.find('\n', at) - log.rfind('\n', at) - 1);
  for (const char* key : {"\"method\":\"GET\"", "\"route\":\"/v1/articles/{id}\"", "\"status\":404",
                          "\"bytes_out\":", "\"duration_ms\":"}) {
    EXPECT_NE(line.find(key), std::string::npos) << key << " in " << line;
  }
}

TEST_F(ArticlesTest, BackupWritesAnOpenableCheckpoint) {
  ASSERT_EQ(client_->Post("/v1/articles", Article("k")).status, 201);
  Response r = client_->Post("/v1/admin/backup", "");
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string path = Str(Json(r.body), "path");
  ASSERT_EQ(server_->Terminate(), 0);
  server_ = std::make_unique<ServerProcess>(path);
  ASSERT_TRUE(server_->Start()) << server_->Log();
  HttpClient c(server_->port());
  EXPECT_EQ(c.Get("/v1/articles/k").status, 200);
}

}  // namespace
}  // namespace khabar::testing
