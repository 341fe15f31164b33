// Implementation of token_bucket.h.
#include "api/token_bucket.h"

#include <algorithm>
#include <cmath>

namespace jil::api {

void TokenBucket::refill(Clock::time_point now) {
  if (now <= updated_) return;  // a clock read on another thread may be a little older
  const double elapsed = std::chrono::duration<double>(now - updated_).count();
  tokens_ = std::min<double>(limit_.burst, tokens_ + elapsed * limit_.rate);
  updated_ = now;
}

BucketDecision TokenBucket::take(Clock::time_point now) {
  refill(now);
  if (tokens_ >= 1) {
    tokens_ -= 1;
    return {true, 0};
  }
  const double wait = std::ceil((1 - tokens_) / limit_.rate);
  return {false, std::max<uint64_t>(1, static_cast<uint64_t>(wait))};
}

void TokenBucket::set_limit(RateLimit limit, Clock::time_point now) {
  refill(now);
  limit_ = limit;
  tokens_ = std::min<double>(tokens_, limit.burst);
}

bool TokenBucket::is_full_at(Clock::time_point now) const {
  if (now <= updated_) return tokens_ >= limit_.burst;
  const double elapsed = std::chrono::duration<double>(now - updated_).count();
  return tokens_ + elapsed * limit_.rate >= limit_.burst;
}

}  // namespace jil::api
