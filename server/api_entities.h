#pragma once
// The entity, figure and quote endpoints: query parameters -> the query use cases
// (query/entities.h, query/figures.h, query/quotes.h) -> JSON. Each request reads one consistent
// IndexView on the CPU pool, never on an I/O thread.

#include <functional>
#include <memory>
#include <string>

#include "core/status.h"
#include "core/task_pool.h"
#include "server/router.h"
#include "storage/store.h"
#include "text/terms.h"

namespace khabar::server {

class EntityApi {
 public:
  EntityApi(storage::Store& store, std::shared_ptr<const text::TermAnalyzer> terms, TaskPool& cpu);

  void Register(Router& router);

 private:
  // Produces a response body from one view of the index.
  using Work = std::function<Result<std::string>(const storage::IndexView&)>;

  void ListEntities(HttpRequest& req, Responder respond);
  void GetEntity(HttpRequest& req, Responder respond);
  void EntityArticles(HttpRequest& req, Responder respond);
  void EntityTimeline(HttpRequest& req, Responder respond);
  void RelatedEntities(HttpRequest& req, Responder respond);
  void Figures(HttpRequest& req, Responder respond);
  void Quotes(HttpRequest& req, Responder respond);

  // Runs work on the CPU pool with a fresh view and responds with its body or its error.
  void Run(Responder respond, Work work);

  storage::Store& store_;
  std::shared_ptr<const text::TermAnalyzer> terms_;
  TaskPool& cpu_;
};

}  // namespace khabar::server
