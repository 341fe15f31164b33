// Implementation of test_gate.h.
#include "api/test_gate.h"

namespace jil::api {

bool TestGate::hold() {
  std::unique_lock lock(mutex_);
  return opened_.wait_for(lock, kTestHoldLimit, [this] { return open_; });
}

void TestGate::release() {
  {
    std::lock_guard lock(mutex_);
    open_ = true;
  }
  opened_.notify_all();
}

}  // namespace jil::api
