#pragma once
// The route table: (method, pattern) -> handler. Patterns are literal segments and {name}
// parameters ("/v1/articles/{id}"); the first matching route wins.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "server/http_types.h"

namespace khabar::server {

using Handler = std::function<void(HttpRequest&, Responder)>;

class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler);

  // Runs the matching handler, or responds 404/405. Returns the route pattern that served the
  // request ("unmatched" if none), for metrics and logs.
  std::string_view Dispatch(HttpRequest& request, Responder respond) const;

  // The route pattern a request would take (or whose path it matches), without running it.
  std::string_view Match(std::string_view method, std::string_view path) const;

  const std::vector<std::pair<std::string, std::string>>& routes() const { return listing_; }

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };

  bool Matches(const Route& r, std::string_view path, HttpRequest* fill) const;

  std::vector<Route> routes_;
  std::vector<std::pair<std::string, std::string>> listing_;  // (method, pattern)
};

}  // namespace khabar::server
