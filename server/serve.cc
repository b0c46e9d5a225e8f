#include "server/serve.h"

#include <iostream>

#include "core/task_pool.h"
#include "query/search.h"
#include "server/api_entities.h"
#include "server/api_search.h"
#include "server/config.h"
#include "server/log.h"
#include "text/analyzer.h"
#include "text/terms.h"

namespace khabar::server {

int RunServe(int argc, const char* const* argv) {
  std::string help;
  auto config = ParseServeConfig(argc, argv, &help);
  if (!config.ok()) {
    std::cerr << config.status().message() << "\n";
    return 2;
  }
  if (!help.empty()) {
    std::cout << help;
    return 0;
  }
  AppConfig& c = *config;
  SetupLogging(c.log_level);

  auto analyzer = text::Analyzer::Create();
  if (!analyzer.ok()) {
    LogError(LogLine("cannot load the analyzer").Add("error", analyzer.status().ToString()));
    return 1;
  }
  auto terms = text::TermAnalyzer::Create();
  if (!terms.ok()) {
    LogError(LogLine("cannot load the term analyzer").Add("error", terms.status().ToString()));
    return 1;
  }
  auto store = storage::Store::Open(c.storage);
  if (!store.ok()) {
    LogError(LogLine("cannot open storage").Add("error", store.status().ToString()));
    return 1;
  }
  {
    Metrics metrics;
    TaskPool cpu(c.cpu_threads);
    ingest::Ingestor ingestor(**store, *analyzer, *terms, c.ingest);
    c.api.backup_dir = c.backup_dir;
    Api api(ingestor, **store, cpu, metrics, c.api);
    Router router;
    api.Register(router);
    EntityApi entity_api(**store, *terms, cpu);
    entity_api.Register(router);
    query::Searcher searcher(**store, *terms);
    SearchApi search_api(searcher, cpu);
    search_api.Register(router);
    HttpServer http(c.http, router, metrics);
    if (Status s = http.Listen(); !s.ok()) {
      LogError(LogLine("cannot listen").Add("error", s.ToString()));
      return 1;
    }
    LogInfo(LogLine("listening")
                .Add("host", c.http.host)
                .Add("port", static_cast<int>(http.port()))
                .Add("data_dir", c.storage.path)
                .Add("durability", c.storage.sync ? "fsync" : "process")
                .Add("articles", (*store)->ArticleCount()));
    http.Run([&api] { api.SetDraining(); });
    // No new requests can arrive: commit what is queued; completions of requests whose
    // connections are gone are dropped with the I/O context.
    ingestor.Stop();
  }
  if (Status s = (*store)->Flush(); !s.ok()) {
    LogError(LogLine("flush at shutdown failed").Add("error", s.ToString()));
    return 1;
  }
  const uint64_t articles = (*store)->ArticleCount();
  store->reset();
  LogInfo(LogLine("stopped").Add("articles", articles));
  spdlog::shutdown();
  return 0;
}

}  // namespace khabar::server
