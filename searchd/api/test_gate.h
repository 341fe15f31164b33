// Test-only (T-L4 tests; `jil-searchd --test-fault-route`, builds with the test suite only):
// GET /__test/hold keeps its search thread until GET /__test/release, which is answered on an
// I/O thread, opens the gate for good. A hold gives up after kTestHoldLimit, so a test that
// never releases cannot keep searchd from stopping.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace jil::api {

inline constexpr std::chrono::seconds kTestHoldLimit{60};

class TestGate {
 public:
  // Waits until release() (or kTestHoldLimit); true when released.
  bool hold();
  void release();

 private:
  std::mutex mutex_;
  std::condition_variable opened_;
  bool open_ = false;
};

}  // namespace jil::api
