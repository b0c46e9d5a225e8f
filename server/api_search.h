#pragma once
// GET /v1/search: parameters -> query::SearchRequest -> JSON.

#include "core/task_pool.h"
#include "query/search.h"
#include "server/router.h"

namespace khabar::server {

class SearchApi {
 public:
  SearchApi(const query::Searcher& searcher, TaskPool& cpu) : searcher_(searcher), cpu_(cpu) {}
  void Register(Router& router);

 private:
  void Search(HttpRequest& req, Responder respond);

  const query::Searcher& searcher_;
  TaskPool& cpu_;
};

// Parses the query string of /v1/search; exposed for tests.
Result<query::SearchRequest> ParseSearchRequest(const HttpRequest& req);

}  // namespace khabar::server
