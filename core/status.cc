#include "core/status.h"

namespace khabar {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk:
      return "ok";
    case ErrorCode::kInvalidArgument:
      return "invalid_argument";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kAlreadyExists:
      return "already_exists";
    case ErrorCode::kFailedPrecondition:
      return "failed_precondition";
    case ErrorCode::kResourceExhausted:
      return "resource_exhausted";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kDeadlineExceeded:
      return "deadline_exceeded";
    case ErrorCode::kDataLoss:
      return "data_loss";
    case ErrorCode::kUnimplemented:
      return "unimplemented";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "unknown";
}

std::string_view Status::reason() const {
  return reason_.empty() ? ErrorCodeName(code_) : std::string_view(reason_);
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string s(reason());
  s += ": ";
  s += message_;
  if (!field_.empty()) s += " (field '" + field_ + "')";
  return s;
}

}  // namespace khabar
