#pragma once
// Requests and responses as plain values, so that routing and handlers compile and test without
// Beast (only http_server.cc sees Beast types).

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace khabar::server {

struct HttpRequest {
  std::string method;        // "GET", "POST", ...
  std::string path;          // Decoded path without the query string.
  std::string query;         // Raw query string (after '?'), not decoded.
  std::string content_type;  // The Content-Type header, or empty.
  std::string body;
  std::vector<std::pair<std::string, std::string>> path_params;  // Filled by the router.

  std::string_view PathParam(std::string_view name) const {
    for (const auto& [k, v] : path_params) {
      if (k == name) return v;
    }
    return {};
  }
};

struct HttpResponse {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;  // Extra headers.
  bool close = false;  // Close the connection after this response.
};

// Called exactly once per request, from any thread.
using Responder = std::function<void(HttpResponse)>;

}  // namespace khabar::server
