// Names of status codes and the abort path of JIL_CHECK.
#include "base/status.h"

#include <cstdio>
#include <cstdlib>

namespace jil {

const char* status_code_name(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidArgument:
      return "invalid-argument";
    case StatusCode::kNotFound:
      return "not-found";
    case StatusCode::kUnsupported:
      return "unsupported";
    case StatusCode::kLimitExceeded:
      return "limit-exceeded";
    case StatusCode::kCorrupt:
      return "corrupt";
    case StatusCode::kIncompatible:
      return "incompatible";
    case StatusCode::kIoError:
      return "io-error";
    case StatusCode::kLocked:
      return "locked";
    case StatusCode::kUnavailable:
      return "unavailable";
    case StatusCode::kInternal:
      return "internal";
  }
  return "unknown";
}

std::string Status::to_string() const {
  if (is_ok()) return "ok";
  return std::string(status_code_name(code_)) + ": " + message_;
}

void check_failed(const char* condition, const char* file, int line) {
  std::fprintf(stderr, "JIL_CHECK failed: %s at %s:%d\n", condition, file, line);
  std::abort();
}

}  // namespace jil
