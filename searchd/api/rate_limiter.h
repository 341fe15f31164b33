// Rate limits of the JSON API, shared by all of searchd's worker threads: one token bucket per
// partner (the `name` of its API keys, with the rate and burst of the key used) and one per
// client address for requests without a key (the anonymous tier). Per partner rather than per
// key, so that rotating a key (`keys rotate`: a new key for the same name, the old revoked)
// never refills the bucket: the new key inherits the tokens the old one left. One mutex guards
// both maps; memory stays bounded: partner buckets are as many as partners seen, address
// buckets at most `max_anonymous_buckets` (idle ones dropped first, then the least recently
// used).
#pragma once

#include <mutex>
#include <string>
#include <unordered_map>

#include "api/access_limits.h"
#include "api/token_bucket.h"

namespace jil::api {

class RateLimiter {
 public:
  using Clock = TokenBucket::Clock;

  RateLimiter(RateLimit anonymous, size_t max_anonymous_buckets = kMaxAnonymousBuckets)
      : anonymous_(anonymous), max_anonymous_buckets_(max_anonymous_buckets) {}

  // A request with a key of `partner` (the key's name), limited by `limit` (the key's, as the
  // key file says now: a changed limit applies at once).
  BucketDecision take_for_partner(const std::string& partner, RateLimit limit,
                                  Clock::time_point now);
  // A request without a key from `address`.
  BucketDecision take_for_address(const std::string& address, Clock::time_point now);

  const RateLimit& anonymous_limit() const { return anonymous_; }
  size_t anonymous_bucket_count() const;

 private:
  // Makes room for one more address bucket (called with the mutex held).
  void evict_for_new_address(Clock::time_point now);

  const RateLimit anonymous_;
  const size_t max_anonymous_buckets_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, TokenBucket> partner_buckets_;
  std::unordered_map<std::string, TokenBucket> address_buckets_;
};

}  // namespace jil::api
