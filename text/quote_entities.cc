#include "text/quote_entities.h"

#include <algorithm>

namespace khabar::text {

FieldEntities::FieldEntities(const std::vector<Entity>& all, Field field) {
  for (const Entity& e : all) {
    if (e.span.field != field) continue;
    ents_.push_back(&e);
    ++mentions_[EntityName(e)];
  }
  std::stable_sort(ents_.begin(), ents_.end(), [](const Entity* a, const Entity* b) {
    return a->span.start < b->span.start;
  });
}

std::pair<size_t, size_t> FieldEntities::Range(uint32_t from, uint32_t to) const {
  auto lo = std::lower_bound(ents_.begin(), ents_.end(), from,
                             [](const Entity* e, uint32_t v) { return e->span.start < v; });
  auto hi = std::lower_bound(lo, ents_.end(), to,
                             [](const Entity* e, uint32_t v) { return e->span.start < v; });
  return {static_cast<size_t>(lo - ents_.begin()), static_cast<size_t>(hi - ents_.begin())};
}

const Entity* FieldEntities::Over(uint32_t from, uint32_t to) const {
  // Names are short: one that overlaps [from, to) starts at most 1 KiB before it.
  const auto [lo, hi] = Range(from > 1024 ? from - 1024 : 0, to);
  for (size_t n = lo; n < hi; ++n) {
    const Entity& e = *ents_[n];
    if (from < e.span.end &&
        (e.type == EntityType::kPerson || e.type == EntityType::kOrganization)) {
      return &e;
    }
  }
  return nullptr;
}

size_t FieldEntities::Mentions(const Entity& e) const {
  const auto it = mentions_.find(EntityName(e));
  return it == mentions_.end() ? 0 : it->second;
}

}  // namespace khabar::text
