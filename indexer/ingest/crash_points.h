// A test hook for the durability tests (RELIABILITY.md T-D1, T-D5): named points in an ingest
// run where the process can be made to kill itself (SIGKILL, as `kill -9` would) or stop itself
// (SIGSTOP, holding the index lock) at an exact moment. Off unless the environment variable
// JIL_TEST_CRASH_AT is "POINT:N" (kill at the Nth arrival at POINT) or "POINT:N:stop".
// Points: after-original (original stored, document not yet written), after-record (record
// stored, document in the open transaction), before-commit (a batch is full), after-commit.
#pragma once

#include <string>
#include <string_view>

namespace jil::ingest {

inline constexpr const char* kCrashAtVariable = "JIL_TEST_CRASH_AT";

class CrashPoints {
 public:
  // Parses `setting` (the variable's value, or "" for none); a malformed one turns the hook off.
  explicit CrashPoints(std::string_view setting);
  // Reads JIL_TEST_CRASH_AT.
  static CrashPoints from_environment();

  // Counts an arrival at `point`; kills or stops the process on the chosen one.
  void reach(std::string_view point);

 private:
  std::string point_;
  long target_ = 0;
  long arrivals_ = 0;
  bool stop_ = false;
};

}  // namespace jil::ingest
