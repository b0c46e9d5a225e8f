#include "http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cstring>

namespace khabar::testing {

HttpClient::HttpClient(uint16_t port) : port_(port) {}
HttpClient::~HttpClient() {
  if (fd_ >= 0) ::close(fd_);
}

bool HttpClient::Connect() {
  if (fd_ >= 0) return true;
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd_ < 0) return false;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port_);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd_);
    fd_ = -1;
    return false;
  }
  int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  timeval tv{30, 0};
  ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  buffer_.clear();
  return true;
}

bool HttpClient::SendAll(std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

Response HttpClient::ReadResponse() {
  Response r;
  auto fill = [&]() {
    char buf[65536];
    const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) return false;
    buffer_.append(buf, static_cast<size_t>(n));
    return true;
  };
  size_t header_end;
  while ((header_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
    if (!fill()) {
      ::close(fd_);
      fd_ = -1;
      return r;
    }
  }
  const std::string head = buffer_.substr(0, header_end);
  buffer_.erase(0, header_end + 4);
  size_t line_end = head.find("\r\n");
  const std::string status_line = head.substr(0, line_end);
  r.status = std::atoi(status_line.c_str() + status_line.find(' ') + 1);
  while (line_end != std::string::npos) {
    const size_t next = head.find("\r\n", line_end + 2);
    const std::string line = head.substr(
        line_end + 2, next == std::string::npos ? std::string::npos : next - line_end - 2);
    const size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      size_t v = colon + 1;
      while (v < line.size() && line[v] == ' ') ++v;
      r.headers[name] = line.substr(v);
    }
    line_end = next;
  }
  if (r.status == 100) return ReadResponse();
  const size_t length =
      r.headers.count("content-length") ? std::stoul(r.headers["content-length"]) : 0;
  while (buffer_.size() < length) {
    if (!fill()) break;
  }
  r.body = buffer_.substr(0, length);
  buffer_.erase(0, std::min(length, buffer_.size()));
  if (r.headers["connection"] == "close") {
    ::close(fd_);
    fd_ = -1;
  }
  return r;
}

Response HttpClient::Request(std::string_view method, std::string_view target,
                             std::string_view body, std::string_view content_type,
                             const std::vector<std::pair<std::string, std::string>>& headers) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (!Connect()) return Response{};
    std::string req;
    req.append(method).append(" ").append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    if (!body.empty() || method == "POST" || method == "PUT") {
      if (!content_type.empty()) req.append("Content-Type: ").append(content_type).append("\r\n");
      req.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n");
    }
    for (const auto& [k, v] : headers) req.append(k).append(": ").append(v).append("\r\n");
    req.append("\r\n").append(body);
    if (!SendAll(req)) {
      ::close(fd_);
      fd_ = -1;
      continue;  // A keep-alive connection the server closed: reconnect once.
    }
    Response r = ReadResponse();
    if (r.status != 0 || attempt == 1) return r;
  }
  return Response{};
}

Response HttpClient::Raw(std::string_view bytes) {
  if (!Connect() || !SendAll(bytes)) return Response{};
  return ReadResponse();
}

}  // namespace khabar::testing
