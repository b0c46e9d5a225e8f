#pragma once
// Status and Result<T>: expected failures as values (see STYLE.md A3). Modelled on absl::Status.

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace khabar {

// The canonical error set. Pick the most specific one; put the details in the message.
enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,     // The caller sent something malformed: bad JSON, a bad field.
  kNotFound,            // The named object does not exist.
  kAlreadyExists,       // The object exists and the call wanted it not to.
  kFailedPrecondition,  // The system is not in the state the call requires (version mismatch).
  kResourceExhausted,   // A bounded queue or quota is full; retry later.
  kUnavailable,         // The service cannot serve now (starting, shutting down).
  kDeadlineExceeded,    // The operation ran out of time.
  kDataLoss,            // Stored data is corrupt or unreadable.
  kUnimplemented,       // The method or route does not exist for this resource.
  kInternal,            // A bug or an unexpected failure below us.
};

std::string_view ErrorCodeName(ErrorCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message, std::string field = {}, std::string reason = {})
      : code_(code),
        message_(std::move(message)),
        field_(std::move(field)),
        reason_(std::move(reason)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // The request field the error is about ("published_at", "items[3].id"), or empty.
  const std::string& field() const { return field_; }
  // A machine-readable reason more specific than the code ("unknown_field"); empty uses the code.
  std::string_view reason() const;

  // Explicit, greppable opt-out for the rare error that may be dropped.
  void IgnoreError() const {}

  std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  std::string field_;
  std::string reason_;
};

inline Status InvalidArgument(std::string message, std::string field = {},
                              std::string reason = {}) {
  return Status(ErrorCode::kInvalidArgument, std::move(message), std::move(field),
                std::move(reason));
}
inline Status NotFound(std::string message) {
  return Status(ErrorCode::kNotFound, std::move(message));
}
inline Status Internal(std::string message) {
  return Status(ErrorCode::kInternal, std::move(message));
}

// Either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design, as absl::StatusOr.
  Result(Status status) : v_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(v_).ok());
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace khabar

#define KHABAR_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::khabar::Status khabar_status_ = (expr);        \
    if (!khabar_status_.ok()) return khabar_status_; \
  } while (0)
