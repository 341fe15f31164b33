// One token bucket (rate limiting): holds up to `burst` tokens, refills at `rate` tokens per
// second, and each request takes one. A value; not thread-safe (rate_limiter.h locks).
#pragma once

#include <chrono>
#include <cstdint>

namespace jil::api {

struct RateLimit {
  double rate = 1;     // tokens per second, > 0
  uint32_t burst = 1;  // capacity, >= 1
};

// What a request got: allowed, or how long until a token is there (whole seconds, >= 1).
struct BucketDecision {
  bool allowed = false;
  uint64_t retry_after_seconds = 0;
};

class TokenBucket {
 public:
  using Clock = std::chrono::steady_clock;

  // A full bucket at `now`.
  TokenBucket(RateLimit limit, Clock::time_point now)
      : limit_(limit), tokens_(limit.burst), updated_(now) {}

  // Takes one token if there is one at `now` (refilling first). A changed limit applies from
  // `now` on, keeping the tokens left (at most the new burst).
  BucketDecision take(Clock::time_point now);
  void set_limit(RateLimit limit, Clock::time_point now);
  // True when the bucket would be full at `now`: forgetting it changes nothing.
  bool is_full_at(Clock::time_point now) const;
  Clock::time_point last_used() const { return updated_; }

 private:
  void refill(Clock::time_point now);

  RateLimit limit_;
  double tokens_;
  Clock::time_point updated_;
};

}  // namespace jil::api
