#include "storage/index_state.h"

#include <algorithm>

#include "storage/encoding.h"
#include "storage/index_codec.h"

namespace khabar::storage {

std::shared_ptr<const rocksdb::Snapshot> TakeSnapshot(rocksdb::DB* db) {
  return std::shared_ptr<const rocksdb::Snapshot>(
      db->GetSnapshot(), [db](const rocksdb::Snapshot* s) { db->ReleaseSnapshot(s); });
}

std::string IndexState::LastWordKey(EntityType type, const std::string& key) {
  if (type != EntityType::kPerson) return {};
  const size_t space = key.rfind(' ');
  if (space == std::string::npos) return {};
  const size_t words = static_cast<size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
  return EntityMapKey(type, key.substr(space + 1)) + "#" + std::to_string(words);
}

Status LoadIndexState(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* docs_cf,
                      rocksdb::ColumnFamilyHandle* entities_cf, IndexState* state) {
  {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), docs_cf));
    std::string source;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      const auto key = it->key();
      if (key.size() != 4) continue;
      const uint32_t docno = GetBigEndian32(std::string_view(key.data(), 4));
      DocMeta d;
      if (!DecodeDocMeta(std::string_view(it->value().data(), it->value().size()), &d, &source)) {
        return Status(ErrorCode::kDataLoss,
                      "document record " + std::to_string(docno) + " is corrupt");
      }
      auto [pos, added] =
          state->source_ids.emplace(source, static_cast<uint32_t>(state->source_names.size()));
      if (added) state->source_names.push_back(source);
      d.source = pos->second;
      if (state->docs.size() <= docno) state->docs.resize(docno + 1);
      state->stats.docs += 1;
      state->stats.title_terms += d.title_length;
      state->stats.body_terms += d.body_length;
      state->max_docno = std::max(state->max_docno, docno);
      state->docs[docno] = std::move(d);
    }
    if (!it->status().ok()) return Status(ErrorCode::kUnavailable, it->status().ToString());
  }
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), entities_cf));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    EntityInfo e;
    if (!DecodeEntityInfo(std::string_view(it->value().data(), it->value().size()), &e)) {
      return Status(ErrorCode::kDataLoss, "entity record is corrupt");
    }
    if (state->entities.size() <= e.id) state->entities.resize(e.id + 1);
    state->entity_by_key[IndexState::EntityMapKey(e.type, e.key)] = e.id;
    if (auto lw = IndexState::LastWordKey(e.type, e.key); !lw.empty()) {
      state->entity_by_last_word[lw].push_back(e.id);
    }
    state->next_entity_id = std::max(state->next_entity_id, e.id + 1);
    state->entities[e.id] = std::move(e);
  }
  if (!it->status().ok()) return Status(ErrorCode::kUnavailable, it->status().ToString());
  state->snapshot = TakeSnapshot(db);
  return Status::Ok();
}

}  // namespace khabar::storage
