#pragma once
// Small request helpers shared by the handlers.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "core/status.h"
#include "protocol/article_decoder.h"
#include "server/http_types.h"
#include "server/url.h"

namespace khabar::server {

// OK when the Content-Type is absent or one of the accepted media types (parameters ignored).
Status CheckContentType(const HttpRequest& req, std::initializer_list<std::string_view> accepted);

// The query parameters, or kInvalidArgument for a malformed escape.
Result<QueryParams> Query(const HttpRequest& req);

// ?expected_version=N, if given.
Result<std::optional<uint64_t>> ExpectedVersion(const QueryParams& params);

// Rejects parameters the route does not know, naming the first one.
Status CheckParams(const QueryParams& params, std::initializer_list<std::string_view> known);

// One decoder per thread (simdjson parsers are not thread-safe; reusing one saves allocations).
protocol::ArticleDecoder& ThreadDecoder();

}  // namespace khabar::server
