#include "protocol/encode.h"

#include "core/time.h"

namespace khabar::protocol {
namespace {

void WriteSpan(JsonWriter& w, const Span& s) {
  w.Key("field").String(FieldName(s.field));
  w.Key("start").Uint(s.start);
  w.Key("end").Uint(s.end);
}

void WriteStrings(JsonWriter& w, const std::vector<std::string>& v) {
  w.BeginArray();
  for (const auto& s : v) w.String(s);
  w.EndArray();
}

}  // namespace

void WriteAnalysisFields(JsonWriter& w, const Analysis& a) {
  w.Key("entities").BeginArray();
  for (const auto& e : a.entities) {
    w.BeginObject();
    w.Key("type").String(EntityTypeName(e.type));
    w.Key("text").String(e.text);
    w.Key("canonical").String(e.canonical);
    WriteSpan(w, e.span);
    w.EndObject();
  }
  w.EndArray();
  w.Key("figures").BeginArray();
  for (const auto& f : a.figures) {
    w.BeginObject();
    w.Key("text").String(f.text);
    w.Key("value").Double(f.value);
    w.Key("unit").StringOrNull(f.unit);
    w.Key("kind").String(FigureKindName(f.kind));
    w.Key("currency").StringOrNull(f.currency);
    w.Key("qualifier").String(QualifierName(f.qualifier));
    WriteSpan(w, f.span);
    w.EndObject();
  }
  w.EndArray();
  w.Key("dates").BeginArray();
  for (const auto& d : a.dates) {
    w.BeginObject();
    w.Key("text").String(d.text);
    w.Key("value").StringOrNull(d.value);
    if (!d.type.empty()) w.Key("type").String(d.type);
    w.Key("calendar").String(CalendarName(d.calendar));
    if (!d.hijri.empty()) w.Key("hijri").String(d.hijri);
    WriteSpan(w, d.span);
    w.EndObject();
  }
  w.EndArray();
  w.Key("quotes").BeginArray();
  for (const auto& q : a.quotes) {
    w.BeginObject();
    w.Key("text").String(q.text);
    w.Key("speaker").StringOrNull(q.speaker);
    WriteSpan(w, q.span);
    w.EndObject();
  }
  w.EndArray();
}

void WriteArticleFields(JsonWriter& w, const Article& a) {
  w.Key("id").String(a.id);
  w.Key("title").String(a.title);
  w.Key("body").String(a.body);
  w.Key("published_at").String(a.published_at);
  if (!a.source.empty()) w.Key("source").String(a.source);
  if (!a.url.empty()) w.Key("url").String(a.url);
  if (!a.authors.empty()) WriteStrings(w.Key("authors"), a.authors);
  if (!a.section.empty()) w.Key("section").String(a.section);
  if (!a.tags.empty()) WriteStrings(w.Key("tags"), a.tags);
  w.Key("language").String(a.language);
}

std::string EncodeAnalysis(std::string_view id, bool has_id, const Analysis& a) {
  JsonWriter w;
  w.BeginObject();
  w.Key("id");
  if (has_id) {
    w.String(id);
  } else {
    w.Null();
  }
  WriteAnalysisFields(w, a);
  w.EndObject();
  return w.Take();
}

std::string EncodeStoredArticle(const StoredArticle& s, const Analysis& a) {
  JsonWriter w;
  w.BeginObject();
  WriteArticleFields(w, s.article);
  w.Key("version").Uint(s.version);
  w.Key("ingested_at").String(FormatTimestamp(s.ingested_at_ms));
  w.Key("analysis").BeginObject();
  WriteAnalysisFields(w, a);
  w.EndObject();
  w.EndObject();
  return w.Take();
}

std::string EncodeReceipt(const Receipt& r) {
  JsonWriter w;
  w.BeginObject();
  w.Key("id").String(r.id);
  w.Key("version").Uint(r.version);
  w.Key("result").String(WriteResultName(r.result));
  w.EndObject();
  return w.Take();
}

void WriteErrorObject(JsonWriter& w, const Status& s) {
  w.BeginObject();
  w.Key("code").String(s.reason());
  w.Key("message").String(s.message());
  w.Key("field").StringOrNull(s.field());
  w.EndObject();
}

std::string EncodeError(const Status& s) {
  JsonWriter w;
  w.BeginObject();
  w.Key("error");
  WriteErrorObject(w, s);
  w.EndObject();
  return w.Take();
}

}  // namespace khabar::protocol
