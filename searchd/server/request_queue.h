// Load shedding (RELIABILITY.md T-L4): each worker counts the requests it has read but not yet
// started to handle. Reading and handling are separate steps on the worker's own thread, so
// under overload every request that arrived together is counted before the first is handled;
// past the limit a request is answered 503 with Retry-After at once instead of waiting in line.
#pragma once

#include <cstddef>

namespace jil::server {

class RequestQueue {
 public:
  explicit RequestQueue(size_t limit) : limit_(limit) {}

  // Takes a place in the queue; false when it is full (the request is shed).
  bool enter() {
    if (waiting_ >= limit_) return false;
    ++waiting_;
    return true;
  }
  // The request leaves the queue to be handled.
  void leave() { --waiting_; }

 private:
  const size_t limit_;
  size_t waiting_ = 0;  // only touched on the worker's thread
};

}  // namespace jil::server
