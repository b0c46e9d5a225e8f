#pragma once
// The article store on RocksDB. The only public door to the database: callers see core types and
// Status, never RocksDB (the column families and key layout are in docs/storage.md).
//
// Writes go through Apply(), which one writer thread calls with a group of operations: they are
// decided in order (created / updated / noop / conflict) and committed in ONE WriteBatch with one
// WAL write (and one fsync with Options::sync), so an article and everything derived from it is
// never half-written, and concurrent writers share one fsync.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/analysis.h"
#include "core/article.h"
#include "core/index_doc.h"
#include "core/status.h"
#include "storage/index_view.h"

namespace khabar::storage {

struct Options {
  // Directory of the database; created if missing. Default: "./data".
  std::string path = "./data";
  // fsync the WAL before a write group is acknowledged. false still writes the WAL to the OS
  // before acknowledging, which survives a killed process but not a power cut. Default: true.
  bool sync = true;
  // Shared LRU block cache. Default: 256 MiB.
  size_t block_cache_bytes = 256u << 20;
  // RocksDB background flush and compaction threads. Default: 2.
  int background_jobs = 2;
};

struct PutArticle {
  Article article;
  Analysis analysis;
  IndexDoc index;
  std::optional<uint64_t> expected_version;  // 0 means "must not exist yet".
};

struct DeleteArticle {
  std::string id;
  std::optional<uint64_t> expected_version;
};

using WriteOp = std::variant<PutArticle, DeleteArticle>;

struct StoreStats {
  uint64_t articles = 0;
  uint64_t live_data_bytes = 0;
  uint64_t sst_files_bytes = 0;
  uint64_t memtable_bytes = 0;
  uint64_t pending_compaction_bytes = 0;
  uint64_t running_compactions = 0;
  uint64_t running_flushes = 0;
  uint64_t block_cache_usage_bytes = 0;
};

class Store {
 public:
  static Result<std::unique_ptr<Store>> Open(const Options& options);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Decides and commits ops in order, in one batch. Not thread-safe against itself: call it from
  // a single writer thread. now_ms stamps ingested_at. A failed commit fails every op.
  std::vector<Result<Receipt>> Apply(std::span<WriteOp> ops, int64_t now_ms);

  // The current version of an article and, if analysis is not null, its analysis.
  Result<StoredArticle> Get(std::string_view id, Analysis* analysis = nullptr) const;

  uint64_t ArticleCount() const;

  // A consistent view of the index for one query (see storage/index_view.h).
  std::unique_ptr<IndexView> View() const;
  StoreStats Stats() const;

  // OK while the database accepts writes.
  Status Health() const;

  // Writes memtables to disk and syncs the WAL (shutdown, backups).
  Status Flush();

  // A consistent, openable copy of the database in dir (which must not exist), made with hard
  // links where possible.
  Status Checkpoint(const std::string& dir);

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace khabar::storage
