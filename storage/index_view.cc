#include "storage/index_view.h"

#include <algorithm>
#include <mutex>
#include <shared_mutex>

#include "storage/codec.h"
#include "storage/encoding.h"
#include "storage/index_codec.h"
#include "storage/index_keys.h"
#include "storage/index_state.h"
#include "storage/index_view_impl.h"

namespace khabar::storage {
namespace {

std::string_view View(const rocksdb::Slice& s) { return {s.data(), s.size()}; }

}  // namespace

std::vector<Posting> ReadTerm(const IndexView::Impl& v, const std::string& term, bool positions);

IndexView::IndexView(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
IndexView::~IndexView() = default;

bool IndexView::Impl::LoadAnalysis(uint32_t docno, Analysis* out) const {
  const DocMeta* d = state->Doc(docno);
  if (!d) return false;
  std::string value;
  return db->Get(Read(), analysis, d->id, &value).ok() && DecodeAnalysisRecord(value, out);
}

rocksdb::ReadOptions IndexView::Impl::Read() const {
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot.get();
  return ro;
}

const CollectionStats& IndexView::stats() const { return impl_->state->stats; }
uint32_t IndexView::max_docno() const { return impl_->state->max_docno; }
const DocMeta* IndexView::Doc(uint32_t docno) const { return impl_->state->Doc(docno); }
const EntityInfo* IndexView::Entity(uint32_t id) const { return impl_->state->Entity(id); }

std::optional<uint32_t> IndexView::EntityId(EntityType type, const std::string& key) const {
  auto it = impl_->state->entity_by_key.find(IndexState::EntityMapKey(type, key));
  if (it == impl_->state->entity_by_key.end()) return std::nullopt;
  return it->second;
}

void IndexView::ForEachEntity(const std::function<void(const EntityInfo&)>& fn) const {
  for (const EntityInfo& e : impl_->state->entities) {
    if (e.id != 0 && e.articles > 0) fn(e);
  }
}

std::string_view IndexView::SourceName(uint32_t source) const {
  const auto& names = impl_->state->source_names;
  return source < names.size() ? std::string_view(names[source]) : std::string_view();
}

uint32_t IndexView::EntityIdLimit() const {
  return static_cast<uint32_t>(impl_->state->entities.size());
}
uint32_t IndexView::SourceIdLimit() const {
  return static_cast<uint32_t>(impl_->state->source_names.size());
}

std::optional<uint32_t> IndexView::SourceId(std::string_view name) const {
  auto it = impl_->state->source_ids.find(std::string(name));
  if (it == impl_->state->source_ids.end()) return std::nullopt;
  return it->second;
}

// Every block of a term, merged into docno order (blocks of later groups may hold documents
// updated in place, with lower docnos).
std::vector<Posting> ReadTerm(const IndexView::Impl& v, const std::string& term, bool positions) {
  std::vector<Posting> out;
  const std::string prefix = TermPrefix(term);
  std::unique_ptr<rocksdb::Iterator> it(v.db->NewIterator(v.Read(), v.postings));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    if (it->key().size() != prefix.size() + 4) continue;
    DecodePostingBlock(View(it->value()), positions, &out);
  }
  if (!std::is_sorted(out.begin(), out.end(),
                      [](const Posting& a, const Posting& b) { return a.docno < b.docno; })) {
    std::sort(out.begin(), out.end(),
              [](const Posting& a, const Posting& b) { return a.docno < b.docno; });
  }
  return out;
}

std::vector<Posting> IndexView::TermPostings(std::string_view term, bool positions) const {
  return ReadTerm(*impl_, std::string(term), positions);
}

std::shared_ptr<const PostingList> IndexView::TermDocs(const std::string& term) const {
  PostingCache& cache = impl_->state->cache;
  {
    std::lock_guard lock(cache.mu);
    if (auto it = cache.lists.find(term); it != cache.lists.end()) return it->second;
  }
  auto list = std::make_shared<PostingList>();
  const std::vector<Posting> postings = ReadTerm(*impl_, term, false);
  list->docnos.reserve(postings.size());
  list->title_tf.reserve(postings.size());
  list->body_tf.reserve(postings.size());
  for (const Posting& p : postings) {
    list->docnos.push_back(p.docno);
    list->title_tf.push_back(p.title_tf);
    list->body_tf.push_back(p.body_tf);
  }
  if (list->size() >= PostingCache::kMinPostings) {
    std::lock_guard lock(cache.mu);
    while (cache.total + list->size() > cache.limit && !cache.lists.empty()) {
      cache.total -= cache.lists.begin()->second->size();
      cache.lists.erase(cache.lists.begin());
    }
    auto [slot, added] = cache.lists.emplace(term, list);
    if (added) cache.total += list->size();
    return slot->second;
  }
  return list;
}

std::vector<Posting> IndexView::TermPositions(const std::string& term,
                                              const std::vector<uint32_t>& docnos) const {
  std::vector<Posting> all = ReadTerm(*impl_, term, true);
  std::erase_if(all, [&](const Posting& p) {
    return !std::binary_search(docnos.begin(), docnos.end(), p.docno);
  });
  return all;
}

std::vector<uint32_t> IndexView::SourceDocs(std::string_view source) const {
  std::vector<uint32_t> out;
  std::string prefix(1, kSourcePrefix);
  prefix.append(source);
  prefix.push_back('\0');
  std::unique_ptr<rocksdb::Iterator> it(impl_->db->NewIterator(impl_->Read(), impl_->postings));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    const auto key = View(it->key());
    if (key.size() == prefix.size() + 4) out.push_back(GetBigEndian32(key.substr(prefix.size())));
  }
  return out;
}

std::vector<uint32_t> IndexView::DayDocs(int32_t first_day, int32_t last_day) const {
  std::vector<uint32_t> out;
  if (first_day > last_day) return out;
  std::string start(1, kDayPrefix), end(1, kDayPrefix);
  PutBigEndian32(start, BiasDay(first_day));
  PutBigEndian32(end, BiasDay(last_day) + 1);
  rocksdb::ReadOptions ro = impl_->Read();
  rocksdb::Slice upper(end);
  if (BiasDay(last_day) != 0xFFFFFFFFu) ro.iterate_upper_bound = &upper;
  std::unique_ptr<rocksdb::Iterator> it(impl_->db->NewIterator(ro, impl_->postings));
  for (it->Seek(start); it->Valid() && it->key().size() == 9 && it->key()[0] == kDayPrefix;
       it->Next()) {
    out.push_back(GetBigEndian32(View(it->key()).substr(5)));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::pair<uint32_t, uint32_t>> IndexView::EntityDocs(uint32_t entity) const {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  std::string prefix(1, kEntityPrefix);
  PutBigEndian32(prefix, entity);
  std::unique_ptr<rocksdb::Iterator> it(impl_->db->NewIterator(impl_->Read(), impl_->postings));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    const auto key = View(it->key());
    if (key.size() != 9) continue;
    std::string_view value = View(it->value());
    uint64_t mentions = 0;
    GetVarint(value, &mentions);
    out.emplace_back(GetBigEndian32(key.substr(5)), static_cast<uint32_t>(mentions));
  }
  return out;
}

Result<StoredArticle> IndexView::Article(uint32_t docno) const {
  const DocMeta* d = Doc(docno);
  if (!d) return NotFound("no document " + std::to_string(docno));
  std::string value;
  const auto s = impl_->db->Get(impl_->Read(), impl_->articles, d->id, &value);
  if (!s.ok())
    return Status(ErrorCode::kDataLoss, "article '" + d->id + "' is missing: " + s.ToString());
  StoredArticle a;
  if (!DecodeArticleRecord(value, &a))
    return Status(ErrorCode::kDataLoss, "article record is corrupt");
  return a;
}

// Figures and quotes are read from the document's analysis record, the one copy of them.
std::vector<StoredFigure> IndexView::Figures(uint32_t docno) const {
  std::vector<StoredFigure> out;
  Analysis a;
  if (!impl_->LoadAnalysis(docno, &a)) return out;
  for (size_t i = 0; i < a.figures.size() && i < 65535; ++i) {
    out.push_back(StoredFigure{docno, static_cast<uint16_t>(i), std::move(a.figures[i])});
  }
  return out;
}

std::vector<StoredQuote> IndexView::Quotes(uint32_t docno) const {
  std::vector<StoredQuote> out;
  Analysis a;
  if (!impl_->LoadAnalysis(docno, &a)) return out;
  for (size_t i = 0; i < a.quotes.size() && i < 65535; ++i) {
    out.push_back(StoredQuote{docno, static_cast<uint16_t>(i), std::move(a.quotes[i])});
  }
  return out;
}

std::string IndexView::ScanFiguresByValue(
    double min, double max, const std::string& after,
    const std::function<bool(const StoredFigure&)>& fn) const {
  std::string start = after.empty() ? FigureValueKey(min, 0, 0) : after;
  std::string last = after;
  std::unique_ptr<rocksdb::Iterator> it(impl_->db->NewIterator(impl_->Read(), impl_->figures));
  const uint64_t max_key = SortableDouble(max);
  uint32_t loaded_docno = 0;
  Analysis loaded;
  for (it->Seek(start); it->Valid() && it->key().size() == 15 && it->key()[0] == 'v'; it->Next()) {
    const auto key = View(it->key());
    if (!after.empty() && key == after) continue;
    if (GetBigEndian64(key.substr(1)) > max_key) break;
    StoredFigure f;
    f.docno = GetBigEndian32(key.substr(9));
    f.index =
        static_cast<uint16_t>((static_cast<uint8_t>(key[13]) << 8) | static_cast<uint8_t>(key[14]));
    if (f.docno != loaded_docno) {  // Consecutive figures of one document share one read.
      loaded_docno = f.docno;
      loaded = Analysis{};
      if (!impl_->LoadAnalysis(f.docno, &loaded)) loaded = Analysis{};
    }
    if (f.index >= loaded.figures.size()) continue;
    f.figure = loaded.figures[f.index];
    last.assign(key);
    if (!fn(f)) break;
  }
  return last;
}

std::vector<std::pair<uint32_t, uint16_t>> IndexView::QuotesBySpeakerWord(
    std::string_view word) const {
  std::vector<std::pair<uint32_t, uint16_t>> out;
  std::string prefix(1, 's');
  prefix.append(word);
  prefix.push_back('\0');
  std::unique_ptr<rocksdb::Iterator> it(impl_->db->NewIterator(impl_->Read(), impl_->quotes));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    const auto key = View(it->key());
    if (key.size() != prefix.size() + 6) continue;
    const auto rest = key.substr(prefix.size());
    out.emplace_back(GetBigEndian32(rest),
                     static_cast<uint16_t>((static_cast<uint8_t>(rest[4]) << 8) |
                                           static_cast<uint8_t>(rest[5])));
  }
  return out;
}

}  // namespace khabar::storage
