#pragma once
// The write use case: validate -> analyze -> queue -> group commit. No HTTP, no JSON.
//
// Callers analyze on their own (CPU pool) thread through Prepare(); the prepared writes then queue
// for one writer thread, which commits whatever has gathered as one group (one WriteBatch, one
// fsync) and calls each completion on the writer thread. A full queue refuses single writes with
// kResourceExhausted instead of growing memory.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/analysis.h"
#include "core/article.h"
#include "core/status.h"
#include "storage/store.h"
#include "text/analyzer.h"
#include "text/terms.h"

namespace khabar::ingest {

struct Options {
  // Writes waiting for the writer thread, counted in articles. Default: 8192.
  size_t queue_capacity = 8192;
  // Most articles committed in one WriteBatch. Larger groups share more postings keys (one per
  // distinct term and group). Default: 4096.
  size_t max_group = 4096;
  // Fault injection for tests: the writer sleeps this long before each commit. Default: 0.
  int fault_commit_delay_ms = 0;
};

using Completion = std::function<void(Result<Receipt>)>;
using BatchCompletion = std::function<void(std::vector<Result<Receipt>>)>;

struct Counters {
  std::atomic<uint64_t> created{0}, updated{0}, noop{0}, deleted{0}, rejected{0}, failed{0};
  std::atomic<uint64_t> groups{0}, group_articles{0};
};

class Ingestor {
 public:
  Ingestor(storage::Store& store, std::shared_ptr<const text::Analyzer> analyzer,
           std::shared_ptr<const text::TermAnalyzer> terms, const Options& options);
  ~Ingestor();  // Stops after committing everything queued.
  Ingestor(const Ingestor&) = delete;
  Ingestor& operator=(const Ingestor&) = delete;

  // Analyzes the article: CPU work, run it off the I/O threads.
  storage::PutArticle Prepare(Article article, std::optional<uint64_t> expected_version) const;
  Analysis Analyze(const Article& article) const;

  // Queues one write; done runs on the writer thread once it is durable (or failed). Returns
  // kResourceExhausted (and never calls done) when the queue is full, kUnavailable when stopping.
  Status Submit(storage::WriteOp op, Completion done);

  // Queues writes that are committed in order; waits for room instead of refusing, since the
  // bulk request holding them was already admitted. done gets one result per op, in order.
  Status SubmitBatch(std::vector<storage::WriteOp> ops, BatchCompletion done);

  Result<StoredArticle> Get(std::string_view id, Analysis* analysis) const {
    return store_.Get(id, analysis);
  }

  // Refuses new writes, commits what is queued, joins the writer. Idempotent.
  void Stop();

  size_t queue_depth() const;
  const Counters& counters() const { return counters_; }

 private:
  struct Item {
    std::vector<storage::WriteOp> ops;
    Completion single;
    BatchCompletion batch;
  };

  void WriterLoop();
  void Count(const Result<Receipt>& r);

  storage::Store& store_;
  std::shared_ptr<const text::Analyzer> analyzer_;
  std::shared_ptr<const text::TermAnalyzer> terms_;
  const Options options_;
  mutable std::mutex mu_;
  std::condition_variable has_work_;
  std::condition_variable has_room_;
  std::deque<Item> queue_;
  size_t queued_articles_ = 0;
  bool stopping_ = false;
  Counters counters_;
  std::thread writer_;
};

}  // namespace khabar::ingest
