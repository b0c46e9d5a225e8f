// Single-article handlers: create/update, read, delete, analyze.

#include "protocol/encode.h"
#include "server/api.h"
#include "server/http_status.h"
#include "server/request_util.h"

namespace khabar::server {

Api::Api(ingest::Ingestor& ingestor, storage::Store& store, TaskPool& cpu, Metrics& metrics,
         const ApiOptions& options)
    : ingestor_(ingestor), store_(store), cpu_(cpu), metrics_(metrics), options_(options) {}

void Api::Register(Router& r) {
  auto bind = [this](void (Api::*f)(HttpRequest&, Responder)) {
    return [this, f](HttpRequest& req, Responder respond) { (this->*f)(req, std::move(respond)); };
  };
  r.Add("POST", "/v1/articles/_bulk", bind(&Api::BulkArticles));
  r.Add("POST", "/v1/articles", bind(&Api::PostArticle));
  r.Add("GET", "/v1/articles/{id}", bind(&Api::GetArticle));
  r.Add("DELETE", "/v1/articles/{id}", bind(&Api::DeleteArticle));
  r.Add("POST", "/v1/analyze", bind(&Api::AnalyzeArticle));
  r.Add("GET", "/v1/stats", bind(&Api::Stats));
  r.Add("GET", "/healthz",
        [](HttpRequest&, Responder respond) { respond(JsonResponse(R"({"status":"ok"})")); });
  r.Add("GET", "/readyz", bind(&Api::Ready));
  r.Add("GET", "/metrics", bind(&Api::RenderMetrics));
  r.Add("POST", "/v1/admin/backup", bind(&Api::Backup));
  r.Add("GET", "/v1/admin/routes",
        [&r](HttpRequest&, Responder respond) { respond(JsonResponse(RoutesJson(r))); });
  r.Add("GET", "/openapi.json", [](HttpRequest&, Responder respond) {
    respond(JsonResponse(std::string(OpenApiDocument())));
  });
}

void Api::PostArticle(HttpRequest& req, Responder respond) {
  auto params = Query(req);
  if (!params.ok()) return respond(ErrorResponse(params.status()));
  if (Status s = CheckParams(*params, {"expected_version"}); !s.ok())
    return respond(ErrorResponse(s));
  auto expected = ExpectedVersion(*params);
  if (!expected.ok()) return respond(ErrorResponse(expected.status()));
  if (Status s = CheckContentType(req, {"application/json"}); !s.ok()) {
    return respond(ErrorResponse(s));
  }
  cpu_.Post([this, body = std::move(req.body), expected = *expected, respond = std::move(respond)] {
    auto article = ThreadDecoder().Decode(body);
    if (!article.ok()) return respond(ErrorResponse(article.status()));
    storage::PutArticle put = ingestor_.Prepare(std::move(*article), expected);
    Status queued = ingestor_.Submit(std::move(put), [respond](Result<Receipt> r) {
      respond(r.ok() ? ReceiptResponse(*r) : ErrorResponse(r.status()));
    });
    if (!queued.ok()) respond(ErrorResponse(queued));
  });
}

void Api::GetArticle(HttpRequest& req, Responder respond) {
  const std::string id(req.PathParam("id"));
  if (Status s = protocol::ValidateArticleId(id); !s.ok()) return respond(ErrorResponse(s));
  Analysis analysis;
  auto stored = ingestor_.Get(id, &analysis);
  if (!stored.ok()) return respond(ErrorResponse(stored.status()));
  respond(JsonResponse(protocol::EncodeStoredArticle(*stored, analysis)));
}

void Api::DeleteArticle(HttpRequest& req, Responder respond) {
  const std::string id(req.PathParam("id"));
  if (Status s = protocol::ValidateArticleId(id); !s.ok()) return respond(ErrorResponse(s));
  auto params = Query(req);
  if (!params.ok()) return respond(ErrorResponse(params.status()));
  if (Status s = CheckParams(*params, {"expected_version"}); !s.ok())
    return respond(ErrorResponse(s));
  auto expected = ExpectedVersion(*params);
  if (!expected.ok()) return respond(ErrorResponse(expected.status()));
  Status queued =
      ingestor_.Submit(storage::DeleteArticle{id, *expected}, [respond](Result<Receipt> r) {
        respond(r.ok() ? ReceiptResponse(*r) : ErrorResponse(r.status()));
      });
  if (!queued.ok()) respond(ErrorResponse(queued));
}

void Api::AnalyzeArticle(HttpRequest& req, Responder respond) {
  if (Status s = CheckContentType(req, {"application/json"}); !s.ok()) {
    return respond(ErrorResponse(s));
  }
  cpu_.Post([this, body = std::move(req.body), respond = std::move(respond)] {
    protocol::DecodeOptions options;
    options.require_id = false;
    options.require_title = false;
    options.require_published_at = false;
    auto article = ThreadDecoder().Decode(body, options);
    if (!article.ok()) return respond(ErrorResponse(article.status()));
    const Analysis analysis = ingestor_.Analyze(*article);
    respond(JsonResponse(protocol::EncodeAnalysis(article->id, !article->id.empty(), analysis)));
  });
}

}  // namespace khabar::server
