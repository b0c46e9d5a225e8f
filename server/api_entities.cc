// Entity, figure and quote handlers: parse and check parameters on the I/O thread, query one
// index view on the CPU pool, encode JSON.

#include "server/api_entities.h"

#include <charconv>
#include <cmath>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "core/time.h"
#include "protocol/json_writer.h"
#include "query/entities.h"
#include "query/figures.h"
#include "query/quotes.h"
#include "server/http_status.h"
#include "server/request_util.h"

namespace khabar::server {
namespace {

using protocol::JsonWriter;

constexpr size_t kDefaultLimit = 20;
constexpr size_t kMaxLimit = 1000;

Status Invalid(std::string field, std::string message) {
  return InvalidArgument(std::move(message), std::move(field), "invalid_parameter");
}

// The query parameters, each one the route knows.
Result<QueryParams> Params(const HttpRequest& req, std::initializer_list<std::string_view> known) {
  auto params = Query(req);
  if (!params.ok()) return params.status();
  if (Status s = CheckParams(*params, known); !s.ok()) return s;
  return params;
}

// The value of a parameter (the last one when repeated), or nullopt when absent.
std::optional<std::string_view> Param(const QueryParams& params, std::string_view name) {
  std::optional<std::string_view> value;
  for (const auto& [k, v] : params) {
    if (k == name) value = v;
  }
  return value;
}

std::string ParamOr(const QueryParams& params, std::string_view name) {
  return std::string(Param(params, name).value_or(""));
}

Result<size_t> Limit(const QueryParams& params) {
  const auto v = Param(params, "limit");
  if (!v) return kDefaultLimit;
  size_t n = 0;
  const auto r = std::from_chars(v->data(), v->data() + v->size(), n);
  if (v->empty() || r.ec != std::errc() || r.ptr != v->data() + v->size() || n < 1 ||
      n > kMaxLimit) {
    return Invalid("limit", "limit must be an integer from 1 to " + std::to_string(kMaxLimit));
  }
  return n;
}

Result<std::optional<double>> Number(const QueryParams& params, const char* name) {
  const auto v = Param(params, name);
  if (!v) return std::optional<double>();
  double x = 0;
  const auto r = std::from_chars(v->data(), v->data() + v->size(), x);
  if (v->empty() || r.ec != std::errc() || r.ptr != v->data() + v->size() || !std::isfinite(x)) {
    return Invalid(name, std::string(name) + " must be a number");
  }
  return std::optional<double>(x);
}

std::optional<uint32_t> ParseId(std::string_view s) {
  uint32_t id = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), id);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size() || id == 0)
    return std::nullopt;
  return id;
}

// The {id} of an entity route; an id that cannot name an entity is simply not found.
Result<uint32_t> PathEntityId(const HttpRequest& req) {
  const std::string_view s = req.PathParam("id");
  if (auto id = ParseId(s)) return *id;
  return NotFound("no entity '" + std::string(s) + "'");
}

std::string DateOf(int64_t ms) {
  const int64_t day = ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
  return FormatDate(CivilFromDays(day));
}

void WriteSummary(JsonWriter& w, const query::EntitySummary& e) {
  w.Key("id").Uint(e.id);
  w.Key("canonical").String(e.canonical);
  w.Key("type").String(EntityTypeName(e.type));
  w.Key("mentions").Uint(e.mentions);
  w.Key("articles").Uint(e.articles);
}

std::string EncodeEntityList(const std::vector<query::EntitySummary>& list) {
  JsonWriter w;
  w.BeginObject().Key("entities").BeginArray();
  for (const auto& e : list) {
    w.BeginObject();
    WriteSummary(w, e);
    w.EndObject();
  }
  w.EndArray().EndObject();
  return w.Take();
}

std::string EncodeEntity(const query::EntityDetail& d) {
  JsonWriter w;
  w.BeginObject();
  w.Key("id").Uint(d.summary.id);
  w.Key("canonical").String(d.summary.canonical);
  w.Key("type").String(EntityTypeName(d.summary.type));
  w.Key("aliases").BeginArray();
  for (const auto& [text, count] : d.aliases) {
    w.BeginObject().Key("text").String(text).Key("count").Uint(count).EndObject();
  }
  w.EndArray();
  w.Key("mentions").Uint(d.summary.mentions);
  w.Key("articles").Uint(d.summary.articles);
  w.Key("first_seen").String(DateOf(d.first_seen_ms));
  w.Key("last_seen").String(DateOf(d.last_seen_ms));
  w.EndObject();
  return w.Take();
}

std::string EncodeArticles(const query::ArticlePage& page) {
  JsonWriter w;
  w.BeginObject().Key("articles").BeginArray();
  for (const auto& a : page.articles) {
    w.BeginObject();
    w.Key("id").String(a.id);
    w.Key("title").String(a.title);
    w.Key("published_at").String(a.published_at);
    w.EndObject();
  }
  w.EndArray();
  w.Key("next_cursor").StringOrNull(page.next_cursor);
  w.EndObject();
  return w.Take();
}

std::string EncodeTimeline(const std::vector<query::TimelineBucket>& buckets) {
  JsonWriter w;
  w.BeginObject().Key("timeline").BeginArray();
  for (const auto& b : buckets) {
    w.BeginObject().Key("period").String(b.period).Key("articles").Uint(b.articles).EndObject();
  }
  w.EndArray().EndObject();
  return w.Take();
}

std::string EncodeRelated(const std::vector<query::RelatedEntity>& related) {
  JsonWriter w;
  w.BeginObject().Key("entities").BeginArray();
  for (const auto& r : related) {
    w.BeginObject();
    w.Key("id").Uint(r.entity.id);
    w.Key("canonical").String(r.entity.canonical);
    w.Key("type").String(EntityTypeName(r.entity.type));
    w.Key("count").Uint(r.count);
    w.EndObject();
  }
  w.EndArray().EndObject();
  return w.Take();
}

std::string EncodeFigures(const query::FigurePage& page) {
  JsonWriter w;
  w.BeginObject().Key("figures").BeginArray();
  for (const auto& h : page.figures) {
    const Figure& f = h.figure;
    w.BeginObject();
    w.Key("value").Double(f.value);
    w.Key("unit").StringOrNull(f.unit);
    w.Key("kind").String(FigureKindName(f.kind));
    w.Key("currency").StringOrNull(f.currency);
    w.Key("qualifier").String(QualifierName(f.qualifier));
    w.Key("text").String(f.text);
    w.Key("article_id").String(h.article_id);
    w.Key("published_at").String(h.published_at);
    w.Key("context").String(h.context);
    w.EndObject();
  }
  w.EndArray();
  w.Key("next_cursor").StringOrNull(page.next_cursor);
  w.EndObject();
  return w.Take();
}

std::string EncodeQuotes(const query::QuotePage& page) {
  JsonWriter w;
  w.BeginObject().Key("quotes").BeginArray();
  for (const auto& h : page.quotes) {
    w.BeginObject();
    w.Key("text").String(h.quote.text);
    w.Key("speaker").StringOrNull(h.quote.speaker);
    w.Key("article_id").String(h.article_id);
    w.Key("published_at").String(h.published_at);
    w.Key("context").String(h.context);
    w.EndObject();
  }
  w.EndArray();
  w.Key("next_cursor").StringOrNull(page.next_cursor);
  w.EndObject();
  return w.Take();
}

}  // namespace

EntityApi::EntityApi(storage::Store& store, std::shared_ptr<const text::TermAnalyzer> terms,
                     TaskPool& cpu)
    : store_(store), terms_(std::move(terms)), cpu_(cpu) {}

void EntityApi::Register(Router& r) {
  auto bind = [this](void (EntityApi::*f)(HttpRequest&, Responder)) {
    return [this, f](HttpRequest& req, Responder respond) { (this->*f)(req, std::move(respond)); };
  };
  r.Add("GET", "/v1/entities", bind(&EntityApi::ListEntities));
  r.Add("GET", "/v1/entities/{id}", bind(&EntityApi::GetEntity));
  r.Add("GET", "/v1/entities/{id}/articles", bind(&EntityApi::EntityArticles));
  r.Add("GET", "/v1/entities/{id}/timeline", bind(&EntityApi::EntityTimeline));
  r.Add("GET", "/v1/entities/{id}/related", bind(&EntityApi::RelatedEntities));
  r.Add("GET", "/v1/figures", bind(&EntityApi::Figures));
  r.Add("GET", "/v1/quotes", bind(&EntityApi::Quotes));
}

void EntityApi::Run(Responder respond, Work work) {
  // The task holds what it needs by value (the store outlives the pool), not this.
  cpu_.Post([store = &store_, respond = std::move(respond), work = std::move(work)] {
    Result<std::string> body = [&] {
      const std::unique_ptr<storage::IndexView> view = store->View();
      return work(*view);
    }();  // The view is released before the response goes out.
    respond(body.ok() ? JsonResponse(std::move(*body)) : ErrorResponse(body.status()));
  });
}

void EntityApi::ListEntities(HttpRequest& req, Responder respond) {
  auto params = Params(req, {"prefix", "type", "limit"});
  if (!params.ok()) return respond(ErrorResponse(params.status()));
  query::EntityListQuery q;
  q.prefix = ParamOr(*params, "prefix");
  if (auto type = Param(*params, "type")) {
    q.type = query::ParseEntityType(*type);
    if (!q.type)
      return respond(ErrorResponse(Invalid("type", "type must be person, organization or place")));
  }
  auto limit = Limit(*params);
  if (!limit.ok()) return respond(ErrorResponse(limit.status()));
  q.limit = *limit;
  Run(std::move(respond), [q](const storage::IndexView& view) -> Result<std::string> {
    return EncodeEntityList(query::ListEntities(view, q));
  });
}

void EntityApi::GetEntity(HttpRequest& req, Responder respond) {
  auto params = Params(req, {});
  if (!params.ok()) return respond(ErrorResponse(params.status()));
  auto id = PathEntityId(req);
  if (!id.ok()) return respond(ErrorResponse(id.status()));
  Run(std::move(respond), [id = *id](const storage::IndexView& view) -> Result<std::string> {
    auto d = query::GetEntity(view, id);
    if (!d.ok()) return d.status();
    return EncodeEntity(*d);
  });
}

void EntityApi::EntityArticles(HttpRequest& req, Responder respond) {
  auto params = Params(req, {"cursor", "limit"});
  if (!params.ok()) return respond(ErrorResponse(params.status()));
  auto id = PathEntityId(req);
  if (!id.ok()) return respond(ErrorResponse(id.status()));
  auto limit = Limit(*params);
  if (!limit.ok()) return respond(ErrorResponse(limit.status()));
  Run(std::move(respond),
      [id = *id, limit = *limit,
       cursor = ParamOr(*params, "cursor")](const storage::IndexView& view) -> Result<std::string> {
        auto page = query::EntityArticles(view, id, cursor, limit);
        if (!page.ok()) return page.status();
        return EncodeArticles(*page);
      });
}

void EntityApi::EntityTimeline(HttpRequest& req, Responder respond) {
  auto params = Params(req, {"interval"});
  if (!params.ok()) return respond(ErrorResponse(params.status()));
  auto id = PathEntityId(req);
  if (!id.ok()) return respond(ErrorResponse(id.status()));
  const auto interval = query::ParseInterval(Param(*params, "interval").value_or("day"));
  if (!interval)
    return respond(ErrorResponse(Invalid("interval", "interval must be day, week or month")));
  Run(std::move(respond),
      [id = *id, interval = *interval](const storage::IndexView& view) -> Result<std::string> {
        auto timeline = query::EntityTimeline(view, id, interval);
        if (!timeline.ok()) return timeline.status();
        return EncodeTimeline(*timeline);
      });
}

void EntityApi::RelatedEntities(HttpRequest& req, Responder respond) {
  auto params = Params(req, {"limit"});
  if (!params.ok()) return respond(ErrorResponse(params.status()));
  auto id = PathEntityId(req);
  if (!id.ok()) return respond(ErrorResponse(id.status()));
  auto limit = Limit(*params);
  if (!limit.ok()) return respond(ErrorResponse(limit.status()));
  Run(std::move(respond),
      [id = *id, limit = *limit](const storage::IndexView& view) -> Result<std::string> {
        auto related = query::RelatedEntities(view, id, limit);
        if (!related.ok()) return related.status();
        return EncodeRelated(*related);
      });
}

void EntityApi::Figures(HttpRequest& req, Responder respond) {
  auto params = Params(
      req, {"q", "entity", "kind", "currency", "min", "max", "from", "to", "limit", "cursor"});
  if (!params.ok()) return respond(ErrorResponse(params.status()));
  query::FigureQuery q;
  q.q = ParamOr(*params, "q");
  if (auto entity = Param(*params, "entity")) {
    q.entity = ParseId(*entity);
    if (!q.entity) return respond(ErrorResponse(Invalid("entity", "entity must be an entity id")));
  }
  if (auto kind = Param(*params, "kind")) {
    q.kind = query::ParseFigureKind(*kind);
    if (!q.kind) {
      return respond(ErrorResponse(
          Invalid("kind", "kind must be count, money, percent, duration, measure or number")));
    }
  }
  q.currency = ParamOr(*params, "currency");
  auto min = Number(*params, "min");
  if (!min.ok()) return respond(ErrorResponse(min.status()));
  auto max = Number(*params, "max");
  if (!max.ok()) return respond(ErrorResponse(max.status()));
  q.min = *min;
  q.max = *max;
  if (q.min && q.max && *q.min > *q.max)
    return respond(ErrorResponse(Invalid("min", "min is above max")));
  auto range = query::ParseTimeRange(ParamOr(*params, "from"), ParamOr(*params, "to"));
  if (!range.ok()) return respond(ErrorResponse(range.status()));
  q.published = *range;
  auto limit = Limit(*params);
  if (!limit.ok()) return respond(ErrorResponse(limit.status()));
  q.limit = *limit;
  q.cursor = ParamOr(*params, "cursor");
  Run(std::move(respond),
      [terms = terms_, q = std::move(q)](const storage::IndexView& view) -> Result<std::string> {
        auto page = query::FindFigures(view, *terms, q);
        if (!page.ok()) return page.status();
        return EncodeFigures(*page);
      });
}

void EntityApi::Quotes(HttpRequest& req, Responder respond) {
  auto params = Params(req, {"speaker", "q", "from", "to", "limit", "cursor"});
  if (!params.ok()) return respond(ErrorResponse(params.status()));
  query::QuoteQuery q;
  q.speaker = ParamOr(*params, "speaker");
  q.q = ParamOr(*params, "q");
  auto range = query::ParseTimeRange(ParamOr(*params, "from"), ParamOr(*params, "to"));
  if (!range.ok()) return respond(ErrorResponse(range.status()));
  q.published = *range;
  auto limit = Limit(*params);
  if (!limit.ok()) return respond(ErrorResponse(limit.status()));
  q.limit = *limit;
  q.cursor = ParamOr(*params, "cursor");
  Run(std::move(respond),
      [terms = terms_, q = std::move(q)](const storage::IndexView& view) -> Result<std::string> {
        auto page = query::FindQuotes(view, *terms, q);
        if (!page.ok()) return page.status();
        return EncodeQuotes(*page);
      });
}

}  // namespace khabar::server
