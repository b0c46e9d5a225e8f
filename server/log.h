#pragma once
// Structured (JSON) log lines through spdlog. The logger's pattern opens the object with "ts" and
// "level"; LogLine builds the rest, escaped.

#include <spdlog/spdlog.h>

#include <memory>
#include <string>
#include <string_view>

#include "protocol/json_writer.h"

namespace khabar::server {

class LogLine {
 public:
  explicit LogLine(std::string_view msg) { Add("msg", msg); }
  LogLine& Add(std::string_view key, std::string_view value) {
    Key(key);
    protocol::AppendJsonString(s_, value);
    return *this;
  }
  LogLine& Add(std::string_view key, const char* value) {
    return Add(key, std::string_view(value));
  }
  LogLine& Add(std::string_view key, const std::string& value) {
    return Add(key, std::string_view(value));
  }
  LogLine& Add(std::string_view key, int64_t value) {
    Key(key);
    s_ += std::to_string(value);
    return *this;
  }
  LogLine& Add(std::string_view key, uint64_t value) {
    Key(key);
    s_ += std::to_string(value);
    return *this;
  }
  LogLine& Add(std::string_view key, int value) { return Add(key, static_cast<int64_t>(value)); }
  LogLine& Add(std::string_view key, double value) {
    Key(key);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", value);
    s_ += buf;
    return *this;
  }
  const std::string& str() const { return s_; }

 private:
  void Key(std::string_view key) {
    if (!s_.empty()) s_ += ',';
    protocol::AppendJsonString(s_, key);
    s_ += ':';
  }
  std::string s_;
};

// Sets up the process loggers ("khabar" and "access") writing JSON lines to stderr.
void SetupLogging(std::string_view level);

inline void LogInfo(const LogLine& line) { spdlog::info("{}", line.str()); }
inline void LogWarn(const LogLine& line) { spdlog::warn("{}", line.str()); }
inline void LogError(const LogLine& line) { spdlog::error("{}", line.str()); }

}  // namespace khabar::server
