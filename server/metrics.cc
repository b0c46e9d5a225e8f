#include "server/metrics.h"

#include <cstdio>

namespace khabar::server {
namespace {

void AppendNumber(std::string& out, double v) {
  char buf[40];
  if (v == static_cast<double>(static_cast<int64_t>(v))) {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
  } else {
    std::snprintf(buf, sizeof buf, "%.9g", v);
  }
  out += buf;
}

}  // namespace

void Metrics::ObserveRequest(std::string_view route, int status, double seconds) {
  std::lock_guard lock(mu_);
  ++requests_[{std::string(route), status}];
  auto it = durations_.find(route);
  if (it == durations_.end()) it = durations_.emplace(std::string(route), Histogram{}).first;
  Histogram& h = it->second;
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  }
  ++h.count;
  h.sum += seconds;
}

void Metrics::Render(std::string& out) const {
  std::lock_guard lock(mu_);
  out += "# HELP khabar_http_requests_total HTTP requests by route pattern and status code.\n";
  out += "# TYPE khabar_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    out += "khabar_http_requests_total{route=\"" + key.first + "\",code=\"" +
           std::to_string(key.second) + "\"} ";
    AppendNumber(out, static_cast<double>(n));
    out += '\n';
  }
  out +=
      "# HELP khabar_http_request_duration_seconds Time from a complete request to its response.\n";
  out += "# TYPE khabar_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : durations_) {
    const std::string prefix = "khabar_http_request_duration_seconds";
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      out += prefix + "_bucket{route=\"" + route + "\",le=\"";
      AppendNumber(out, kBuckets[i]);
      out += "\"} ";
      AppendNumber(out, static_cast<double>(h.buckets[i]));
      out += '\n';
    }
    out +=
        prefix + "_bucket{route=\"" + route + "\",le=\"+Inf\"} " + std::to_string(h.count) + "\n";
    out += prefix + "_sum{route=\"" + route + "\"} ";
    AppendNumber(out, h.sum);
    out += '\n';
    out += prefix + "_count{route=\"" + route + "\"} " + std::to_string(h.count) + "\n";
  }
}

void AppendMetric(std::string& out, std::string_view name, std::string_view type,
                  std::string_view help, double value) {
  out += "# HELP ";
  out += name;
  out += ' ';
  out += help;
  out += "\n# TYPE ";
  out += name;
  out += ' ';
  out += type;
  out += '\n';
  out += name;
  out += ' ';
  AppendNumber(out, value);
  out += '\n';
}

}  // namespace khabar::server
