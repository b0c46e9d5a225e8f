#include "server/router.h"

#include "server/http_status.h"

namespace khabar::server {
namespace {

std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    const size_t j = path.find('/', i);
    out.push_back(path.substr(i, j == std::string_view::npos ? path.size() - i : j - i));
    i = j == std::string_view::npos ? path.size() : j;
  }
  return out;
}

constexpr std::string_view kUnmatched = "unmatched";

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler) {
  Route r;
  for (auto seg : Split(pattern)) r.segments.emplace_back(seg);
  r.method = std::move(method);
  r.pattern = std::move(pattern);
  r.handler = std::move(handler);
  listing_.emplace_back(r.method, r.pattern);
  routes_.push_back(std::move(r));
}

bool Router::Matches(const Route& r, std::string_view path, HttpRequest* fill) const {
  const auto parts = Split(path);
  if (parts.size() != r.segments.size()) return false;
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string& seg = r.segments[i];
    const bool param = seg.size() > 2 && seg.front() == '{' && seg.back() == '}';
    if (!param && seg != parts[i]) return false;
  }
  if (fill) {
    fill->path_params.clear();
    for (size_t i = 0; i < parts.size(); ++i) {
      const std::string& seg = r.segments[i];
      if (seg.size() > 2 && seg.front() == '{') {
        fill->path_params.emplace_back(seg.substr(1, seg.size() - 2), std::string(parts[i]));
      }
    }
  }
  return true;
}

std::string_view Router::Match(std::string_view method, std::string_view path) const {
  std::string_view by_path = kUnmatched;
  for (const Route& r : routes_) {
    if (!Matches(r, path, nullptr)) continue;
    if (r.method == method || (method == "HEAD" && r.method == "GET")) return r.pattern;
    if (by_path == kUnmatched) by_path = r.pattern;
  }
  return by_path;
}

std::string_view Router::Dispatch(HttpRequest& req, Responder respond) const {
  std::string allowed;
  const Route* path_match = nullptr;
  for (const Route& r : routes_) {
    if (!Matches(r, req.path, nullptr)) continue;
    if (r.method == req.method || (req.method == "HEAD" && r.method == "GET")) {
      Matches(r, req.path, &req);
      r.handler(req, std::move(respond));
      return r.pattern;
    }
    if (!path_match) path_match = &r;
    if (allowed.find(r.method) == std::string::npos) {
      if (!allowed.empty()) allowed += ", ";
      allowed += r.method;
    }
  }
  if (path_match) {
    HttpResponse resp = ErrorResponse(
        Status(ErrorCode::kUnimplemented,
               "method " + req.method + " is not allowed on " + req.path + "; allowed: " + allowed,
               {}, "method_not_allowed"));
    resp.headers.emplace_back("Allow", allowed);
    respond(std::move(resp));
    return path_match->pattern;
  }
  respond(ErrorResponse(Status(ErrorCode::kNotFound, "no route for " + req.path, {}, "no_route")));
  return kUnmatched;
}

}  // namespace khabar::server
