// Errors as values: jil::Status (a code and a message) and jil::Result<T> (a value or a Status).
// Our code does not throw; exceptions from libraries are translated at the edge that owns them.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace jil {

// Codes are stable: api/problem.cc maps them to HTTP statuses, ingest/exit_codes.h to exit codes.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad input from a user: query syntax, parameter, metadata
  kNotFound,         // an id or file that does not exist
  kUnsupported,      // a format or feature we do not handle
  kLimitExceeded,    // an explicit limit (size, count, depth) was hit
  kCorrupt,          // data that should be valid is not (damaged index, broken file)
  kIncompatible,     // an index made by another schema or analyzer version of JIL
  kIoError,          // the operating system refused (disk full, permission)
  kLocked,           // another writer holds the index
  kUnavailable,      // temporarily unable to serve (index reopening)
  kInternal,         // a bug or an unexpected library error
};

const char* status_code_name(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status ok() { return {}; }
  bool is_ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid-argument: unterminated phrase" — for logs and CLI reports.
  std::string to_string() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status invalid_argument(std::string message) {
  return {StatusCode::kInvalidArgument, std::move(message)};
}
inline Status not_found(std::string message) { return {StatusCode::kNotFound, std::move(message)}; }
inline Status io_error(std::string message) { return {StatusCode::kIoError, std::move(message)}; }
inline Status limit_exceeded(std::string message) {
  return {StatusCode::kLimitExceeded, std::move(message)};
}
inline Status internal_error(std::string message) {
  return {StatusCode::kInternal, std::move(message)};
}

// A value of T or a non-ok Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(state_).is_ok());
  }

  bool is_ok() const { return std::holds_alternative<T>(state_); }
  const Status& status() const {
    static const Status kOkStatus;
    return is_ok() ? kOkStatus : std::get<Status>(state_);
  }
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace jil

// Checks an invariant that only a bug can break; aborts with a message.
#define JIL_CHECK(condition)                                               \
  do {                                                                     \
    if (!(condition)) ::jil::check_failed(#condition, __FILE__, __LINE__); \
  } while (false)

namespace jil {
[[noreturn]] void check_failed(const char* condition, const char* file, int line);
}
