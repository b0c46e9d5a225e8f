#pragma once
// A consistent read view of the index for one query: the in-memory tables under a shared lock and
// the RocksDB snapshot published with them, so a query never sees half an article. Hold it only
// for the length of a query (it delays the writer's next publication).

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/status.h"
#include "storage/index_types.h"

namespace khabar::storage {

class IndexView {
 public:
  struct Impl;
  explicit IndexView(std::unique_ptr<Impl> impl);
  ~IndexView();

  const CollectionStats& stats() const;
  // The highest docno published so far: documents created later have higher docnos.
  uint32_t max_docno() const;
  const DocMeta* Doc(uint32_t docno) const;  // nullptr when not live.
  const EntityInfo* Entity(uint32_t id) const;
  std::optional<uint32_t> EntityId(EntityType type, const std::string& key) const;
  void ForEachEntity(const std::function<void(const EntityInfo&)>& fn) const;
  std::string_view SourceName(uint32_t source) const;
  // One past the highest entity id and source id (for dense per-id counters).
  uint32_t EntityIdLimit() const;
  uint32_t SourceIdLimit() const;
  std::optional<uint32_t> SourceId(std::string_view name) const;

  // Postings in ascending docno order; positions only when asked for.
  std::vector<Posting> TermPostings(std::string_view term, bool positions) const;
  // A term's postings without positions; shared and cached for frequent terms. Never null.
  std::shared_ptr<const PostingList> TermDocs(const std::string& term) const;
  // Positions of a term in the given documents (ascending), by point lookups; documents without
  // the term are left out.
  std::vector<Posting> TermPositions(const std::string& term,
                                     const std::vector<uint32_t>& docnos) const;
  std::vector<uint32_t> SourceDocs(std::string_view source) const;
  std::vector<uint32_t> DayDocs(int32_t first_day, int32_t last_day) const;
  std::vector<std::pair<uint32_t, uint32_t>> EntityDocs(
      uint32_t entity) const;  // (docno, mentions)

  Result<StoredArticle> Article(uint32_t docno) const;
  std::vector<StoredFigure> Figures(uint32_t docno) const;
  std::vector<StoredQuote> Quotes(uint32_t docno) const;

  // Figures with min <= value <= max in ascending value, starting after `after` (an opaque
  // position from a previous call, or empty); fn returns false to stop. Returns the position of
  // the last figure passed to fn.
  std::string ScanFiguresByValue(double min, double max, const std::string& after,
                                 const std::function<bool(const StoredFigure&)>& fn) const;
  // (docno, index) of the quotes whose speaker has the normalized word, ascending.
  std::vector<std::pair<uint32_t, uint16_t>> QuotesBySpeakerWord(std::string_view word) const;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace khabar::storage
