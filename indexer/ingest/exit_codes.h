// Exit statuses of jil-indexer, for scripts: one table, mapped from the run's outcome.
#pragma once

#include "base/status.h"

namespace jil::ingest {

inline constexpr int kExitOk = 0;            // everything ingested (or unchanged)
inline constexpr int kExitSomeFailed = 1;    // the run finished; some files failed (listed)
inline constexpr int kExitUsage = 2;         // bad command line
inline constexpr int kExitFatal = 3;         // the run could not start or stopped early
inline constexpr int kExitLocked = 4;        // another jil-indexer holds the index
inline constexpr int kExitIncompatible = 5;  // the index was made by another JIL version: rebuild

inline int exit_code_for(const Status& status) {
  if (status.is_ok()) return kExitOk;
  if (status.code() == StatusCode::kLocked) return kExitLocked;
  if (status.code() == StatusCode::kIncompatible) return kExitIncompatible;
  if (status.code() == StatusCode::kInvalidArgument) return kExitUsage;
  return kExitFatal;
}

}  // namespace jil::ingest
