#include "query/search_cursor.h"

#include <bit>

#include "core/varint.h"
#include "query/cursor.h"

namespace khabar::query {
namespace {

uint64_t Fnv(uint64_t h, std::string_view s) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return (h ^ 0xFF) * 1099511628211ULL;
}

constexpr char kVersion = 1;

}  // namespace

std::string EncodeSearchCursor(const SearchCursor& c) {
  std::string b(1, kVersion);
  PutVarint(b, c.fingerprint);
  PutVarint(b, c.hwm);
  PutVarint(b, c.docs);
  PutVarint(b, c.title_terms);
  PutVarint(b, c.body_terms);
  PutVarint(b, c.df.size());
  for (const auto& [term, df] : c.df) {
    PutVarint(b, term.size());
    b += term;
    PutVarint(b, df);
  }
  b.push_back(c.has_last ? 1 : 0);
  PutVarint(b, std::bit_cast<uint64_t>(c.last_score));
  PutVarint(b, static_cast<uint64_t>(c.last_published_ms));
  PutVarint(b, c.last_docno);
  return EncodeCursor(b);
}

std::optional<SearchCursor> DecodeSearchCursor(const std::string& token) {
  auto bytes = DecodeCursor(token);
  if (!bytes || bytes->empty() || (*bytes)[0] != kVersion) return std::nullopt;
  std::string_view in(*bytes);
  in.remove_prefix(1);
  SearchCursor c;
  uint64_t hwm, n, v;
  if (!GetVarint(in, &c.fingerprint) || !GetVarint(in, &hwm) || !GetVarint(in, &c.docs) ||
      !GetVarint(in, &c.title_terms) || !GetVarint(in, &c.body_terms) || !GetVarint(in, &n) ||
      n > in.size()) {
    return std::nullopt;
  }
  c.hwm = static_cast<uint32_t>(hwm);
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t len, df;
    if (!GetVarint(in, &len) || len > in.size()) return std::nullopt;
    std::string term(in.substr(0, len));
    in.remove_prefix(len);
    if (!GetVarint(in, &df)) return std::nullopt;
    c.df[std::move(term)] = df;
  }
  if (in.empty()) return std::nullopt;
  c.has_last = in.front() == 1;
  in.remove_prefix(1);
  if (!GetVarint(in, &v)) return std::nullopt;
  c.last_score = std::bit_cast<double>(v);
  if (!GetVarint(in, &v)) return std::nullopt;
  c.last_published_ms = static_cast<int64_t>(v);
  if (!GetVarint(in, &v) || !in.empty()) return std::nullopt;
  c.last_docno = static_cast<uint32_t>(v);
  return c;
}

uint64_t RequestFingerprint(const SearchRequest& r) {
  uint64_t h = 1469598103934665603ULL;
  h = Fnv(h, r.q);
  for (const auto& s : r.sources) h = Fnv(h, s);
  h = Fnv(h, r.from_ms ? std::to_string(*r.from_ms) : "-");
  h = Fnv(h, r.to_ms ? std::to_string(*r.to_ms) : "-");
  h = Fnv(h, r.entity ? std::to_string(*r.entity) : "-");
  return h;
}

}  // namespace khabar::query
