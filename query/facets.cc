#include "query/facets.h"

#include <algorithm>
#include <map>

#include "core/time.h"

namespace khabar::query {
namespace {

std::vector<FacetValue> Sources(const storage::IndexView& view, const std::vector<uint32_t>& docs) {
  std::vector<uint64_t> counts(view.SourceIdLimit(), 0);
  for (uint32_t d : docs) ++counts[view.Doc(d)->source];
  std::vector<FacetValue> out;
  for (uint32_t s = 0; s < counts.size(); ++s) {
    if (counts[s]) out.push_back({std::string(view.SourceName(s)), counts[s]});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
  return out;
}

std::vector<FacetValue> Days(const storage::IndexView& view, const std::vector<uint32_t>& docs) {
  std::map<int32_t, uint64_t> counts;
  for (uint32_t d : docs) ++counts[view.Doc(d)->day];
  std::vector<FacetValue> out;
  for (const auto& [day, n] : counts) out.push_back({FormatDate(CivilFromDays(day)), n});
  return out;
}

}  // namespace

std::vector<std::pair<std::string, std::vector<FacetValue>>> ComputeFacets(
    const storage::IndexView& view, const std::vector<uint32_t>& docs,
    const std::vector<std::string>& facets, size_t top) {
  // One pass over the documents' entities serves every entity facet: dense counters by id.
  std::vector<uint32_t> counts;
  std::vector<uint32_t> touched;
  const bool entity_facets = std::any_of(facets.begin(), facets.end(), [](const std::string& f) {
    return f == "people" || f == "organizations" || f == "places";
  });
  if (entity_facets) {
    counts.assign(view.EntityIdLimit(), 0);
    for (uint32_t d : docs) {
      for (uint32_t e : view.Doc(d)->entities) {
        if (e < counts.size() && counts[e]++ == 0) touched.push_back(e);
      }
    }
  }
  std::vector<std::pair<std::string, std::vector<FacetValue>>> out;
  for (const std::string& facet : facets) {
    if (facet == "source") {
      out.emplace_back(facet, Sources(view, docs));
      continue;
    }
    if (facet == "day") {
      out.emplace_back(facet, Days(view, docs));
      continue;
    }
    const EntityType type = facet == "people"          ? EntityType::kPerson
                            : facet == "organizations" ? EntityType::kOrganization
                                                       : EntityType::kPlace;
    std::vector<std::pair<uint32_t, uint32_t>> ranked;  // (count, id)
    for (uint32_t e : touched) {
      const storage::EntityInfo* info = view.Entity(e);
      if (info && info->type == type) ranked.emplace_back(counts[e], e);
    }
    const size_t keep = std::min(top, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<ptrdiff_t>(keep), ranked.end(),
                      [](const auto& a, const auto& b) {
                        return a.first != b.first ? a.first > b.first : a.second < b.second;
                      });
    std::vector<FacetValue> values;
    for (size_t i = 0; i < keep; ++i)
      values.push_back({view.Entity(ranked[i].second)->canonical, ranked[i].first});
    out.emplace_back(facet, std::move(values));
  }
  return out;
}

}  // namespace khabar::query
