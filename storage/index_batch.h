#pragma once
// The index side of one write group: adds and removes documents in the group's WriteBatch and
// gathers the in-memory changes, which Publish() makes visible after the batch is committed.
// Used only by the writer thread.

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <deque>
#include <map>
#include <unordered_map>

#include "core/analysis.h"
#include "core/article.h"
#include "core/index_doc.h"
#include "storage/index_codec.h"
#include "storage/index_state.h"
#include "storage/new_postings.h"

namespace khabar::storage {

struct IndexFamilies {
  rocksdb::ColumnFamilyHandle* postings;
  rocksdb::ColumnFamilyHandle* docs;
  rocksdb::ColumnFamilyHandle* forward;
  rocksdb::ColumnFamilyHandle* entities;
  rocksdb::ColumnFamilyHandle* figures;
  rocksdb::ColumnFamilyHandle* quotes;
  rocksdb::ColumnFamilyHandle* meta;
};

class IndexBatch {
 public:
  IndexBatch(rocksdb::DB* db, const IndexFamilies& cf, IndexState& state,
             rocksdb::WriteBatch& batch);

  Status Add(uint32_t docno, const Article& article, const Analysis& analysis, const IndexDoc& doc);
  Status Remove(uint32_t docno);

  // Writes the changed entity and document records into the batch; call once, before committing.
  void Finish();
  // Makes the group's changes visible to readers, with a snapshot taken after the commit.
  void Publish(std::shared_ptr<const rocksdb::Snapshot> snapshot, uint32_t max_docno);

 private:
  const DocMeta* Doc(uint32_t docno) const;
  EntityInfo* MutableEntity(uint32_t id);
  uint32_t EntityFor(const EntityRef& ref);
  // An existing person whose name differs from key by one edit in a word other than the last
  // (دميتري/ديمتري بيسكوف), or 0.
  uint32_t NearSpelling(const EntityRef& ref, const std::string& last_word_key) const;
  uint32_t SourceFor(const std::string& source);
  Result<ForwardRecord> Forward(uint32_t docno);
  Status RemoveFromBlock(const std::string& term, uint32_t block, uint32_t docno);
  void ApplyToCache();

  rocksdb::DB* db_;
  IndexFamilies cf_;
  IndexState& state_;
  rocksdb::WriteBatch& batch_;
  std::unordered_map<uint32_t, DocMeta> docs_;           // Changed documents.
  std::unordered_map<uint32_t, ForwardRecord> forward_;  // Forward records written in the group.
  // Postings of the documents added in this group, by term: written as one block per term,
  // keyed by this group's block id, so a bulk group writes one key per distinct term.
  // Keys and positions point into the IndexDocs being applied, which outlive the batch.
  NewPostings new_postings_;
  // Blocks of earlier groups that lose a document in this group, by full key.
  std::map<std::string, std::vector<Posting>> modified_blocks_;
  uint32_t block_id_ = 0;                              // 0 until the group adds a document.
  std::unordered_map<uint32_t, EntityInfo> entities_;  // Changed entities.
  std::unordered_map<std::string, uint32_t> new_entity_keys_;
  std::unordered_map<std::string, std::vector<uint32_t>> new_by_last_word_;
  std::vector<std::string> new_sources_;
  std::unordered_map<std::string, uint32_t> new_source_ids_;
  // Posting changes in group order, applied to the posting cache on Publish: (term, docno,
  // title tf, body tf), with tfs of 0xFFFF marking a removal.
  struct PostingChange {
    std::string_view term;  // Into an IndexDoc, or into removed_terms_.
    uint32_t docno;
    uint16_t title_tf, body_tf;
  };
  std::vector<PostingChange> posting_changes_;
  std::deque<std::string> removed_terms_;  // Owns the terms of removed postings (stable addresses).
  CollectionStats delta_;  // May go negative through unsigned wrap-around; applied as a sum.
  uint32_t next_entity_id_;
};

}  // namespace khabar::storage
