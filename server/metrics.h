#pragma once
// Request counters and latency histograms, rendered in the Prometheus text format.

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace khabar::server {

class Metrics {
 public:
  static constexpr std::array<double, 14> kBuckets = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  // route is the route pattern ("/v1/articles/{id}"), never the raw path, to bound cardinality.
  void ObserveRequest(std::string_view route, int status, double seconds);

  // Appends the request metrics to out.
  void Render(std::string& out) const;

 private:
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> buckets{};
    uint64_t count = 0;
    double sum = 0;
  };

  mutable std::mutex mu_;
  std::map<std::pair<std::string, int>, uint64_t> requests_;
  std::map<std::string, Histogram, std::less<>> durations_;
};

// Appends one metric with its HELP and TYPE lines.
void AppendMetric(std::string& out, std::string_view name, std::string_view type,
                  std::string_view help, double value);

}  // namespace khabar::server
