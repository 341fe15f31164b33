// Implementation of rate_limiter.h.
#include "api/rate_limiter.h"

namespace jil::api {

BucketDecision RateLimiter::take_for_partner(const std::string& partner, RateLimit limit,
                                             Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto [bucket, inserted] = partner_buckets_.try_emplace(partner, limit, now);
  if (!inserted) bucket->second.set_limit(limit, now);
  return bucket->second.take(now);
}

BucketDecision RateLimiter::take_for_address(const std::string& address, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto found = address_buckets_.find(address);
  if (found == address_buckets_.end()) {
    if (address_buckets_.size() >= max_anonymous_buckets_) evict_for_new_address(now);
    found = address_buckets_.try_emplace(address, anonymous_, now).first;
  }
  return found->second.take(now);
}

size_t RateLimiter::anonymous_bucket_count() const {
  std::lock_guard lock(mutex_);
  return address_buckets_.size();
}

void RateLimiter::evict_for_new_address(Clock::time_point now) {
  // A full bucket is the same as none: dropping it forgets nothing.
  std::erase_if(address_buckets_,
                [now](const auto& entry) { return entry.second.is_full_at(now); });
  if (address_buckets_.size() < max_anonymous_buckets_) return;
  auto oldest = address_buckets_.begin();
  for (auto it = address_buckets_.begin(); it != address_buckets_.end(); ++it) {
    if (it->second.last_used() < oldest->second.last_used()) oldest = it;
  }
  address_buckets_.erase(oldest);
}

}  // namespace jil::api
