#include "storage/index_batch.h"

#include <algorithm>

#include "storage/encoding.h"
#include "storage/index_keys.h"

namespace khabar::storage {
namespace {

int32_t DayOf(int64_t ms) {
  return static_cast<int32_t>(ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000));
}

std::vector<char32_t> CodePoints(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
    for (size_t k = 1; k < len && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

// Optimal-string-alignment distance (a transposition counts as one edit), capped at 2.
int EditDistance(std::string_view a, std::string_view b) {
  const auto x = CodePoints(a), y = CodePoints(b);
  if (x.size() > y.size() + 1 || y.size() > x.size() + 1) return 2;
  std::vector<std::vector<int>> d(x.size() + 1, std::vector<int>(y.size() + 1));
  for (size_t i = 0; i <= x.size(); ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= y.size(); ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= x.size(); ++i) {
    for (size_t j = 1; j <= y.size(); ++j) {
      const int cost = x[i - 1] == y[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return std::min(d[x.size()][y.size()], 2);
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i <= s.size()) {
    const size_t sp = s.find(' ', i);
    const size_t end = sp == std::string_view::npos ? s.size() : sp;
    if (end > i) out.push_back(s.substr(i, end - i));
    i = end + 1;
  }
  return out;
}

size_t Letters(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

IndexBatch::IndexBatch(rocksdb::DB* db, const IndexFamilies& cf, IndexState& state,
                       rocksdb::WriteBatch& batch)
    : db_(db), cf_(cf), state_(state), batch_(batch), next_entity_id_(state.next_entity_id) {}

const DocMeta* IndexBatch::Doc(uint32_t docno) const {
  if (auto it = docs_.find(docno); it != docs_.end())
    return it->second.live ? &it->second : nullptr;
  return state_.Doc(docno);
}

EntityInfo* IndexBatch::MutableEntity(uint32_t id) {
  auto it = entities_.find(id);
  if (it == entities_.end()) {
    const EntityInfo* base = state_.Entity(id);
    it = entities_.emplace(id, base ? *base : EntityInfo{}).first;
  }
  return &it->second;
}

uint32_t IndexBatch::EntityFor(const EntityRef& ref) {
  const std::string map_key = IndexState::EntityMapKey(ref.type, ref.key);
  if (auto it = new_entity_keys_.find(map_key); it != new_entity_keys_.end()) return it->second;
  if (auto it = state_.entity_by_key.find(map_key); it != state_.entity_by_key.end())
    return it->second;
  const std::string last_word = IndexState::LastWordKey(ref.type, ref.key);
  if (!last_word.empty()) {
    if (const uint32_t near = NearSpelling(ref, last_word)) {
      new_entity_keys_[map_key] = near;
      return near;
    }
  }
  const uint32_t id = next_entity_id_++;
  new_entity_keys_[map_key] = id;
  if (!last_word.empty()) new_by_last_word_[last_word].push_back(id);
  EntityInfo& e = entities_[id];
  e.id = id;
  e.type = ref.type;
  e.key = ref.key;
  e.canonical = ref.canonical;
  return id;
}

uint32_t IndexBatch::NearSpelling(const EntityRef& ref, const std::string& last_word_key) const {
  const auto words = SplitWords(ref.key);
  using Table = std::unordered_map<std::string, std::vector<uint32_t>>;
  for (const Table* table : {static_cast<const Table*>(&state_.entity_by_last_word),
                             static_cast<const Table*>(&new_by_last_word_)}) {
    auto it = table->find(last_word_key);
    if (it == table->end()) continue;
    for (uint32_t id : it->second) {
      const auto e = entities_.find(id);
      const std::string& key = e != entities_.end() ? e->second.key : state_.entities[id].key;
      const auto other = SplitWords(key);
      if (other.size() != words.size()) continue;
      int edits = 0;
      for (size_t i = 0; i + 1 < words.size() && edits <= 1; ++i) {
        if (words[i] == other[i]) continue;
        // Short words ("بن", initials) must match exactly.
        if (CodePoints(words[i]).size() < 4) {
          edits = 2;
          break;
        }
        edits += EditDistance(words[i], other[i]);
      }
      if (edits == 1) return id;
    }
  }
  return 0;
}

uint32_t IndexBatch::SourceFor(const std::string& source) {
  if (auto it = state_.source_ids.find(source); it != state_.source_ids.end()) return it->second;
  if (auto it = new_source_ids_.find(source); it != new_source_ids_.end()) return it->second;
  const uint32_t id = static_cast<uint32_t>(state_.source_names.size() + new_sources_.size());
  new_sources_.push_back(source);
  new_source_ids_[source] = id;
  return id;
}

Result<ForwardRecord> IndexBatch::Forward(uint32_t docno) {
  if (auto it = forward_.find(docno); it != forward_.end()) return it->second;
  std::string value;
  const auto s = db_->Get(rocksdb::ReadOptions(), cf_.forward, DocnoKey(docno), &value);
  if (!s.ok())
    return Status(ErrorCode::kDataLoss,
                  "forward record of document " + std::to_string(docno) + ": " + s.ToString());
  ForwardRecord f;
  if (!DecodeForward(value, &f)) return Status(ErrorCode::kDataLoss, "forward record is corrupt");
  return f;
}

Status IndexBatch::Add(uint32_t docno, const Article& article, const Analysis& analysis,
                       const IndexDoc& doc) {
  ForwardRecord fwd;
  fwd.terms.reserve(doc.terms.size());
  if (block_id_ == 0) block_id_ = state_.next_block;
  fwd.block = block_id_;
  for (const TermPositions& t : doc.terms) {
    new_postings_.Add(t.term, PostingRef{docno, doc.positions.data() + t.first, t.title_count,
                                         t.body_count});
    fwd.terms.push_back(t.term);
    posting_changes_.push_back({t.term, docno,
                                static_cast<uint16_t>(std::min<uint32_t>(t.title_count, 65534)),
                                static_cast<uint16_t>(std::min<uint32_t>(t.body_count, 65534))});
  }
  DocMeta meta;
  meta.id = article.id;
  meta.published_ms = doc.published_ms;
  meta.day = DayOf(doc.published_ms);
  meta.title_length = doc.title_length;
  meta.body_length = doc.body_length;
  meta.source = SourceFor(article.source);
  meta.live = true;
  batch_.Put(cf_.postings, SourceKey(article.source, docno), "");
  batch_.Put(cf_.postings, DayKey(meta.day, docno), "");
  for (const EntityRef& ref : doc.entities) {
    const uint32_t id = EntityFor(ref);
    EntityInfo* e = MutableEntity(id);
    e->mentions += ref.mentions;
    e->articles += 1;
    if (e->articles == 1 || doc.published_ms < e->first_seen_ms)
      e->first_seen_ms = doc.published_ms;
    if (e->articles == 1 || doc.published_ms > e->last_seen_ms) e->last_seen_ms = doc.published_ms;
    ForwardRecord::Entity fe{id, ref.mentions, {}};
    for (const auto& [surface, count] : ref.surfaces) {
      fe.surfaces.emplace_back(surface, count);
      auto it = std::find_if(e->aliases.begin(), e->aliases.end(),
                             [&](const auto& a) { return a.first == surface; });
      if (it == e->aliases.end()) {
        e->aliases.emplace_back(surface, count);
      } else {
        it->second += count;
      }
    }
    if (Letters(ref.canonical) > Letters(e->canonical)) e->canonical = ref.canonical;
    std::string mentions;
    PutVarint(mentions, ref.mentions);
    batch_.Put(cf_.postings, EntityDocKey(id, docno), mentions);
    meta.entities.push_back(id);
    fwd.entities.push_back(std::move(fe));
  }
  std::sort(meta.entities.begin(), meta.entities.end());
  meta.entities.erase(std::unique(meta.entities.begin(), meta.entities.end()), meta.entities.end());
  for (size_t i = 0; i < analysis.figures.size() && i < 65535; ++i) {
    const Figure& f = analysis.figures[i];
    const auto idx = static_cast<uint16_t>(i);
    batch_.Put(cf_.figures, FigureValueKey(f.value, docno, idx), "");
    fwd.figure_values.push_back(f.value);
  }
  for (size_t i = 0; i < analysis.quotes.size() && i < 65535; ++i) {
    const auto idx = static_cast<uint16_t>(i);
    std::vector<std::string> words;
    if (i < doc.quote_speaker_words.size()) words = doc.quote_speaker_words[i];
    for (const auto& w : words) batch_.Put(cf_.quotes, SpeakerKey(w, docno, idx), "");
    fwd.speaker_words.push_back(std::move(words));
  }
  batch_.Put(cf_.forward, DocnoKey(docno), EncodeForward(fwd));
  delta_.docs += 1;
  delta_.title_terms += meta.title_length;
  delta_.body_terms += meta.body_length;
  forward_[docno] = std::move(fwd);
  docs_[docno] = std::move(meta);
  return Status::Ok();
}

Status IndexBatch::RemoveFromBlock(const std::string& term, uint32_t block, uint32_t docno) {
  auto drop = [docno](auto& entries) {
    std::erase_if(entries, [docno](const auto& p) { return p.docno == docno; });
  };
  if (block == block_id_ && block != 0) {  // Added earlier in this very group.
    new_postings_.Remove(term, docno);
    return Status::Ok();
  }
  const std::string key = TermKey(term, block);
  auto it = modified_blocks_.find(key);
  if (it == modified_blocks_.end()) {
    std::string value;
    const auto s = db_->Get(rocksdb::ReadOptions(), cf_.postings, key, &value);
    std::vector<Posting> entries;
    if (s.ok() && !DecodePostingBlock(value, true, &entries)) {
      return Status(ErrorCode::kDataLoss, "postings block of '" + term + "' is corrupt");
    }
    if (!s.ok() && !s.IsNotFound()) return Status(ErrorCode::kUnavailable, s.ToString());
    it = modified_blocks_.emplace(key, std::move(entries)).first;
  }
  drop(it->second);
  return Status::Ok();
}

Status IndexBatch::Remove(uint32_t docno) {
  const DocMeta* old = Doc(docno);
  if (!old) return Status::Ok();  // Never indexed (a database from before the index).
  auto fwd = Forward(docno);
  if (!fwd.ok()) return fwd.status();
  for (const auto& term : fwd->terms) {
    KHABAR_RETURN_IF_ERROR(RemoveFromBlock(term, fwd->block, docno));
    posting_changes_.push_back({removed_terms_.emplace_back(term), docno, 0xFFFF, 0xFFFF});
  }
  const std::string& source = old->source < state_.source_names.size()
                                  ? state_.source_names[old->source]
                                  : new_sources_[old->source - state_.source_names.size()];
  batch_.Delete(cf_.postings, SourceKey(source, docno));
  batch_.Delete(cf_.postings, DayKey(old->day, docno));
  for (const auto& fe : fwd->entities) {
    batch_.Delete(cf_.postings, EntityDocKey(fe.id, docno));
    EntityInfo* e = MutableEntity(fe.id);
    e->mentions -= std::min<uint64_t>(e->mentions, fe.mentions);
    e->articles -= std::min<uint64_t>(e->articles, 1);
    for (const auto& [surface, count] : fe.surfaces) {
      auto it = std::find_if(e->aliases.begin(), e->aliases.end(),
                             [&](const auto& a) { return a.first == surface; });
      if (it == e->aliases.end()) continue;
      it->second -= std::min<uint64_t>(it->second, count);
      if (it->second == 0) e->aliases.erase(it);
    }
  }
  for (size_t i = 0; i < fwd->figure_values.size(); ++i) {
    const auto idx = static_cast<uint16_t>(i);
    batch_.Delete(cf_.figures, FigureValueKey(fwd->figure_values[i], docno, idx));
  }
  for (size_t i = 0; i < fwd->speaker_words.size(); ++i) {
    const auto idx = static_cast<uint16_t>(i);
    for (const auto& w : fwd->speaker_words[i])
      batch_.Delete(cf_.quotes, SpeakerKey(w, docno, idx));
  }
  batch_.Delete(cf_.forward, DocnoKey(docno));
  delta_.docs -= 1;
  delta_.title_terms -= old->title_length;
  delta_.body_terms -= old->body_length;
  DocMeta gone;
  gone.live = false;
  forward_.erase(docno);
  docs_[docno] = std::move(gone);
  return Status::Ok();
}

void IndexBatch::Finish() {
  for (auto& [key, entries] : modified_blocks_) {
    if (entries.empty()) {
      batch_.Delete(cf_.postings, key);
    } else {
      batch_.Put(cf_.postings, key, EncodePostingBlock(entries));
    }
  }
  new_postings_.ForEach([this](std::string_view term, const std::vector<PostingRef>& postings) {
    batch_.Put(cf_.postings, TermKey(term, block_id_), EncodePostingBlock(postings));
  });
  if (block_id_ != 0) {
    std::string next;
    PutBigEndian32(next, block_id_ + 1);
    batch_.Put(cf_.meta, "meta:next_block", next);
  }
  for (const auto& [docno, meta] : docs_) {
    if (!meta.live) {
      batch_.Delete(cf_.docs, DocnoKey(docno));
      continue;
    }
    const std::string& source = meta.source < state_.source_names.size()
                                    ? state_.source_names[meta.source]
                                    : new_sources_[meta.source - state_.source_names.size()];
    batch_.Put(cf_.docs, DocnoKey(docno), EncodeDocMeta(meta, source));
  }
  for (const auto& [id, e] : entities_)
    batch_.Put(cf_.entities, EntityKey(id), EncodeEntityInfo(e));
}

void IndexBatch::ApplyToCache() {
  PostingCache& cache = state_.cache;  // No reader is inside: the exclusive lock is held.
  if (cache.lists.empty()) return;
  for (const PostingChange& c : posting_changes_) {
    auto it = cache.lists.find(c.term);
    if (it == cache.lists.end()) continue;
    PostingList& l = *it->second;
    const auto pos = std::lower_bound(l.docnos.begin(), l.docnos.end(), c.docno);
    const auto i = pos - l.docnos.begin();
    const bool present = pos != l.docnos.end() && *pos == c.docno;
    if (c.title_tf == 0xFFFF) {
      if (!present) continue;
      l.docnos.erase(pos);
      l.title_tf.erase(l.title_tf.begin() + i);
      l.body_tf.erase(l.body_tf.begin() + i);
      --cache.total;
    } else if (present) {
      l.title_tf[i] = c.title_tf;
      l.body_tf[i] = c.body_tf;
    } else {
      l.docnos.insert(pos, c.docno);
      l.title_tf.insert(l.title_tf.begin() + i, c.title_tf);
      l.body_tf.insert(l.body_tf.begin() + i, c.body_tf);
      ++cache.total;
    }
  }
}

void IndexBatch::Publish(std::shared_ptr<const rocksdb::Snapshot> snapshot, uint32_t max_docno) {
  std::unique_lock lock(state_.mu);
  for (auto& s : new_sources_) {
    state_.source_ids.emplace(s, static_cast<uint32_t>(state_.source_names.size()));
    state_.source_names.push_back(std::move(s));
  }
  for (auto& [docno, meta] : docs_) {
    if (state_.docs.size() <= docno)
      state_.docs.resize(std::max<size_t>(docno + 1, state_.docs.size() * 3 / 2));
    state_.docs[docno] = std::move(meta);
  }
  for (auto& [id, e] : entities_) {
    if (state_.entities.size() <= id)
      state_.entities.resize(std::max<size_t>(id + 1, state_.entities.size() * 3 / 2));
    state_.entities[id] = std::move(e);
  }
  for (auto& [key, id] : new_entity_keys_) state_.entity_by_key[key] = id;
  for (auto& [key, ids] : new_by_last_word_) {
    auto& list = state_.entity_by_last_word[key];
    list.insert(list.end(), ids.begin(), ids.end());
  }
  state_.next_entity_id = next_entity_id_;
  if (block_id_ != 0) state_.next_block = block_id_ + 1;
  state_.stats.docs += delta_.docs;
  state_.stats.title_terms += delta_.title_terms;
  state_.stats.body_terms += delta_.body_terms;
  state_.max_docno = std::max(state_.max_docno, max_docno);
  state_.snapshot = std::move(snapshot);
  ApplyToCache();
}

}  // namespace khabar::storage
