#include "storage/new_postings.h"

namespace khabar::storage {

uint32_t NewPostings::Find(std::string_view term, size_t hash) const {
  const size_t mask = slots_.size() - 1;
  size_t slot = hash & mask;
  while (slots_[slot] != kNone) {
    const Term& t = terms_[slots_[slot]];
    if (t.hash == hash && t.text == term) break;
    slot = (slot + 1) & mask;
  }
  return static_cast<uint32_t>(slot);
}

void NewPostings::Grow() {
  std::vector<uint32_t> slots(slots_.empty() ? 1024 : slots_.size() * 2, kNone);
  const size_t mask = slots.size() - 1;
  for (uint32_t i = 0; i < terms_.size(); ++i) {
    size_t slot = terms_[i].hash & mask;
    while (slots[slot] != kNone) slot = (slot + 1) & mask;
    slots[slot] = i;
  }
  slots_ = std::move(slots);
}

void NewPostings::Add(std::string_view term, const PostingRef& posting) {
  if ((terms_.size() + 1) * 2 > slots_.size()) Grow();
  const size_t hash = std::hash<std::string_view>()(term);
  const uint32_t slot = Find(term, hash);
  const auto entry = static_cast<uint32_t>(entries_.size());
  entries_.push_back({posting, kNone, false});
  if (slots_[slot] == kNone) {
    slots_[slot] = static_cast<uint32_t>(terms_.size());
    terms_.push_back({term, hash, entry, entry});
    return;
  }
  Term& t = terms_[slots_[slot]];
  entries_[t.tail].next = entry;
  t.tail = entry;
}

void NewPostings::Remove(std::string_view term, uint32_t docno) {
  if (slots_.empty()) return;
  const uint32_t slot = Find(term, std::hash<std::string_view>()(term));
  if (slots_[slot] == kNone) return;
  for (uint32_t e = terms_[slots_[slot]].head; e != kNone; e = entries_[e].next) {
    if (entries_[e].posting.docno == docno) entries_[e].removed = true;
  }
}

}  // namespace khabar::storage
