#pragma once
// IndexView's private state, shared between store.cc (which makes views) and index_view.cc.

#include <rocksdb/db.h>

#include <memory>
#include <shared_mutex>

#include "storage/index_state.h"
#include "storage/index_view.h"

namespace khabar::storage {

struct IndexView::Impl {
  rocksdb::DB* db = nullptr;
  rocksdb::ColumnFamilyHandle* articles = nullptr;
  rocksdb::ColumnFamilyHandle* analysis = nullptr;
  rocksdb::ColumnFamilyHandle* postings = nullptr;
  rocksdb::ColumnFamilyHandle* figures = nullptr;
  rocksdb::ColumnFamilyHandle* quotes = nullptr;
  const IndexState* state = nullptr;
  std::shared_lock<std::shared_mutex> lock;
  std::shared_ptr<const rocksdb::Snapshot> snapshot;

  rocksdb::ReadOptions Read() const;
  // The analysis of a live document, or false.
  bool LoadAnalysis(uint32_t docno, Analysis* out) const;
};

}  // namespace khabar::storage
