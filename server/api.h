#pragma once
// The HTTP handlers: thin adapters from requests to the ingest use case and back
// (protocol::Decode -> ingest -> protocol::Encode). CPU work runs on the CPU pool.

#include <atomic>
#include <memory>
#include <string>

#include "core/task_pool.h"
#include "ingest/ingestor.h"
#include "server/metrics.h"
#include "server/router.h"
#include "storage/store.h"

namespace khabar::server {

struct ApiOptions {
  // Lines of a bulk request analyzed as one unit and committed as one group. Default: 1024.
  size_t bulk_chunk_lines = 1024;
  // Directory that POST /v1/admin/backup writes checkpoints into. Default: "" (backups off).
  std::string backup_dir;
};

// The OpenAPI 3 description of every route (server/openapi.json, embedded at build time).
std::string_view OpenApiDocument();
// {"routes":[{"method","path"}]}: what the router serves, for checking the description.
std::string RoutesJson(const Router& router);

class Api {
 public:
  Api(ingest::Ingestor& ingestor, storage::Store& store, TaskPool& cpu, Metrics& metrics,
      const ApiOptions& options);

  void Register(Router& router);

  // Readiness goes false when shutdown starts, so load balancers stop sending traffic.
  void SetDraining() { draining_ = true; }

 private:
  void PostArticle(HttpRequest& req, Responder respond);
  void BulkArticles(HttpRequest& req, Responder respond);
  void GetArticle(HttpRequest& req, Responder respond);
  void DeleteArticle(HttpRequest& req, Responder respond);
  void AnalyzeArticle(HttpRequest& req, Responder respond);
  void Stats(HttpRequest& req, Responder respond);
  void Ready(HttpRequest& req, Responder respond);
  void RenderMetrics(HttpRequest& req, Responder respond);
  void Backup(HttpRequest& req, Responder respond);

  ingest::Ingestor& ingestor_;
  storage::Store& store_;
  TaskPool& cpu_;
  Metrics& metrics_;
  const ApiOptions options_;
  std::atomic<bool> draining_{false};
};

}  // namespace khabar::server
