#pragma once
// Facet counts over a matching set: sources, days, and the top people, organizations and places.

#include <string>
#include <utility>
#include <vector>

#include "query/search.h"
#include "storage/index_view.h"

namespace khabar::query {

// facets names any of: source (most articles first), day (in date order), people, organizations,
// places (the top `top` of each, most articles first). docs are live docnos.
std::vector<std::pair<std::string, std::vector<FacetValue>>> ComputeFacets(
    const storage::IndexView& view, const std::vector<uint32_t>& docs,
    const std::vector<std::string>& facets, size_t top);

}  // namespace khabar::query
