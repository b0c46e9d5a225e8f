#pragma once
// A minimal blocking HTTP/1.1 client over a keep-alive TCP connection, for integration tests.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace khabar::testing {

struct Response {
  int status = 0;                              // 0 when the connection failed.
  std::map<std::string, std::string> headers;  // Lower-case names.
  std::string body;
};

class HttpClient {
 public:
  explicit HttpClient(uint16_t port);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  Response Request(std::string_view method, std::string_view target, std::string_view body = {},
                   std::string_view content_type = "application/json",
                   const std::vector<std::pair<std::string, std::string>>& headers = {});
  Response Get(std::string_view target) { return Request("GET", target); }
  Response Post(std::string_view target, std::string_view body,
                std::string_view content_type = "application/json") {
    return Request("POST", target, body, content_type);
  }

  // Sends raw bytes and reads one response (for malformed or partial requests).
  Response Raw(std::string_view bytes);

 private:
  bool Connect();
  bool SendAll(std::string_view data);
  Response ReadResponse();

  uint16_t port_;
  int fd_ = -1;
  std::string buffer_;
};

}  // namespace khabar::testing
