#include "server/request_util.h"

#include <charconv>

namespace khabar::server {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

}  // namespace

Status CheckContentType(const HttpRequest& req, std::initializer_list<std::string_view> accepted) {
  if (req.content_type.empty()) return Status::Ok();
  const std::string_view type =
      Trim(std::string_view(req.content_type).substr(0, req.content_type.find(';')));
  for (auto a : accepted) {
    if (EqualsIgnoreCase(type, a)) return Status::Ok();
  }
  std::string expected;
  for (auto a : accepted) {
    if (!expected.empty()) expected += " or ";
    expected += a;
  }
  return InvalidArgument(
      "Content-Type '" + req.content_type + "' is not supported; send " + expected, "Content-Type",
      "unsupported_media_type");
}

Result<QueryParams> Query(const HttpRequest& req) {
  auto params = ParseQuery(req.query);
  if (!params)
    return InvalidArgument("malformed percent-escape in the query string", {}, "invalid_query");
  return std::move(*params);
}

Result<std::optional<uint64_t>> ExpectedVersion(const QueryParams& params) {
  for (const auto& [k, v] : params) {
    if (k != "expected_version") continue;
    uint64_t n = 0;
    auto r = std::from_chars(v.data(), v.data() + v.size(), n);
    if (v.empty() || r.ec != std::errc() || r.ptr != v.data() + v.size()) {
      return InvalidArgument("expected_version must be a non-negative integer", "expected_version",
                             "invalid_parameter");
    }
    return std::optional<uint64_t>(n);
  }
  return std::optional<uint64_t>();
}

Status CheckParams(const QueryParams& params, std::initializer_list<std::string_view> known) {
  for (const auto& [k, v] : params) {
    bool ok = false;
    for (auto name : known) ok = ok || k == name;
    if (!ok) return InvalidArgument("unknown query parameter '" + k + "'", k, "unknown_parameter");
  }
  return Status::Ok();
}

protocol::ArticleDecoder& ThreadDecoder() {
  thread_local protocol::ArticleDecoder decoder;
  return decoder;
}

}  // namespace khabar::server
