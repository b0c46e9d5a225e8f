#include "server/api_search.h"

#include <charconv>
#include <chrono>

#include "core/time.h"
#include "protocol/json_writer.h"
#include "server/http_status.h"
#include "server/request_util.h"

namespace khabar::server {
namespace {

Status BadParam(const std::string& name, const std::string& message) {
  return InvalidArgument(name + ": " + message, name, "invalid_parameter");
}

// A date bound: YYYY-MM-DD covers the whole day (to the end of it for `to`), RFC 3339 is exact.
Result<int64_t> ParseBound(const std::string& name, const std::string& value, bool upper) {
  auto ms = ParseTimestamp(value);
  if (!ms)
    return BadParam(name, "expected YYYY-MM-DD or RFC 3339, got '" + value.substr(0, 64) + "'");
  if (upper && value.size() == 10) return *ms + 86400000LL - 1;
  return *ms;
}

}  // namespace

Result<query::SearchRequest> ParseSearchRequest(const HttpRequest& req) {
  auto params = Query(req);
  if (!params.ok()) return params.status();
  KHABAR_RETURN_IF_ERROR(CheckParams(
      *params, {"q", "source", "from", "to", "entity", "limit", "cursor", "facets", "highlight"}));
  query::SearchRequest r;
  for (const auto& [k, v] : *params) {
    if (k == "q") {
      r.q = v;
    } else if (k == "source") {
      if (!v.empty()) r.sources.push_back(v);
    } else if (k == "from" || k == "to") {
      auto ms = ParseBound(k, v, k == "to");
      if (!ms.ok()) return ms.status();
      (k == "from" ? r.from_ms : r.to_ms) = *ms;
    } else if (k == "entity") {
      uint32_t id = 0;
      auto res = std::from_chars(v.data(), v.data() + v.size(), id);
      if (v.empty() || res.ec != std::errc() || res.ptr != v.data() + v.size() || id == 0) {
        return BadParam(k, "expected an entity id");
      }
      r.entity = id;
    } else if (k == "limit") {
      size_t n = 0;
      auto res = std::from_chars(v.data(), v.data() + v.size(), n);
      if (v.empty() || res.ec != std::errc() || res.ptr != v.data() + v.size() || n == 0 ||
          n > query::SearchRequest::kMaxLimit) {
        return BadParam(k, "expected an integer from 1 to 1000");
      }
      r.limit = n;
    } else if (k == "cursor") {
      r.cursor = v;
    } else if (k == "facets") {
      size_t i = 0;
      while (i <= v.size()) {
        const size_t comma = v.find(',', i);
        const std::string name =
            v.substr(i, comma == std::string::npos ? std::string::npos : comma - i);
        i = comma == std::string::npos ? v.size() + 1 : comma + 1;
        if (name.empty()) continue;
        if (name == "all" || name == "true") {
          r.facets = {"source", "day", "people", "organizations", "places"};
          continue;
        }
        if (name != "source" && name != "day" && name != "people" && name != "organizations" &&
            name != "places") {
          return BadParam(
              k, "unknown facet '" + name + "'; use source, day, people, organizations, places");
        }
        if (std::find(r.facets.begin(), r.facets.end(), name) == r.facets.end())
          r.facets.push_back(name);
      }
    } else if (k == "highlight") {
      if (v != "true" && v != "false" && v != "1" && v != "0")
        return BadParam(k, "expected true or false");
      r.highlight = v == "true" || v == "1";
    }
  }
  if (r.from_ms && r.to_ms && *r.from_ms > *r.to_ms) return BadParam("from", "is after 'to'");
  return r;
}

void SearchApi::Register(Router& router) {
  router.Add("GET", "/v1/search",
             [this](HttpRequest& req, Responder respond) { Search(req, std::move(respond)); });
}

void SearchApi::Search(HttpRequest& req, Responder respond) {
  auto request = ParseSearchRequest(req);
  if (!request.ok()) return respond(ErrorResponse(request.status()));
  cpu_.Post([this, request = std::move(*request), respond = std::move(respond)] {
    const auto start = std::chrono::steady_clock::now();
    auto result = searcher_.Search(request);
    if (!result.ok()) return respond(ErrorResponse(result.status()));
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - start)
                          .count();
    protocol::JsonWriter w;
    w.BeginObject();
    w.Key("total").Uint(result->total);
    w.Key("took_ms").Int(took);
    w.Key("hits").BeginArray();
    for (const auto& h : result->hits) {
      w.BeginObject();
      w.Key("id").String(h.id);
      w.Key("score").Double(h.score);
      w.Key("title").String(h.title);
      w.Key("source").StringOrNull(h.source);
      w.Key("published_at").String(h.published_at);
      w.Key("highlights").BeginObject();
      w.Key("title").BeginArray();
      for (const auto& s : h.title_highlights) w.String(s);
      w.EndArray();
      w.Key("body").BeginArray();
      for (const auto& s : h.body_highlights) w.String(s);
      w.EndArray();
      w.EndObject();
      w.EndObject();
    }
    w.EndArray();
    w.Key("facets").BeginObject();
    for (const auto& [name, values] : result->facets) {
      w.Key(name).BeginArray();
      for (const auto& v : values) {
        w.BeginObject();
        w.Key("value").String(v.value);
        w.Key("count").Uint(v.count);
        w.EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
    w.Key("next_cursor").StringOrNull(result->next_cursor);
    w.EndObject();
    respond(JsonResponse(w.Take()));
  });
}

}  // namespace khabar::server
