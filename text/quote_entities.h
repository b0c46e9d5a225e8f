#pragma once
// The entities of one field as the quote extractor reads them (text/quotes.cc): in text order,
// found by byte range in logarithmic time, with how often each name is mentioned, so that every
// speaker rule stays linear in the field's size however many entities it holds.

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/analysis.h"

namespace khabar::text {

// The name an entity is known by: its canonical form, else its text.
inline std::string EntityName(const Entity& e) {
  return e.canonical.empty() ? e.text : e.canonical;
}

class FieldEntities {
 public:
  FieldEntities() = default;
  // The entities of `all` that lie in `field`.
  FieldEntities(const std::vector<Entity>& all, Field field);

  bool empty() const { return ents_.empty(); }
  const Entity* operator[](size_t n) const { return ents_[n]; }

  // Indexes [lo, hi) of the entities starting in bytes [from, to), in text order.
  std::pair<size_t, size_t> Range(uint32_t from, uint32_t to) const;
  // The first person or organization overlapping bytes [from, to), or nullptr.
  const Entity* Over(uint32_t from, uint32_t to) const;
  // How many entities of the field share e's name.
  size_t Mentions(const Entity& e) const;

 private:
  std::vector<const Entity*> ents_;                    // By start.
  std::unordered_map<std::string, size_t> mentions_;  // Name -> mentions.
};

}  // namespace khabar::text
