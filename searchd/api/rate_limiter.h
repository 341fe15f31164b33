// Rate limits of the JSON API, shared by all of searchd's worker threads: one token bucket per
// API key (its own rate and burst) and one per client address for requests without a key (the
// anonymous tier). One mutex guards both maps; memory stays bounded: key buckets are as many as
// keys used, address buckets at most `max_anonymous_buckets` (idle ones dropped first, then
// the least recently used).
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

  // A request with the key whose hash is `key_hash`, limited by `limit` (the key's, as the key
  // file says now: a changed limit applies at once).
  BucketDecision take_for_key(const std::string& key_hash, RateLimit limit, Clock::time_point now);
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
  std::unordered_map<std::string, TokenBucket> key_buckets_;
  std::unordered_map<std::string, TokenBucket> address_buckets_;
};

}  // namespace jil::api
