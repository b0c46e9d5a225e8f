// Operational endpoints: stats, readiness, Prometheus metrics.

#include <chrono>
#include <filesystem>

#include "core/time.h"
#include "protocol/json_writer.h"
#include "server/api.h"
#include "server/http_status.h"

extern "C" const char khabar_openapi_begin[];
extern "C" const char khabar_openapi_end[];

namespace khabar::server {

std::string_view OpenApiDocument() {
  return std::string_view(khabar_openapi_begin, khabar_openapi_end - khabar_openapi_begin);
}

std::string RoutesJson(const Router& router) {
  protocol::JsonWriter w;
  w.BeginObject();
  w.Key("routes").BeginArray();
  for (const auto& [method, path] : router.routes()) {
    w.BeginObject();
    w.Key("method").String(method);
    w.Key("path").String(path);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Take();
}

void Api::Stats(HttpRequest&, Responder respond) {
  const storage::StoreStats st = store_.Stats();
  const auto& c = ingestor_.counters();
  protocol::JsonWriter w;
  w.BeginObject();
  w.Key("articles").Uint(st.articles);
  w.Key("ingest").BeginObject();
  w.Key("queue_depth").Uint(ingestor_.queue_depth());
  w.Key("created").Uint(c.created.load());
  w.Key("updated").Uint(c.updated.load());
  w.Key("noop").Uint(c.noop.load());
  w.Key("deleted").Uint(c.deleted.load());
  w.Key("rejected").Uint(c.rejected.load());
  w.Key("failed").Uint(c.failed.load());
  w.EndObject();
  w.Key("storage").BeginObject();
  w.Key("live_data_bytes").Uint(st.live_data_bytes);
  w.Key("sst_files_bytes").Uint(st.sst_files_bytes);
  w.Key("memtable_bytes").Uint(st.memtable_bytes);
  w.Key("pending_compaction_bytes").Uint(st.pending_compaction_bytes);
  w.EndObject();
  w.EndObject();
  respond(JsonResponse(w.Take()));
}

void Api::Ready(HttpRequest&, Responder respond) {
  if (draining_) {
    return respond(ErrorResponse(Status(ErrorCode::kUnavailable, "shutting down", {}, "draining")));
  }
  if (Status s = store_.Health(); !s.ok()) return respond(ErrorResponse(s));
  respond(JsonResponse(R"({"status":"ready"})"));
}

void Api::RenderMetrics(HttpRequest&, Responder respond) {
  std::string out;
  out.reserve(8192);
  metrics_.Render(out);
  const auto& c = ingestor_.counters();
  out += "# HELP khabar_ingest_articles_total Article writes by result.\n";
  out += "# TYPE khabar_ingest_articles_total counter\n";
  const std::pair<const char*, uint64_t> results[] = {
      {"created", c.created.load()}, {"updated", c.updated.load()},   {"noop", c.noop.load()},
      {"deleted", c.deleted.load()}, {"rejected", c.rejected.load()}, {"failed", c.failed.load()}};
  for (const auto& [name, n] : results) {
    out += std::string("khabar_ingest_articles_total{result=\"") + name + "\"} " +
           std::to_string(n) + "\n";
  }
  AppendMetric(out, "khabar_ingest_commit_groups_total", "counter",
               "Write groups committed (one WriteBatch and at most one fsync each).",
               static_cast<double>(c.groups.load()));
  AppendMetric(out, "khabar_ingest_queue_depth", "gauge", "Articles waiting for the writer.",
               static_cast<double>(ingestor_.queue_depth()));
  const storage::StoreStats st = store_.Stats();
  AppendMetric(out, "khabar_articles", "gauge", "Articles stored.",
               static_cast<double>(st.articles));
  AppendMetric(out, "khabar_rocksdb_live_data_bytes", "gauge", "Estimated live data size.",
               static_cast<double>(st.live_data_bytes));
  AppendMetric(out, "khabar_rocksdb_sst_files_bytes", "gauge", "Total size of SST files.",
               static_cast<double>(st.sst_files_bytes));
  AppendMetric(out, "khabar_rocksdb_memtable_bytes", "gauge", "Size of all memtables.",
               static_cast<double>(st.memtable_bytes));
  AppendMetric(out, "khabar_rocksdb_pending_compaction_bytes", "gauge",
               "Estimated bytes compaction still has to rewrite.",
               static_cast<double>(st.pending_compaction_bytes));
  AppendMetric(out, "khabar_rocksdb_running_compactions", "gauge", "Compactions running now.",
               static_cast<double>(st.running_compactions));
  AppendMetric(out, "khabar_rocksdb_block_cache_usage_bytes", "gauge", "Block cache memory in use.",
               static_cast<double>(st.block_cache_usage_bytes));
  AppendMetric(out, "khabar_cpu_pool_pending_tasks", "gauge", "Tasks waiting for a CPU thread.",
               static_cast<double>(cpu_.pending()));
  HttpResponse r;
  r.body = std::move(out);
  r.content_type = "text/plain; version=0.0.4";
  respond(std::move(r));
}

void Api::Backup(HttpRequest&, Responder respond) {
  if (options_.backup_dir.empty()) {
    return respond(
        ErrorResponse(Status(ErrorCode::kFailedPrecondition, "backups are not configured",
                             "backup-dir", "backups_disabled")));
  }
  cpu_.Post([this, respond = std::move(respond)] {
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    std::string name = FormatTimestamp(now);
    for (char& c : name) {
      if (c == ':') c = '-';
    }
    std::error_code ec;
    std::filesystem::create_directories(options_.backup_dir, ec);
    if (ec) {
      return respond(ErrorResponse(Status(
          ErrorCode::kInternal, "cannot create " + options_.backup_dir + ": " + ec.message())));
    }
    const std::string dir = (std::filesystem::path(options_.backup_dir) / name).string();
    if (Status s = store_.Checkpoint(dir); !s.ok()) return respond(ErrorResponse(s));
    protocol::JsonWriter w;
    w.BeginObject();
    w.Key("path").String(dir);
    w.Key("articles").Uint(store_.ArticleCount());
    w.EndObject();
    respond(JsonResponse(w.Take()));
  });
}

}  // namespace khabar::server
