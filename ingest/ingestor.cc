#include "ingest/ingestor.h"

#include <chrono>

#include "core/thread_name.h"
#include "ingest/index_builder.h"

namespace khabar::ingest {
namespace {

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

Ingestor::Ingestor(storage::Store& store, std::shared_ptr<const text::Analyzer> analyzer,
                   std::shared_ptr<const text::TermAnalyzer> terms, const Options& options)
    : store_(store), analyzer_(std::move(analyzer)), terms_(std::move(terms)), options_(options) {
  writer_ = std::thread([this] {
    SetThreadName("khabar-writer");
    WriterLoop();
  });
}

Ingestor::~Ingestor() { Stop(); }

Analysis Ingestor::Analyze(const Article& a) const {
  return analyzer_->Analyze({a.title, a.body, a.published_at});
}

storage::PutArticle Ingestor::Prepare(Article article,
                                      std::optional<uint64_t> expected_version) const {
  storage::PutArticle put;
  put.analysis = analyzer_->Analyze(
      {article.title, article.body, article.published_at},
      [&](const text::FoldedTokens& title, const text::FoldedTokens& body) {
        AddTerms(*terms_, title, body, &put.index);
      });
  AddAnalysis(article, put.analysis, &put.index);
  put.article = std::move(article);
  put.expected_version = expected_version;
  return put;
}

Status Ingestor::Submit(storage::WriteOp op, Completion done) {
  {
    std::lock_guard lock(mu_);
    if (stopping_) return Status(ErrorCode::kUnavailable, "the server is shutting down");
    if (queued_articles_ >= options_.queue_capacity) {
      counters_.rejected.fetch_add(1, std::memory_order_relaxed);
      return Status(ErrorCode::kResourceExhausted, "the write queue is full; retry shortly", {},
                    "queue_full");
    }
    Item item;
    item.ops.push_back(std::move(op));
    item.single = std::move(done);
    queue_.push_back(std::move(item));
    ++queued_articles_;
  }
  has_work_.notify_one();
  return Status::Ok();
}

Status Ingestor::SubmitBatch(std::vector<storage::WriteOp> ops, BatchCompletion done) {
  if (ops.empty()) {
    done({});
    return Status::Ok();
  }
  {
    std::unique_lock lock(mu_);
    // A batch larger than the whole queue waits for an empty queue rather than forever.
    has_room_.wait(lock, [&] {
      return stopping_ || queued_articles_ == 0 ||
             queued_articles_ + ops.size() <= options_.queue_capacity;
    });
    if (stopping_) return Status(ErrorCode::kUnavailable, "the server is shutting down");
    queued_articles_ += ops.size();
    Item item;
    item.ops = std::move(ops);
    item.batch = std::move(done);
    queue_.push_back(std::move(item));
  }
  has_work_.notify_one();
  return Status::Ok();
}

void Ingestor::Stop() {
  {
    std::lock_guard lock(mu_);
    if (stopping_ && !writer_.joinable()) return;
    stopping_ = true;
  }
  has_work_.notify_all();
  has_room_.notify_all();
  if (writer_.joinable()) writer_.join();
}

size_t Ingestor::queue_depth() const {
  std::lock_guard lock(mu_);
  return queued_articles_;
}

void Ingestor::Count(const Result<Receipt>& r) {
  if (!r.ok()) {
    counters_.failed.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  switch (r->result) {
    case WriteResult::kCreated:
      counters_.created.fetch_add(1, std::memory_order_relaxed);
      break;
    case WriteResult::kUpdated:
      counters_.updated.fetch_add(1, std::memory_order_relaxed);
      break;
    case WriteResult::kNoop:
      counters_.noop.fetch_add(1, std::memory_order_relaxed);
      break;
    case WriteResult::kDeleted:
      counters_.deleted.fetch_add(1, std::memory_order_relaxed);
      break;
  }
}

void Ingestor::WriterLoop() {
  std::vector<Item> group;
  std::vector<storage::WriteOp> ops;
  for (;;) {
    group.clear();
    ops.clear();
    {
      std::unique_lock lock(mu_);
      has_work_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // Stopping with nothing left.
      size_t articles = 0;
      while (!queue_.empty() &&
             (group.empty() || articles + queue_.front().ops.size() <= options_.max_group)) {
        articles += queue_.front().ops.size();
        group.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    for (auto& item : group) {
      for (auto& op : item.ops) ops.push_back(std::move(op));
    }
    if (options_.fault_commit_delay_ms > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(options_.fault_commit_delay_ms));
    }
    auto results = store_.Apply(ops, NowMs());
    counters_.groups.fetch_add(1, std::memory_order_relaxed);
    counters_.group_articles.fetch_add(ops.size(), std::memory_order_relaxed);
    {
      std::lock_guard lock(mu_);
      queued_articles_ -= ops.size();
    }
    has_room_.notify_all();
    size_t next = 0;
    for (auto& item : group) {
      const size_t n = item.ops.size();
      for (size_t k = 0; k < n; ++k) Count(results[next + k]);
      if (item.single) {
        item.single(std::move(results[next]));
      } else {
        std::vector<Result<Receipt>> mine;
        mine.reserve(n);
        for (size_t k = 0; k < n; ++k) mine.push_back(std::move(results[next + k]));
        item.batch(std::move(mine));
      }
      next += n;
    }
  }
}

}  // namespace khabar::ingest
