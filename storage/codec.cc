#include "storage/codec.h"

#include "storage/encoding.h"
#include "storage/index_codec.h"

namespace khabar::storage {
namespace {

constexpr char kArticleFormat = 1;
constexpr char kAnalysisFormat = 1;

void PutStrings(std::string& out, const std::vector<std::string>& v) {
  PutVarint(out, v.size());
  for (const auto& s : v) PutString(out, s);
}

bool GetStrings(std::string_view& in, std::vector<std::string>* v) {
  uint64_t n;
  if (!GetVarint(in, &n) || n > in.size()) return false;
  v->resize(n);
  for (auto& s : *v) {
    if (!GetString(in, &s)) return false;
  }
  return true;
}

}  // namespace

std::string EncodeArticleRecord(const StoredArticle& s) {
  const Article& a = s.article;
  std::string out;
  out.reserve(64 + a.title.size() + a.body.size());
  out.push_back(kArticleFormat);
  PutVarint(out, s.version);
  PutVarint(out, ZigZag(s.ingested_at_ms));
  PutVarint(out, s.docno);
  for (const std::string* f :
       {&a.id, &a.title, &a.body, &a.published_at, &a.source, &a.url, &a.section, &a.language}) {
    PutString(out, *f);
  }
  PutStrings(out, a.authors);
  PutStrings(out, a.tags);
  return out;
}

bool DecodeArticleRecord(std::string_view in, StoredArticle* s) {
  if (in.empty() || in.front() != kArticleFormat) return false;
  in.remove_prefix(1);
  uint64_t version, ingested, docno;
  if (!GetVarint(in, &version) || !GetVarint(in, &ingested) || !GetVarint(in, &docno)) return false;
  s->version = version;
  s->ingested_at_ms = UnZigZag(ingested);
  s->docno = static_cast<uint32_t>(docno);
  Article& a = s->article;
  for (std::string* f :
       {&a.id, &a.title, &a.body, &a.published_at, &a.source, &a.url, &a.section, &a.language}) {
    if (!GetString(in, f)) return false;
  }
  return GetStrings(in, &a.authors) && GetStrings(in, &a.tags) && in.empty();
}

std::string EncodeAnalysisRecord(const Analysis& a) {
  std::string out;
  out.push_back(kAnalysisFormat);
  PutVarint(out, a.entities.size());
  for (const auto& e : a.entities) {
    out.push_back(static_cast<char>(e.type));
    PutString(out, e.text);
    PutString(out, e.canonical);
    PutSpan(out, e.span);
  }
  PutVarint(out, a.figures.size());
  for (const auto& f : a.figures) PutString(out, EncodeFigure(f));
  PutVarint(out, a.dates.size());
  for (const auto& d : a.dates) {
    PutString(out, d.text);
    PutString(out, d.value);
    PutString(out, d.type);
    out.push_back(static_cast<char>(d.calendar));
    PutString(out, d.hijri);
    PutSpan(out, d.span);
  }
  PutVarint(out, a.quotes.size());
  for (const auto& q : a.quotes) PutString(out, EncodeQuote(q));
  return out;
}

bool DecodeAnalysisRecord(std::string_view in, Analysis* a) {
  if (in.empty() || in.front() != kAnalysisFormat) return false;
  in.remove_prefix(1);
  uint64_t n;
  uint8_t b;
  if (!GetVarint(in, &n) || n > in.size()) return false;
  a->entities.resize(n);
  for (auto& e : a->entities) {
    if (!GetByte(in, &b) || !GetString(in, &e.text) || !GetString(in, &e.canonical) ||
        !GetSpan(in, &e.span)) {
      return false;
    }
    e.type = static_cast<EntityType>(b);
  }
  if (!GetVarint(in, &n) || n > in.size()) return false;
  a->figures.resize(n);
  std::string item;
  for (auto& f : a->figures) {
    if (!GetString(in, &item) || !DecodeFigure(item, &f)) return false;
  }
  if (!GetVarint(in, &n) || n > in.size()) return false;
  a->dates.resize(n);
  for (auto& d : a->dates) {
    if (!GetString(in, &d.text) || !GetString(in, &d.value) || !GetString(in, &d.type) ||
        !GetByte(in, &b) || !GetString(in, &d.hijri) || !GetSpan(in, &d.span)) {
      return false;
    }
    d.calendar = static_cast<Calendar>(b);
  }
  if (!GetVarint(in, &n) || n > in.size()) return false;
  a->quotes.resize(n);
  for (auto& q : a->quotes) {
    if (!GetString(in, &item) || !DecodeQuote(item, &q)) return false;
  }
  return in.empty();
}

}  // namespace khabar::storage
