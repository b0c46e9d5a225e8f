#pragma once
// `khabar serve` configuration: flags, each also read from a KHABAR_* environment variable
// (flags win), validated once into AppConfig.

#include <string>

#include "core/status.h"
#include "ingest/ingestor.h"
#include "server/api.h"
#include "server/http_server.h"
#include "storage/store.h"

namespace khabar::server {

struct AppConfig {
  HttpServerOptions http;
  storage::Options storage;
  ingest::Options ingest;
  ApiOptions api;
  // Threads that decode and analyze; 0 means one per core. Default: 0.
  int cpu_threads = 0;
  // trace, debug, info, warn, error, critical, off. Default: info.
  std::string log_level = "info";
  // Where POST /v1/admin/backup writes checkpoints. Default: <data-dir>/../backups.
  std::string backup_dir;
};

// Parses `serve` arguments (argv[0] is the subcommand). Returns kInvalidArgument with a clear
// message on bad input. Sets *help (and returns defaults) when --help was asked for.
Result<AppConfig> ParseServeConfig(int argc, const char* const* argv, std::string* help);

}  // namespace khabar::server
