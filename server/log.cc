#include "server/log.h"

#include <spdlog/sinks/stdout_sinks.h>

namespace khabar::server {

void SetupLogging(std::string_view level) {
  auto sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  auto main = std::make_shared<spdlog::logger>("khabar", sink);
  auto access = std::make_shared<spdlog::logger>("access", sink);
  for (auto& l : {main, access}) {
    l->set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","logger":"%n",%v})",
                   spdlog::pattern_time_type::utc);
    l->set_level(spdlog::level::from_str(std::string(level)));
    l->flush_on(spdlog::level::warn);
  }
  spdlog::register_logger(access);
  spdlog::set_default_logger(main);
  spdlog::flush_every(std::chrono::seconds(1));
}

}  // namespace khabar::server
