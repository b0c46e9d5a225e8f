#include "ingest/index_builder.h"

#include <algorithm>
#include <functional>
#include <map>
#include <string_view>

#include "core/time.h"
#include "text/normalize.h"

namespace khabar::ingest {
namespace {

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  const std::string n = text::Normalize(s);
  size_t i = 0;
  while (i < n.size()) {
    while (i < n.size() && n[i] == ' ') ++i;
    const size_t j = n.find(' ', i);
    const size_t end = j == std::string::npos ? n.size() : j;
    if (end > i) out.push_back(n.substr(i, end - i));
    i = end;
  }
  return out;
}

}  // namespace

std::string EntityKey(std::string_view canonical) {
  std::string key;
  for (const auto& w : Words(canonical)) {
    if (!key.empty()) key.push_back(' ');
    key += w;
  }
  return key;
}

void AddTerms(const text::TermAnalyzer& analyzer, const text::FoldedTokens& title,
              const text::FoldedTokens& body, IndexDoc* out) {
  IndexDoc& doc = *out;
  // Gather every occurrence, title first, each field in position order (terms are views into
  // the tokens' normalized keys); then group occurrences by term through an open-addressing
  // table, which keeps each group in that order and costs no allocation per word or per term.
  struct Occurrence {
    std::string_view term;
    uint32_t position;
    uint32_t group;
  };
  std::vector<Occurrence> all;
  all.reserve(title.size() + body.size());
  auto collect = [&](const text::FoldedTokens& text) {
    uint32_t n = 0;
    analyzer.ForEachTerm(text, [&](std::string_view term, uint32_t position, uint32_t, uint32_t) {
      all.push_back({term, position, 0});
      ++n;
    });
    return n;
  };
  doc.title_length = collect(title);
  doc.body_length = collect(body);
  const size_t title_end = doc.title_length;

  struct Group {
    uint32_t first_occurrence;
    uint32_t title_count = 0, body_count = 0;
  };
  std::vector<Group> groups;
  size_t capacity = 16;
  while (capacity < all.size() * 2) capacity *= 2;
  std::vector<uint32_t> slots(capacity, UINT32_MAX);
  const std::hash<std::string_view> hash;
  for (size_t i = 0; i < all.size(); ++i) {
    const std::string_view term = all[i].term;
    size_t slot = hash(term) & (capacity - 1);
    while (slots[slot] != UINT32_MAX &&
           all[groups[slots[slot]].first_occurrence].term != term) {
      slot = (slot + 1) & (capacity - 1);
    }
    if (slots[slot] == UINT32_MAX) {
      slots[slot] = static_cast<uint32_t>(groups.size());
      groups.push_back({static_cast<uint32_t>(i)});
    }
    Group& g = groups[slots[slot]];
    all[i].group = slots[slot];
    (i < title_end ? g.title_count : g.body_count)++;
  }
  // Lay the runs out in order of first occurrence: next[g] is where group g's next position
  // goes. The writer orders a whole group's terms itself (storage/new_postings.h).
  std::vector<uint32_t> next(groups.size());
  doc.terms.resize(groups.size());
  uint32_t at = 0;
  for (size_t k = 0; k < groups.size(); ++k) {
    const Group& g = groups[k];
    TermPositions& t = doc.terms[k];
    t.term = all[g.first_occurrence].term;
    t.first = at;
    t.title_count = g.title_count;
    t.body_count = g.body_count;
    next[k] = at;
    at += g.title_count + g.body_count;
  }
  doc.positions.resize(at);
  for (const Occurrence& o : all) doc.positions[next[o.group]++] = o.position;
}

void AddAnalysis(const Article& article, const Analysis& analysis, IndexDoc* out) {
  IndexDoc& doc = *out;
  doc.published_ms = ParseTimestamp(article.published_at).value_or(0);

  std::map<std::pair<int, std::string>, EntityRef> entities;
  for (const Entity& e : analysis.entities) {
    const std::string key = EntityKey(e.canonical.empty() ? e.text : e.canonical);
    if (key.empty()) continue;
    EntityRef& ref = entities[{static_cast<int>(e.type), key}];
    ref.type = e.type;
    ref.key = key;
    if (ref.canonical.empty()) ref.canonical = e.canonical.empty() ? e.text : e.canonical;
    ++ref.mentions;
    auto it = std::find_if(ref.surfaces.begin(), ref.surfaces.end(),
                           [&](const auto& s) { return s.first == e.text; });
    if (it == ref.surfaces.end()) {
      ref.surfaces.emplace_back(e.text, 1);
    } else {
      ++it->second;
    }
  }
  for (auto& [k, ref] : entities) doc.entities.push_back(std::move(ref));
  for (const Quote& q : analysis.quotes) doc.quote_speaker_words.push_back(Words(q.speaker));
}

}  // namespace khabar::ingest
