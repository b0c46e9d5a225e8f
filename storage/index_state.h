#pragma once
// In-memory index state: document metadata, merged entities, source names and collection
// statistics, with the RocksDB snapshot they agree with. Rebuilt from the docs and entities
// column families at open. The writer thread mutates it only through Publish(), under the
// exclusive lock; readers hold the shared lock for the length of a query.

#include <rocksdb/db.h>

#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "storage/index_types.h"

namespace khabar::storage {

// Decoded posting lists of frequently queried terms, kept equal to the published state: readers
// fill it (under the shared lock, serialized by mu), the writer updates the cached lists of the
// terms it touches in Publish (under the exclusive lock, when no reader is inside).
// Lets maps keyed by std::string be searched with a std::string_view.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct PostingCache {
  // Lists shorter than this are cheap to read from RocksDB and are not cached.
  static constexpr size_t kMinPostings = 256;
  // Upper bound on cached postings (about 8 bytes each). Default: 32 Mi.
  size_t limit = 32u << 20;
  std::mutex mu;
  std::unordered_map<std::string, std::shared_ptr<PostingList>, StringHash, std::equal_to<>> lists;
  size_t total = 0;
};

struct IndexState {
  std::vector<DocMeta> docs;                                // By docno; docs[0] unused.
  std::vector<EntityInfo> entities;                         // By id; entities[0] unused.
  std::unordered_map<std::string, uint32_t> entity_by_key;  // type byte + key -> id
  // Person entities by type byte + last word + word count: where near-spellings are looked for.
  std::unordered_map<std::string, std::vector<uint32_t>> entity_by_last_word;
  std::vector<std::string> source_names{""};
  std::unordered_map<std::string, uint32_t> source_ids{{"", 0}};
  CollectionStats stats;
  uint32_t next_entity_id = 1;
  uint32_t next_block = 1;  // Postings block ids, one per write group that adds documents.
  uint32_t max_docno = 0;   // Highest docno ever published: the cursor high-water mark.
  std::shared_ptr<const rocksdb::Snapshot> snapshot;
  mutable std::shared_mutex mu;
  mutable PostingCache cache;

  const DocMeta* Doc(uint32_t docno) const {
    return docno < docs.size() && docs[docno].live ? &docs[docno] : nullptr;
  }
  const EntityInfo* Entity(uint32_t id) const {
    return id > 0 && id < entities.size() && entities[id].id == id ? &entities[id] : nullptr;
  }
  // The key of entity_by_last_word, or empty when the entity is not a multi-word person.
  static std::string LastWordKey(EntityType type, const std::string& key);
  static std::string EntityMapKey(EntityType type, const std::string& key) {
    return std::string(1, static_cast<char>('0' + static_cast<int>(type))) + key;
  }
};

// Reads the docs and entities column families into state.
Status LoadIndexState(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* docs_cf,
                      rocksdb::ColumnFamilyHandle* entities_cf, IndexState* state);

// A snapshot that releases itself.
std::shared_ptr<const rocksdb::Snapshot> TakeSnapshot(rocksdb::DB* db);

}  // namespace khabar::storage
