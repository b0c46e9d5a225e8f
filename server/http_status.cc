#include "server/http_status.h"

#include "protocol/encode.h"

namespace khabar::server {

int HttpStatusFor(const Status& s) {
  switch (s.code()) {
    case ErrorCode::kOk:
      return 200;
    case ErrorCode::kInvalidArgument:
      if (s.reason() == "payload_too_large") return 413;
      if (s.reason() == "unsupported_media_type") return 415;
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kAlreadyExists:
    case ErrorCode::kFailedPrecondition:
      return 409;
    case ErrorCode::kResourceExhausted:
      return 429;
    case ErrorCode::kUnimplemented:
      return 405;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kDeadlineExceeded:
      return 504;
    case ErrorCode::kDataLoss:
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

int HttpStatusFor(const Receipt& r) { return r.result == WriteResult::kCreated ? 201 : 200; }

HttpResponse ErrorResponse(const Status& s) {
  HttpResponse r;
  r.status = HttpStatusFor(s);
  r.body = protocol::EncodeError(s);
  if (r.status == 429 || r.status == 503) r.headers.emplace_back("Retry-After", "1");
  if (r.status == 413) r.close = true;  // The unread body makes the connection unusable.
  return r;
}

HttpResponse JsonResponse(std::string body) {
  HttpResponse r;
  r.body = std::move(body);
  return r;
}

HttpResponse ReceiptResponse(const Receipt& receipt) {
  HttpResponse r;
  r.status = HttpStatusFor(receipt);
  r.body = protocol::EncodeReceipt(receipt);
  return r;
}

}  // namespace khabar::server
