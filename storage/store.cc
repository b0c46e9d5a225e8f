#include "storage/store.h"

#include <rocksdb/cache.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>
#include <rocksdb/utilities/checkpoint.h>
#include <rocksdb/write_batch.h>

#include <atomic>
#include <mutex>
#include <unordered_map>

#include "storage/codec.h"
#include "storage/encoding.h"
#include "storage/index_batch.h"
#include "storage/index_state.h"
#include "storage/index_view_impl.h"
#include "storage/schema.h"

namespace khabar::storage {
namespace {

// The term (or filter) part of a postings key. Within a write group, and from group to group, the
// keys of one term arrive in increasing docno order, so the memtable keeps an insert hint per
// term and skips the skip-list search that otherwise dominates the writer thread.
class PostingPrefix : public rocksdb::SliceTransform {
 public:
  const char* Name() const override { return "khabar.PostingPrefix"; }
  rocksdb::Slice Transform(const rocksdb::Slice& key) const override {
    return rocksdb::Slice(key.data(), key.size() >= 4 ? key.size() - 4 : key.size());
  }
  bool InDomain(const rocksdb::Slice& key) const override { return key.size() > 4; }
};

Status FromRocks(const rocksdb::Status& s, std::string_view what) {
  if (s.ok()) return Status::Ok();
  std::string message = std::string(what) + ": " + s.ToString();
  if (s.IsNotFound()) return Status(ErrorCode::kNotFound, std::move(message));
  if (s.IsCorruption()) return Status(ErrorCode::kDataLoss, std::move(message));
  if (s.IsBusy() || s.IsTimedOut() || s.IsTryAgain()) {
    return Status(ErrorCode::kUnavailable, std::move(message));
  }
  if (s.IsNoSpace() || s.IsIOError()) return Status(ErrorCode::kUnavailable, std::move(message));
  return Status(ErrorCode::kInternal, std::move(message));
}

Status VersionConflict(std::string_view id, uint64_t expected, uint64_t actual) {
  return Status(ErrorCode::kFailedPrecondition,
                "article '" + std::string(id) + "' is at version " + std::to_string(actual) +
                    ", expected " + std::to_string(expected),
                "expected_version", "version_conflict");
}

}  // namespace

struct Store::Impl {
  Options options;
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> cfs;  // Indexed by ColumnFamily.
  std::shared_ptr<rocksdb::Cache> cache;
  std::atomic<uint64_t> articles{0};
  uint32_t next_docno = 1;  // Owned by the writer thread.
  std::atomic<bool> failed{false};
  mutable std::mutex failure_mu;
  std::string failure;
  IndexState index;

  IndexFamilies Families() const {
    return IndexFamilies{cf(ColumnFamily::kPostings), cf(ColumnFamily::kDocs),
                         cf(ColumnFamily::kForward),  cf(ColumnFamily::kEntities),
                         cf(ColumnFamily::kFigures),  cf(ColumnFamily::kQuotes),
                         cf(ColumnFamily::kMeta)};
  }

  rocksdb::ColumnFamilyHandle* cf(ColumnFamily c) const { return cfs[static_cast<size_t>(c)]; }

  ~Impl() {
    if (db) {
      for (auto* h : cfs) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
      db->Close().PermitUncheckedError();
    }
  }

  // Reads the current record of id, looking first at ops earlier in the same group.
  Result<std::optional<StoredArticle>> Current(
      const std::string& id,
      const std::unordered_map<std::string, std::optional<StoredArticle>>& overlay) const {
    if (auto it = overlay.find(id); it != overlay.end()) return it->second;
    std::string value;
    const auto s = db->Get(rocksdb::ReadOptions(), cf(ColumnFamily::kArticles), id, &value);
    if (s.IsNotFound()) return std::optional<StoredArticle>();
    if (!s.ok()) return FromRocks(s, "reading article");
    StoredArticle a;
    if (!DecodeArticleRecord(value, &a)) {
      return Status(ErrorCode::kDataLoss, "article record '" + id + "' is corrupt");
    }
    return std::optional<StoredArticle>(std::move(a));
  }
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::Open(const Options& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->cache = rocksdb::NewLRUCache(options.block_cache_bytes);

  rocksdb::DBOptions db_options;
  db_options.create_if_missing = true;
  db_options.create_missing_column_families = true;
  db_options.max_background_jobs = options.background_jobs;
  db_options.bytes_per_sync = 1 << 20;
  db_options.keep_log_file_num = 5;
  // One writer thread commits every group, so concurrent memtable writes buy nothing, and they
  // would switch off the insert hints of the postings family.
  db_options.allow_concurrent_memtable_write = false;

  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const auto& spec : kColumnFamilies) {
    rocksdb::ColumnFamilyOptions cf_options;
    rocksdb::BlockBasedTableOptions table;
    table.block_cache = impl->cache;
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
    table.cache_index_and_filter_blocks = true;
    table.pin_l0_filter_and_index_blocks_in_cache = true;
    table.format_version = 5;
    cf_options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
    cf_options.compression = rocksdb::kLZ4Compression;
    // Flushes write L0 uncompressed: L0 files live briefly before compaction rewrites them, and
    // the flush thread competes with analysis for the cores.
    cf_options.compression_per_level.assign(7, rocksdb::kLZ4Compression);
    cf_options.compression_per_level[0] = rocksdb::kNoCompression;
    cf_options.bottommost_compression = rocksdb::kLZ4Compression;
    cf_options.level_compaction_dynamic_level_bytes = true;
    cf_options.write_buffer_size = spec.write_buffer_bytes;
    if (spec.name == "postings") {
      cf_options.memtable_insert_with_hint_prefix_extractor = std::make_shared<PostingPrefix>();
    }
    descriptors.emplace_back(std::string(spec.name), cf_options);
  }
  rocksdb::DB* raw = nullptr;
  auto s = rocksdb::DB::Open(db_options, options.path, descriptors, &impl->cfs, &raw);
  if (!s.ok()) return FromRocks(s, "opening database at '" + options.path + "'");
  impl->db.reset(raw);

  std::string value;
  s = impl->db->Get(rocksdb::ReadOptions(), impl->cf(ColumnFamily::kMeta), kMetaSchemaKey, &value);
  if (s.ok() && value != kSchemaVersion) {
    return Status(
        ErrorCode::kFailedPrecondition,
        "database schema " + value + " is not the supported " + std::string(kSchemaVersion));
  }
  if (s.IsNotFound()) {
    s = impl->db->Put(rocksdb::WriteOptions(), impl->cf(ColumnFamily::kMeta), kMetaSchemaKey,
                      kSchemaVersion);
  }
  if (!s.ok()) return FromRocks(s, "reading schema version");
  value.clear();
  s = impl->db->Get(rocksdb::ReadOptions(), impl->cf(ColumnFamily::kMeta), kMetaArticlesKey,
                    &value);
  if (s.ok() && value.size() == 8) impl->articles = GetBigEndian64(value);
  value.clear();
  s = impl->db->Get(rocksdb::ReadOptions(), impl->cf(ColumnFamily::kMeta), kMetaNextDocnoKey,
                    &value);
  if (s.ok() && value.size() == 4) impl->next_docno = GetBigEndian32(value);
  KHABAR_RETURN_IF_ERROR(LoadIndexState(impl->db.get(), impl->cf(ColumnFamily::kDocs),
                                        impl->cf(ColumnFamily::kEntities), &impl->index));
  impl->index.max_docno = impl->next_docno - 1;
  value.clear();
  s = impl->db->Get(rocksdb::ReadOptions(), impl->cf(ColumnFamily::kMeta), "meta:next_block",
                    &value);
  if (s.ok() && value.size() == 4) impl->index.next_block = GetBigEndian32(value);
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

std::vector<Result<Receipt>> Store::Apply(std::span<WriteOp> ops, int64_t now_ms) {
  Impl& m = *impl_;
  std::vector<Result<Receipt>> results;
  results.reserve(ops.size());
  rocksdb::WriteBatch batch;
  std::unordered_map<std::string, std::optional<StoredArticle>> overlay;
  int64_t count_delta = 0;
  uint32_t next_docno = m.next_docno;
  IndexBatch index(m.db.get(), m.Families(), m.index, batch);
  auto fail_all = [&](const Status& failure) {
    std::vector<Result<Receipt>> failed;
    for (size_t i = 0; i < ops.size(); ++i) failed.emplace_back(failure);
    return failed;
  };

  for (WriteOp& op : ops) {
    if (auto* put = std::get_if<PutArticle>(&op)) {
      const std::string id = put->article.id;
      auto current = m.Current(id, overlay);
      if (!current.ok()) {
        results.emplace_back(current.status());
        continue;
      }
      const std::optional<StoredArticle>& old = *current;
      const uint64_t old_version = old ? old->version : 0;
      if (put->expected_version && *put->expected_version != old_version) {
        results.emplace_back(VersionConflict(id, *put->expected_version, old_version));
        continue;
      }
      if (old && old->article == put->article) {
        results.emplace_back(Receipt{id, old->version, WriteResult::kNoop});
        continue;
      }
      StoredArticle rec;
      rec.article = std::move(put->article);
      rec.version = old_version + 1;
      rec.ingested_at_ms = now_ms;
      rec.docno = old ? old->docno : next_docno++;
      batch.Put(m.cf(ColumnFamily::kArticles), id, EncodeArticleRecord(rec));
      batch.Put(m.cf(ColumnFamily::kAnalysis), id, EncodeAnalysisRecord(put->analysis));
      if (old) {
        if (Status st = index.Remove(rec.docno); !st.ok()) return fail_all(st);
      }
      if (Status st = index.Add(rec.docno, rec.article, put->analysis, put->index); !st.ok()) {
        return fail_all(st);
      }
      if (!old) {
        ++count_delta;
      }
      results.emplace_back(
          Receipt{id, rec.version, old ? WriteResult::kUpdated : WriteResult::kCreated});
      overlay[id] = std::move(rec);
    } else {
      auto& del = std::get<DeleteArticle>(op);
      auto current = m.Current(del.id, overlay);
      if (!current.ok()) {
        results.emplace_back(current.status());
        continue;
      }
      const std::optional<StoredArticle>& old = *current;
      if (!old) {
        results.emplace_back(NotFound("no article with id '" + del.id + "'"));
        continue;
      }
      if (del.expected_version && *del.expected_version != old->version) {
        results.emplace_back(VersionConflict(del.id, *del.expected_version, old->version));
        continue;
      }
      batch.Delete(m.cf(ColumnFamily::kArticles), del.id);
      batch.Delete(m.cf(ColumnFamily::kAnalysis), del.id);
      if (Status st = index.Remove(old->docno); !st.ok()) return fail_all(st);
      --count_delta;
      results.emplace_back(Receipt{del.id, old->version, WriteResult::kDeleted});
      overlay[del.id] = std::nullopt;
    }
  }
  if (batch.Count() == 0) return results;

  const uint64_t new_count =
      static_cast<uint64_t>(static_cast<int64_t>(m.articles.load()) + count_delta);
  std::string count_value, docno_value;
  PutBigEndian64(count_value, new_count);
  PutBigEndian32(docno_value, next_docno);
  batch.Put(m.cf(ColumnFamily::kMeta), kMetaArticlesKey, count_value);
  batch.Put(m.cf(ColumnFamily::kMeta), kMetaNextDocnoKey, docno_value);
  index.Finish();

  rocksdb::WriteOptions wo;
  wo.sync = m.options.sync;
  const auto s = m.db->Write(wo, &batch);
  if (!s.ok()) {
    const Status failure = FromRocks(s, "committing write batch");
    {
      std::lock_guard lock(m.failure_mu);
      m.failure = failure.message();
    }
    m.failed = true;
    for (auto& r : results) {
      if (r.ok()) r = failure;
    }
    return results;
  }
  m.articles = new_count;
  m.next_docno = next_docno;
  index.Publish(TakeSnapshot(m.db.get()), next_docno - 1);
  return results;
}

Result<StoredArticle> Store::Get(std::string_view id, Analysis* analysis) const {
  const Impl& m = *impl_;
  const rocksdb::Snapshot* snap = m.db->GetSnapshot();
  rocksdb::ReadOptions ro;
  ro.snapshot = snap;
  std::string value;
  auto s =
      m.db->Get(ro, m.cf(ColumnFamily::kArticles), rocksdb::Slice(id.data(), id.size()), &value);
  StoredArticle a;
  Status status;
  if (s.IsNotFound()) {
    status = NotFound("no article with id '" + std::string(id) + "'");
  } else if (!s.ok()) {
    status = FromRocks(s, "reading article");
  } else if (!DecodeArticleRecord(value, &a)) {
    status = Status(ErrorCode::kDataLoss, "article record is corrupt");
  } else if (analysis) {
    s = m.db->Get(ro, m.cf(ColumnFamily::kAnalysis), rocksdb::Slice(id.data(), id.size()), &value);
    if (!s.ok()) {
      status = FromRocks(s, "reading analysis");
    } else if (!DecodeAnalysisRecord(value, analysis)) {
      status = Status(ErrorCode::kDataLoss, "analysis record is corrupt");
    }
  }
  m.db->ReleaseSnapshot(snap);
  if (!status.ok()) return status;
  return a;
}

uint64_t Store::ArticleCount() const { return impl_->articles.load(); }

std::unique_ptr<IndexView> Store::View() const {
  auto v = std::make_unique<IndexView::Impl>();
  v->db = impl_->db.get();
  v->articles = impl_->cf(ColumnFamily::kArticles);
  v->analysis = impl_->cf(ColumnFamily::kAnalysis);
  v->postings = impl_->cf(ColumnFamily::kPostings);
  v->figures = impl_->cf(ColumnFamily::kFigures);
  v->quotes = impl_->cf(ColumnFamily::kQuotes);
  v->state = &impl_->index;
  v->lock = std::shared_lock<std::shared_mutex>(impl_->index.mu);
  v->snapshot = impl_->index.snapshot;
  return std::make_unique<IndexView>(std::move(v));
}

StoreStats Store::Stats() const {
  const Impl& m = *impl_;
  StoreStats st;
  st.articles = m.articles.load();
  auto sum = [&](const char* property) {
    uint64_t total = 0;
    for (auto* h : m.cfs) {
      uint64_t v = 0;
      if (m.db->GetIntProperty(h, property, &v)) total += v;
    }
    return total;
  };
  st.live_data_bytes = sum("rocksdb.estimate-live-data-size");
  st.sst_files_bytes = sum("rocksdb.total-sst-files-size");
  st.memtable_bytes = sum("rocksdb.cur-size-all-mem-tables");
  st.pending_compaction_bytes = sum("rocksdb.estimate-pending-compaction-bytes");
  uint64_t v = 0;
  if (m.db->GetIntProperty("rocksdb.num-running-compactions", &v)) st.running_compactions = v;
  if (m.db->GetIntProperty("rocksdb.num-running-flushes", &v)) st.running_flushes = v;
  st.block_cache_usage_bytes = m.cache->GetUsage();
  return st;
}

Status Store::Health() const {
  if (impl_->failed) {
    std::lock_guard lock(impl_->failure_mu);
    return Status(ErrorCode::kUnavailable, "storage failed: " + impl_->failure);
  }
  uint64_t bg_errors = 0;
  if (impl_->db->GetIntProperty("rocksdb.background-errors", &bg_errors) && bg_errors > 0) {
    std::string stopped;
    if (impl_->db->GetProperty("rocksdb.is-write-stopped", &stopped) && stopped == "1") {
      return Status(ErrorCode::kUnavailable, "storage has stopped writes after background errors");
    }
  }
  return Status::Ok();
}

Status Store::Flush() {
  Impl& m = *impl_;
  rocksdb::FlushOptions fo;
  fo.wait = true;
  KHABAR_RETURN_IF_ERROR(FromRocks(m.db->Flush(fo, m.cfs), "flushing memtables"));
  return FromRocks(m.db->SyncWAL(), "syncing the WAL");
}

Status Store::Checkpoint(const std::string& dir) {
  rocksdb::Checkpoint* raw = nullptr;
  KHABAR_RETURN_IF_ERROR(
      FromRocks(rocksdb::Checkpoint::Create(impl_->db.get(), &raw), "checkpoint"));
  std::unique_ptr<rocksdb::Checkpoint> cp(raw);
  return FromRocks(cp->CreateCheckpoint(dir), "creating checkpoint in '" + dir + "'");
}

}  // namespace khabar::storage
