#include "server/config.h"

#include <boost/program_options.hpp>
#include <cctype>
#include <sstream>
#include <thread>

namespace khabar::server {

namespace po = boost::program_options;

namespace {

// --data-dir <-> KHABAR_DATA_DIR.
std::string EnvName(const std::string& option) {
  std::string env = "KHABAR_";
  for (char c : option) env.push_back(c == '-' ? '_' : static_cast<char>(std::toupper(c)));
  return env;
}

}  // namespace

Result<AppConfig> ParseServeConfig(int argc, const char* const* argv, std::string* help) {
  AppConfig c;
  std::string durability = "fsync";
  uint64_t max_body = c.http.max_body_bytes, max_bulk = c.http.max_bulk_bytes;
  int port = c.http.port;
  int grace = static_cast<int>(c.http.shutdown_grace.count());
  bool access_log = true;
  po::options_description desc(
      "khabar serve options (each also read from KHABAR_<NAME>, e.g. KHABAR_PORT)");
  desc.add_options()("help,h", "show this help")(
      "host", po::value(&c.http.host)->default_value(c.http.host), "address to listen on")(
      "port", po::value(&port)->default_value(port), "TCP port (0 picks a free one)")(
      "data-dir", po::value(&c.storage.path)->default_value("./data"), "RocksDB data directory")(
      "threads", po::value(&c.http.threads)->default_value(0), "I/O threads (0 = one per core)")(
      "cpu-threads", po::value(&c.cpu_threads)->default_value(0),
      "threads that parse and analyze (0 = one per core)")(
      "durability", po::value(&durability)->default_value(durability),
      "fsync: an ack means the write is fsynced (group commit); process: WAL written without "
      "fsync, survives a killed process but not a power cut")(
      "max-body-bytes", po::value(&max_body)->default_value(max_body),
      "largest single request body")("max-bulk-bytes",
                                     po::value(&max_bulk)->default_value(max_bulk),
                                     "largest _bulk request body")(
      "queue-capacity", po::value(&c.ingest.queue_capacity)->default_value(c.ingest.queue_capacity),
      "articles that may wait for the writer before single POSTs get 429")(
      "block-cache-bytes",
      po::value(&c.storage.block_cache_bytes)->default_value(c.storage.block_cache_bytes),
      "RocksDB block cache size")("shutdown-grace-seconds", po::value(&grace)->default_value(grace),
                                  "time in-flight requests get to finish on SIGTERM")(
      "access-log", po::value(&access_log)->default_value(true), "log one line per request")(
      "backup-dir", po::value(&c.backup_dir)->default_value(""),
      "where POST /v1/admin/backup writes checkpoints (default: <data-dir>-backups)")(
      "log-level", po::value(&c.log_level)->default_value(c.log_level),
      "trace, debug, info, warn, error, critical or off");
  po::options_description hidden("testing");
  hidden.add_options()("fault-commit-delay-ms",
                       po::value(&c.ingest.fault_commit_delay_ms)->default_value(0),
                       "fault injection: delay every commit (tests only)");
  po::options_description all;
  all.add(desc).add(hidden);
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, all), vm);
    po::store(po::parse_environment(desc,
                                    [&desc](const std::string& env) -> std::string {
                                      for (const auto& opt : desc.options()) {
                                        if (opt->long_name() != "help" &&
                                            EnvName(opt->long_name()) == env)
                                          return opt->long_name();
                                      }
                                      return "";
                                    }),
              vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return InvalidArgument(std::string("khabar serve: ") + e.what());
  }
  if (vm.count("help")) {
    std::ostringstream out;
    out << "Usage: khabar serve [options]\n\n" << desc;
    *help = out.str();
    return c;
  }
  if (port < 0 || port > 65535) return InvalidArgument("--port must be 0-65535", "port");
  c.http.port = static_cast<uint16_t>(port);
  if (durability == "fsync") {
    c.storage.sync = true;
  } else if (durability == "process") {
    c.storage.sync = false;
  } else {
    return InvalidArgument("--durability must be 'fsync' or 'process', got '" + durability + "'",
                           "durability");
  }
  if (max_body == 0 || max_bulk == 0) return InvalidArgument("body limits must be positive");
  if (c.ingest.queue_capacity == 0) return InvalidArgument("--queue-capacity must be positive");
  if (c.http.threads < 0 || c.cpu_threads < 0) return InvalidArgument("thread counts must be >= 0");
  if (grace < 0) return InvalidArgument("--shutdown-grace-seconds must be >= 0");
  static const char* kLevels[] = {"trace", "debug", "info", "warn", "error", "critical", "off"};
  bool level_ok = false;
  for (const char* l : kLevels) level_ok = level_ok || c.log_level == l;
  if (!level_ok)
    return InvalidArgument("--log-level '" + c.log_level + "' is not a level", "log-level");
  c.http.max_body_bytes = max_body;
  c.http.max_bulk_bytes = max_bulk;
  c.http.shutdown_grace = std::chrono::seconds(grace);
  c.http.access_log = access_log;
  if (c.backup_dir.empty()) c.backup_dir = c.storage.path + "-backups";
  return c;
}

}  // namespace khabar::server
