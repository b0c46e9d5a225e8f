#pragma once
// The HTTP/1.1 server on Boost.Beast: N I/O threads, one strand per connection, explicit limits,
// and graceful shutdown on SIGTERM/SIGINT. Only http_server.cc includes Beast.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/status.h"
#include "server/metrics.h"
#include "server/router.h"

namespace khabar::server {

struct HttpServerOptions {
  // Address to listen on. Default: "127.0.0.1".
  std::string host = "127.0.0.1";
  // Port; 0 picks a free one (see HttpServer::port()). Default: 8080.
  uint16_t port = 8080;
  // I/O threads; 0 means one per core. Default: 0.
  int threads = 0;
  // Largest request body, decided from Content-Length before the body is read. Default: 16 MiB.
  uint64_t max_body_bytes = 16u << 20;
  // Largest body of POST /v1/articles/_bulk. Default: 256 MiB.
  uint64_t max_bulk_bytes = 256u << 20;
  // Largest request header block. Default: 16 KiB.
  uint32_t max_header_bytes = 16u << 10;
  // Time allowed to receive a request once it has started. Default: 60 s.
  std::chrono::seconds read_timeout{60};
  // An idle keep-alive connection is closed after this. Default: 120 s.
  std::chrono::seconds idle_timeout{120};
  // On SIGTERM, in-flight requests get this long to finish. Default: 10 s.
  std::chrono::seconds shutdown_grace{10};
  // One structured access-log line per request. Default: true.
  bool access_log = true;
};

class HttpServer {
 public:
  HttpServer(const HttpServerOptions& options, const Router& router, Metrics& metrics);
  ~HttpServer();

  // Binds and listens. Fails if the address is taken.
  Status Listen();
  uint16_t port() const;

  // Serves until SIGTERM/SIGINT (or RequestShutdown), then stops accepting, lets in-flight
  // requests finish within the grace period, and returns. on_drain runs when shutdown begins.
  void Run(std::function<void()> on_drain);

  // Starts the same shutdown as a signal. Thread-safe.
  void RequestShutdown();

  // Shared with the connection sessions in http_server.cc; opaque elsewhere.
  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace khabar::server
