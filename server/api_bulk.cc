// POST /v1/articles/_bulk: NDJSON, one article a line, each line standing alone.
//
// Lines are decoded and analyzed chunk by chunk on the CPU pool (all pool threads help with a
// chunk), and each chunk goes to the writer as one ordered group, so a bulk load shares fsyncs
// and a later line for the same id wins, as it would if the lines had been posted one by one.

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "protocol/encode.h"
#include "server/api.h"
#include "server/http_status.h"
#include "server/request_util.h"

namespace khabar::server {
namespace {

struct Outcome {
  std::string id;
  Status error;  // Set when the line failed.
  Receipt receipt;
};

struct BulkJob {
  std::string body;
  std::vector<std::pair<size_t, std::string_view>> lines;  // (line number, text)
  std::vector<Outcome> outcomes;
  std::atomic<size_t> pending{1};  // Chunks in flight, plus one until every chunk is queued.
  std::chrono::steady_clock::time_point start;
  Responder respond;
};

// Runs fn(0..n-1) on the pool and the calling thread, returning when all are done. The caller
// works too, so this never deadlocks even when every pool thread is itself inside ParallelFor.
void ParallelFor(TaskPool& pool, size_t n, std::function<void(size_t)> fn) {
  struct State {
    std::atomic<size_t> next{0};
    std::atomic<size_t> done{0};
    std::mutex mu;
    std::condition_variable cv;
    std::function<void(size_t)> fn;
    size_t n;
  };
  auto st = std::make_shared<State>();
  st->fn = std::move(fn);
  st->n = n;
  auto work = [st] {
    for (size_t i; (i = st->next.fetch_add(1)) < st->n;) {
      st->fn(i);
      if (st->done.fetch_add(1) + 1 == st->n) {
        std::lock_guard lock(st->mu);
        st->cv.notify_all();
      }
    }
  };
  const size_t helpers = std::min(pool.size(), n) - (n > 0 ? 1 : 0);
  for (size_t k = 0; k < helpers; ++k) pool.Post(work);
  work();
  std::unique_lock lock(st->mu);
  st->cv.wait(lock, [&] { return st->done.load() == st->n; });
}

void Finish(BulkJob& job) {
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - job.start)
                        .count();
  bool errors = false;
  for (const auto& o : job.outcomes) errors = errors || !o.error.ok();
  protocol::JsonWriter w;
  w.BeginObject();
  w.Key("took_ms").Int(took);
  w.Key("errors").Bool(errors);
  w.Key("items").BeginArray();
  for (size_t i = 0; i < job.outcomes.size(); ++i) {
    const Outcome& o = job.outcomes[i];
    w.BeginObject();
    w.Key("line").Uint(job.lines[i].first);
    w.Key("id").StringOrNull(o.id);
    if (o.error.ok()) {
      w.Key("status").Int(HttpStatusFor(o.receipt));
      w.Key("result").String(WriteResultName(o.receipt.result));
      w.Key("version").Uint(o.receipt.version);
    } else {
      w.Key("status").Int(HttpStatusFor(o.error));
      w.Key("error");
      protocol::WriteErrorObject(w, o.error);
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  job.respond(JsonResponse(w.Take()));
}

void Release(const std::shared_ptr<BulkJob>& job) {
  if (job->pending.fetch_sub(1) == 1) Finish(*job);
}

void SplitLines(BulkJob& job) {
  std::string_view rest = job.body;
  size_t line_no = 0;
  while (!rest.empty()) {
    ++line_no;
    const size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    job.lines.emplace_back(line_no, line);
  }
}

}  // namespace

void Api::BulkArticles(HttpRequest& req, Responder respond) {
  if (Status s = CheckContentType(req, {"application/x-ndjson", "application/ndjson"}); !s.ok()) {
    return respond(ErrorResponse(s));
  }
  if (!req.query.empty()) {
    return respond(
        ErrorResponse(InvalidArgument("_bulk takes no query parameters", {}, "unknown_parameter")));
  }
  auto job = std::make_shared<BulkJob>();
  job->body = std::move(req.body);
  job->respond = std::move(respond);
  job->start = std::chrono::steady_clock::now();
  cpu_.Post([this, job] {
    SplitLines(*job);
    if (job->lines.empty()) {
      return job->respond(
          ErrorResponse(InvalidArgument("the bulk body holds no articles", "body", "empty_body")));
    }
    job->outcomes.resize(job->lines.size());
    const size_t chunk = options_.bulk_chunk_lines;
    for (size_t first = 0; first < job->lines.size(); first += chunk) {
      const size_t n = std::min(chunk, job->lines.size() - first);
      std::vector<std::optional<storage::PutArticle>> prepared(n);
      ParallelFor(cpu_, n, [&](size_t k) {
        auto& decoder = ThreadDecoder();
        auto article = decoder.Decode(job->lines[first + k].second);
        Outcome& o = job->outcomes[first + k];
        if (!article.ok()) {
          o.id = decoder.last_id();
          o.error = article.status();
          return;
        }
        o.id = article->id;
        prepared[k] = ingestor_.Prepare(std::move(*article), std::nullopt);
      });
      std::vector<storage::WriteOp> ops;
      std::vector<size_t> index;  // ops[i] belongs to outcomes[index[i]].
      for (size_t k = 0; k < n; ++k) {
        if (!prepared[k]) continue;
        ops.emplace_back(std::move(*prepared[k]));
        index.push_back(first + k);
      }
      if (ops.empty()) continue;
      job->pending.fetch_add(1);
      Status queued =
          ingestor_.SubmitBatch(std::move(ops), [job, index](std::vector<Result<Receipt>> results) {
            for (size_t i = 0; i < results.size(); ++i) {
              Outcome& o = job->outcomes[index[i]];
              if (results[i].ok()) {
                o.receipt = *results[i];
              } else {
                o.error = results[i].status();
              }
            }
            Release(job);
          });
      if (!queued.ok()) {
        for (size_t i : index) job->outcomes[i].error = queued;
        Release(job);
      }
    }
    Release(job);
  });
}

}  // namespace khabar::server
