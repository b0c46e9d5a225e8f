#include "server/http_server.h"

#include <atomic>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <list>
#include <mutex>
#include <thread>

#include "core/thread_name.h"
#include "server/http_status.h"
#include "server/log.h"
#include "server/url.h"

namespace khabar::server {

namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

class Session;

struct HttpServer::Impl {
  HttpServerOptions options;
  const Router& router;
  Metrics& metrics;
  net::io_context ioc;
  tcp::acceptor acceptor{ioc};
  net::signal_set signals{ioc, SIGINT, SIGTERM};
  std::atomic<bool> draining{false};
  std::atomic<int> sessions{0};
  std::shared_ptr<spdlog::logger> access;
  std::function<void()> on_drain;
  std::mutex live_mu;
  std::list<std::weak_ptr<Session>> live;

  Impl(const HttpServerOptions& o, const Router& r, Metrics& m)
      : options(o), router(r), metrics(m), ioc(o.threads > 0 ? o.threads : 2) {
    access = spdlog::get("access");
    if (!access) access = spdlog::default_logger();
  }

  void Accept();
  void BeginShutdown();
  void WaitForSessions(std::shared_ptr<net::steady_timer> timer,
                       std::chrono::steady_clock::time_point deadline);
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, HttpServer::Impl& server)
      : stream_(std::move(socket)), server_(server) {
    ++server_.sessions;
    beast::error_code ec;
    const auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = ep.address().to_string();
  }
  ~Session() { --server_.sessions; }

  void Start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->DoRead(); });
  }

  // Closes an idle connection now; a busy one closes after its response.
  void Drain() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      self->closing_ = true;
      if (!self->busy_) {
        beast::error_code ec;
        self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        self->stream_.close();
      }
    });
  }

 private:
  void DoRead() {
    if (closing_ || server_.draining) return Close();
    busy_ = false;
    parser_.emplace();
    parser_->header_limit(server_.options.max_header_bytes);
    // Beast checks Content-Length against the limit while parsing the header; the route's own
    // limit is applied in OnHeader, so that the 413 names it.
    parser_->body_limit(std::max(server_.options.max_body_bytes, server_.options.max_bulk_bytes));
    stream_.expires_after(server_.options.idle_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code ec, std::size_t) {
    if (ec) {
      if (ec == http::error::body_limit) {
        return Reply(ErrorResponse(InvalidArgument("request body exceeds the limit", "body",
                                                   "payload_too_large")),
                     "unmatched", true);
      }
      if (ec == http::error::header_limit) {
        return Reply(
            ErrorResponse(InvalidArgument("request header too large", {}, "header_too_large")),
            "unmatched", true);
      }
      if (ec != http::error::end_of_stream && ec != net::error::operation_aborted &&
          ec != beast::error::timeout && ec != net::error::connection_reset &&
          ec != net::error::eof) {
        if (buffer_.size() > 0 || parser_->got_some()) {
          return Reply(ErrorResponse(InvalidArgument("malformed HTTP request: " + ec.message(), {},
                                                     "bad_request")),
                       "unmatched", true);
        }
      }
      return Close();
    }
    busy_ = true;
    start_ = std::chrono::steady_clock::now();
    const auto& h = parser_->get();
    const std::string_view target(h.target().data(), h.target().size());
    const std::string_view raw_path = target.substr(0, target.find('?'));
    const std::string method(h.method_string());
    auto path = PercentDecode(raw_path, false);
    if (!path) {
      return Reply(
          ErrorResponse(InvalidArgument("malformed percent-escape in the path", {}, "bad_request")),
          "unmatched", true);
    }
    route_ = server_.router.Match(method, *path);
    const uint64_t limit = (method == "POST" && route_ == "/v1/articles/_bulk")
                               ? server_.options.max_bulk_bytes
                               : server_.options.max_body_bytes;
    if (auto len = parser_->content_length(); len && *len > limit) {
      return Reply(ErrorResponse(InvalidArgument("request body of " + std::to_string(*len) +
                                                     " bytes exceeds the limit of " +
                                                     std::to_string(limit) + " bytes",
                                                 "body", "payload_too_large")),
                   route_, true);
    }
    parser_->body_limit(limit);
    stream_.expires_after(server_.options.read_timeout);
    if (parser_->is_done()) return OnBody({}, 0);
    auto expect = h.find(http::field::expect);
    if (expect != h.end() && IEquals(expect->value(), "100-continue")) {
      auto cont = std::make_shared<http::response<http::empty_body>>(http::status::continue_, 11);
      return http::async_write(stream_, *cont,
                               [self = shared_from_this(), cont](beast::error_code e, std::size_t) {
                                 if (e) return self->Close();
                                 self->ReadBody();
                               });
    }
    ReadBody();
  }

  void ReadBody() {
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::OnBody, shared_from_this()));
  }

  void OnBody(beast::error_code ec, std::size_t) {
    if (ec == http::error::body_limit) {
      return Reply(ErrorResponse(InvalidArgument("request body exceeds the limit", "body",
                                                 "payload_too_large")),
                   route_, true);
    }
    if (ec) return Close();
    auto msg = parser_->release();
    keep_alive_ = msg.keep_alive();
    request_bytes_ = msg.body().size();
    HttpRequest req;
    req.method = std::string(msg.method_string());
    const std::string_view target(msg.target().data(), msg.target().size());
    const size_t q = target.find('?');
    req.path = *PercentDecode(target.substr(0, q), false);
    if (q != std::string_view::npos) req.query = std::string(target.substr(q + 1));
    if (auto it = msg.find(http::field::content_type); it != msg.end()) {
      req.content_type = std::string(it->value());
    }
    head_ = req.method == "HEAD";
    req.body = std::move(msg.body());
    method_ = req.method;
    path_ = req.path;
    auto self = shared_from_this();
    server_.router.Dispatch(req, [self](HttpResponse resp) {
      net::post(self->stream_.get_executor(), [self, resp = std::move(resp)]() mutable {
        self->Reply(std::move(resp), self->route_, false);
      });
    });
  }

  void Reply(HttpResponse resp, std::string_view route, bool force_close) {
    if (!busy_) start_ = std::chrono::steady_clock::now();
    route_ = route;
    auto res = std::make_shared<http::response<http::string_body>>();
    res->version(11);
    res->result(static_cast<unsigned>(resp.status));
    res->set(http::field::server, "khabar");
    res->set(http::field::content_type, resp.content_type);
    for (const auto& [k, v] : resp.headers) res->set(k, v);
    response_bytes_ = resp.body.size();
    status_ = resp.status;
    if (!head_) res->body() = std::move(resp.body);
    const bool close = force_close || resp.close || closing_ || server_.draining || !keep_alive_;
    res->keep_alive(!close);
    res->prepare_payload();
    if (head_) res->content_length(response_bytes_);
    stream_.expires_after(server_.options.read_timeout);
    http::async_write(stream_, *res,
                      [self = shared_from_this(), res, close](beast::error_code ec, std::size_t) {
                        self->OnWrite(ec, close);
                      });
  }

  void OnWrite(beast::error_code ec, bool close) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    server_.metrics.ObserveRequest(route_, status_, seconds);
    if (server_.options.access_log) {
      server_.access->info("{}", LogLine("request")
                                     .Add("method", method_)
                                     .Add("route", route_)
                                     .Add("path", path_)
                                     .Add("status", status_)
                                     .Add("bytes_in", static_cast<uint64_t>(request_bytes_))
                                     .Add("bytes_out", static_cast<uint64_t>(response_bytes_))
                                     .Add("duration_ms", seconds * 1000)
                                     .Add("remote", remote_)
                                     .str());
    }
    method_.clear();
    path_.clear();
    request_bytes_ = 0;
    head_ = false;
    if (ec || close) return Close();
    DoRead();
  }

  void Close() {
    busy_ = false;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.close();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  HttpServer::Impl& server_;
  std::string remote_;
  std::string method_;
  std::string path_;
  std::string_view route_ = "unmatched";  // Points into the router's table or a literal.
  std::chrono::steady_clock::time_point start_;
  size_t request_bytes_ = 0;
  size_t response_bytes_ = 0;
  int status_ = 0;
  bool keep_alive_ = true;
  bool busy_ = false;
  bool closing_ = false;
  bool head_ = false;
};

void HttpServer::Impl::Accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
      LogWarn(LogLine("accept failed").Add("error", ec.message()));
    } else if (!draining) {
      auto session = std::make_shared<Session>(std::move(socket), *this);
      {
        std::lock_guard lock(live_mu);
        live.remove_if([](const std::weak_ptr<Session>& w) { return w.expired(); });
        live.push_back(session);
      }
      session->Start();
    }
    Accept();
  });
}

void HttpServer::Impl::BeginShutdown() {
  if (draining.exchange(true)) return;
  LogInfo(LogLine("shutting down").Add("open_connections", sessions.load()));
  if (on_drain) on_drain();
  beast::error_code ec;
  acceptor.close(ec);
  signals.cancel(ec);
  {
    std::lock_guard lock(live_mu);
    for (auto& w : live) {
      if (auto s = w.lock()) s->Drain();
    }
  }
  auto timer = std::make_shared<net::steady_timer>(ioc);
  WaitForSessions(timer, std::chrono::steady_clock::now() + options.shutdown_grace);
}

void HttpServer::Impl::WaitForSessions(std::shared_ptr<net::steady_timer> timer,
                                       std::chrono::steady_clock::time_point deadline) {
  if (sessions.load() == 0 || std::chrono::steady_clock::now() >= deadline) {
    if (sessions.load() > 0) {
      LogWarn(LogLine("grace period over; dropping connections")
                  .Add("open_connections", sessions.load()));
    }
    ioc.stop();
    return;
  }
  timer->expires_after(std::chrono::milliseconds(20));
  timer->async_wait(
      [this, timer, deadline](beast::error_code) { WaitForSessions(timer, deadline); });
}

HttpServer::HttpServer(const HttpServerOptions& options, const Router& router, Metrics& metrics)
    : impl_(std::make_unique<Impl>(options, router, metrics)) {}

HttpServer::~HttpServer() = default;

Status HttpServer::Listen() {
  Impl& m = *impl_;
  beast::error_code ec;
  const auto address = net::ip::make_address(m.options.host, ec);
  if (ec)
    return InvalidArgument("invalid --host '" + m.options.host + "': " + ec.message(), "host");
  const tcp::endpoint endpoint(address, m.options.port);
  m.acceptor.open(endpoint.protocol(), ec);
  if (!ec) m.acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) m.acceptor.bind(endpoint, ec);
  if (!ec) m.acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return Status(ErrorCode::kUnavailable, "cannot listen on " + m.options.host + ":" +
                                               std::to_string(m.options.port) + ": " +
                                               ec.message());
  }
  return Status::Ok();
}

uint16_t HttpServer::port() const {
  beast::error_code ec;
  return impl_->acceptor.local_endpoint(ec).port();
}

void HttpServer::RequestShutdown() {
  net::post(impl_->ioc, [this] { impl_->BeginShutdown(); });
}

void HttpServer::Run(std::function<void()> on_drain) {
  Impl& m = *impl_;
  m.on_drain = std::move(on_drain);
  m.signals.async_wait([&m](beast::error_code ec, int) {
    if (!ec) m.BeginShutdown();
  });
  m.Accept();
  const int n = m.options.threads > 0
                    ? m.options.threads
                    : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> threads;
  for (int i = 1; i < n; ++i) {
    threads.emplace_back([&m] {
      SetThreadName("khabar-io");
      m.ioc.run();
    });
  }
  m.ioc.run();
  for (auto& t : threads) t.join();
}

}  // namespace khabar::server
