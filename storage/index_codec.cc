#include "storage/index_codec.h"

#include <cstring>

#include "storage/encoding.h"

namespace khabar::storage {
namespace {

// Writes a varint at p, returning the byte after it.
char* WriteVarint(char* p, uint64_t v) {
  while (v >= 0x80) {
    *p++ = static_cast<char>(v | 0x80);
    v >>= 7;
  }
  *p++ = static_cast<char>(v);
  return p;
}

// Count then delta-coded positions. The writer encodes millions of these a second: grow the
// string once for the worst case and write through a pointer instead of a push_back per byte.
// Writes at p, which has room for 5 * (n + 1) bytes.
char* WritePositions(char* p, const uint32_t* v, size_t n) {
  p = WriteVarint(p, n);
  uint32_t prev = 0;
  for (size_t i = 0; i < n; ++i) {
    p = WriteVarint(p, v[i] - prev);
    prev = v[i];
  }
  return p;
}

void PutPositions(std::string& out, const std::vector<uint32_t>& v) {
  const size_t old = out.size();
  out.resize(old + 5 * (v.size() + 1));
  char* p = WritePositions(out.data() + old, v.data(), v.size());
  out.resize(static_cast<size_t>(p - out.data()));
}

bool GetPositions(std::string_view& in, uint16_t* count, std::vector<uint32_t>* out) {
  uint64_t n;
  if (!GetVarint(in, &n)) return false;
  *count = static_cast<uint16_t>(n > 65535 ? 65535 : n);
  uint32_t prev = 0;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t d;
    if (!GetVarint(in, &d)) return false;
    prev += static_cast<uint32_t>(d);
    if (out) out->push_back(prev);
  }
  return true;
}

}  // namespace

std::string EncodePostingBlock(const std::vector<Posting>& entries) {
  std::string out;
  out.reserve(8 + entries.size() * 8);
  PutVarint(out, entries.size());
  uint32_t prev = 0;
  for (const Posting& p : entries) {
    PutVarint(out, p.docno - prev);
    prev = p.docno;
    PutPositions(out, p.title_positions);
    PutPositions(out, p.body_positions);
  }
  return out;
}

std::string EncodePostingBlock(const std::vector<PostingRef>& entries) {
  size_t bound = 10;
  for (const PostingRef& p : entries) bound += 15 + 5 * (p.title_count + p.body_count);
  std::string out(bound, '\0');
  char* w = WriteVarint(out.data(), entries.size());
  uint32_t prev = 0;
  for (const PostingRef& p : entries) {
    w = WriteVarint(w, p.docno - prev);
    prev = p.docno;
    w = WritePositions(w, p.positions, p.title_count);
    w = WritePositions(w, p.positions + p.title_count, p.body_count);
  }
  out.resize(static_cast<size_t>(w - out.data()));
  return out;
}

bool DecodePostingBlock(std::string_view in, bool positions, std::vector<Posting>* out) {
  uint64_t n;
  if (!GetVarint(in, &n) || n > in.size()) return false;
  uint32_t docno = 0;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t delta;
    if (!GetVarint(in, &delta)) return false;
    docno += static_cast<uint32_t>(delta);
    Posting p;
    p.docno = docno;
    if (!GetPositions(in, &p.title_tf, positions ? &p.title_positions : nullptr) ||
        !GetPositions(in, &p.body_tf, positions ? &p.body_positions : nullptr)) {
      return false;
    }
    out->push_back(std::move(p));
  }
  return in.empty();
}

std::string EncodeDocMeta(const DocMeta& d, std::string_view source) {
  std::string out;
  PutString(out, d.id);
  PutVarint(out, ZigZag(d.published_ms));
  PutVarint(out, d.title_length);
  PutVarint(out, d.body_length);
  PutString(out, source);
  PutVarint(out, d.entities.size());
  for (uint32_t e : d.entities) PutVarint(out, e);
  return out;
}

bool DecodeDocMeta(std::string_view in, DocMeta* d, std::string* source) {
  uint64_t pub, tl, bl, n;
  if (!GetString(in, &d->id) || !GetVarint(in, &pub) || !GetVarint(in, &tl) ||
      !GetVarint(in, &bl) || !GetString(in, source) || !GetVarint(in, &n) || n > in.size()) {
    return false;
  }
  d->published_ms = UnZigZag(pub);
  d->day = static_cast<int32_t>(d->published_ms >= 0 ? d->published_ms / 86400000
                                                     : -((-d->published_ms + 86399999) / 86400000));
  d->title_length = static_cast<uint32_t>(tl);
  d->body_length = static_cast<uint32_t>(bl);
  d->entities.resize(n);
  for (auto& e : d->entities) {
    uint64_t v;
    if (!GetVarint(in, &v)) return false;
    e = static_cast<uint32_t>(v);
  }
  d->live = true;
  return in.empty();
}

std::string EncodeEntityInfo(const EntityInfo& e) {
  std::string out;
  PutVarint(out, e.id);
  out.push_back(static_cast<char>(e.type));
  PutString(out, e.canonical);
  PutString(out, e.key);
  PutVarint(out, e.mentions);
  PutVarint(out, e.articles);
  PutVarint(out, ZigZag(e.first_seen_ms));
  PutVarint(out, ZigZag(e.last_seen_ms));
  PutVarint(out, e.aliases.size());
  for (const auto& [s, n] : e.aliases) {
    PutString(out, s);
    PutVarint(out, n);
  }
  return out;
}

bool DecodeEntityInfo(std::string_view in, EntityInfo* e) {
  uint64_t id, first, last, n;
  uint8_t type;
  if (!GetVarint(in, &id) || !GetByte(in, &type) || !GetString(in, &e->canonical) ||
      !GetString(in, &e->key) || !GetVarint(in, &e->mentions) || !GetVarint(in, &e->articles) ||
      !GetVarint(in, &first) || !GetVarint(in, &last) || !GetVarint(in, &n) || n > in.size()) {
    return false;
  }
  e->id = static_cast<uint32_t>(id);
  e->type = static_cast<EntityType>(type);
  e->first_seen_ms = UnZigZag(first);
  e->last_seen_ms = UnZigZag(last);
  e->aliases.resize(n);
  for (auto& [s, c] : e->aliases) {
    if (!GetString(in, &s) || !GetVarint(in, &c)) return false;
  }
  return in.empty();
}

std::string EncodeFigure(const Figure& f) {
  std::string out;
  PutString(out, f.text);
  uint64_t bits;
  std::memcpy(&bits, &f.value, sizeof bits);
  PutBigEndian64(out, bits);
  PutString(out, f.unit);
  out.push_back(static_cast<char>(f.kind));
  PutString(out, f.currency);
  out.push_back(static_cast<char>(f.qualifier));
  PutSpan(out, f.span);
  return out;
}

bool DecodeFigure(std::string_view in, Figure* f) {
  if (!GetString(in, &f->text) || in.size() < 8) return false;
  const uint64_t bits = GetBigEndian64(in);
  in.remove_prefix(8);
  std::memcpy(&f->value, &bits, sizeof bits);
  uint8_t kind, qualifier;
  if (!GetString(in, &f->unit) || !GetByte(in, &kind) || !GetString(in, &f->currency) ||
      !GetByte(in, &qualifier) || !GetSpan(in, &f->span)) {
    return false;
  }
  f->kind = static_cast<FigureKind>(kind);
  f->qualifier = static_cast<Qualifier>(qualifier);
  return in.empty();
}

std::string EncodeQuote(const Quote& q) {
  std::string out;
  PutString(out, q.text);
  PutString(out, q.speaker);
  PutSpan(out, q.span);
  return out;
}

bool DecodeQuote(std::string_view in, Quote* q) {
  return GetString(in, &q->text) && GetString(in, &q->speaker) && GetSpan(in, &q->span) &&
         in.empty();
}

std::string EncodeStrings(const std::vector<std::string>& v) {
  std::string out;
  PutVarint(out, v.size());
  for (const auto& s : v) PutString(out, s);
  return out;
}

bool DecodeStrings(std::string_view in, std::vector<std::string>* v) {
  uint64_t n;
  if (!GetVarint(in, &n) || n > in.size()) return false;
  v->resize(n);
  for (auto& s : *v) {
    if (!GetString(in, &s)) return false;
  }
  return in.empty();
}

std::string EncodeForward(const ForwardRecord& f) {
  std::string out;
  PutVarint(out, f.block);
  PutVarint(out, f.terms.size());
  for (const auto& t : f.terms) PutString(out, t);
  PutVarint(out, f.figure_values.size());
  for (double v : f.figure_values) {
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    PutBigEndian64(out, bits);
  }
  PutVarint(out, f.speaker_words.size());
  for (const auto& words : f.speaker_words) {
    PutVarint(out, words.size());
    for (const auto& w : words) PutString(out, w);
  }
  PutVarint(out, f.entities.size());
  for (const auto& e : f.entities) {
    PutVarint(out, e.id);
    PutVarint(out, e.mentions);
    PutVarint(out, e.surfaces.size());
    for (const auto& [s, n] : e.surfaces) {
      PutString(out, s);
      PutVarint(out, n);
    }
  }
  return out;
}

bool DecodeForward(std::string_view in, ForwardRecord* f) {
  uint64_t n;
  if (!GetVarint(in, &n)) return false;
  f->block = static_cast<uint32_t>(n);
  if (!GetVarint(in, &n) || n > in.size()) return false;
  f->terms.resize(n);
  for (auto& t : f->terms) {
    if (!GetString(in, &t)) return false;
  }
  if (!GetVarint(in, &n) || n * 8 > in.size()) return false;
  f->figure_values.resize(n);
  for (auto& v : f->figure_values) {
    const uint64_t bits = GetBigEndian64(in);
    in.remove_prefix(8);
    std::memcpy(&v, &bits, sizeof bits);
  }
  if (!GetVarint(in, &n) || n > in.size()) return false;
  f->speaker_words.resize(n);
  for (auto& words : f->speaker_words) {
    uint64_t m;
    if (!GetVarint(in, &m) || m > in.size()) return false;
    words.resize(m);
    for (auto& w : words) {
      if (!GetString(in, &w)) return false;
    }
  }
  if (!GetVarint(in, &n) || n > in.size()) return false;
  f->entities.resize(n);
  for (auto& e : f->entities) {
    uint64_t id, mentions, m;
    if (!GetVarint(in, &id) || !GetVarint(in, &mentions) || !GetVarint(in, &m) || m > in.size()) {
      return false;
    }
    e.id = static_cast<uint32_t>(id);
    e.mentions = static_cast<uint32_t>(mentions);
    e.surfaces.resize(m);
    for (auto& [s, c] : e.surfaces) {
      uint64_t cnt;
      if (!GetString(in, &s) || !GetVarint(in, &cnt)) return false;
      c = static_cast<uint32_t>(cnt);
    }
  }
  return in.empty();
}

}  // namespace khabar::storage
