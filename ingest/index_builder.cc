#include "ingest/index_builder.h"

#include <algorithm>
#include <map>

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

IndexDoc BuildIndexDoc(const text::TermAnalyzer& analyzer, const Article& article,
                       const Analysis& analysis) {
  IndexDoc doc;
  std::vector<text::Term> title, body;
  analyzer.Terms(article.title, &title);
  analyzer.Terms(article.body, &body);
  doc.title_length = static_cast<uint32_t>(title.size());
  doc.body_length = static_cast<uint32_t>(body.size());
  // Group occurrences by term: sort references (term, field, position) rather than building a
  // node-based map, which costs an allocation per distinct term.
  struct Occurrence {
    const std::string* term;
    bool in_body;
    uint32_t position;
  };
  std::vector<Occurrence> all;
  all.reserve(title.size() + body.size());
  for (const auto& t : title) all.push_back({&t.text, false, t.position});
  for (const auto& t : body) all.push_back({&t.text, true, t.position});
  std::sort(all.begin(), all.end(), [](const Occurrence& a, const Occurrence& b) {
    if (const int c = a.term->compare(*b.term); c != 0) return c < 0;
    if (a.in_body != b.in_body) return !a.in_body;
    return a.position < b.position;
  });
  for (size_t i = 0; i < all.size(); ++i) {
    if (i == 0 || *all[i].term != *all[i - 1].term) {
      doc.terms.emplace_back();
      doc.terms.back().term = *all[i].term;
    }
    (all[i].in_body ? doc.terms.back().body : doc.terms.back().title).push_back(all[i].position);
  }
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
  return doc;
}

}  // namespace khabar::ingest
