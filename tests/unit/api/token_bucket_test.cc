// Tests api/token_bucket.cc with explicit times (no clock, no sleeps): a burst, then the rate,
// and Retry-After in whole seconds.
#include "api/token_bucket.h"

#include <gtest/gtest.h>

namespace jil::api {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(TokenBucket, BurstThenRefusedWithRetryAfter) {
  const TokenBucket::Clock::time_point start{};
  TokenBucket bucket({/*rate=*/2, /*burst=*/3}, start);
  for (int request = 0; request < 3; ++request) EXPECT_TRUE(bucket.take(start).allowed);
  const BucketDecision refused = bucket.take(start);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after_seconds, 1u);  // half a second, rounded up to whole seconds
  // After half a second one token is back, and only one.
  EXPECT_TRUE(bucket.take(start + milliseconds(500)).allowed);
  EXPECT_FALSE(bucket.take(start + milliseconds(500)).allowed);
}

TEST(TokenBucket, RetryAfterFollowsASlowRate) {
  const TokenBucket::Clock::time_point start{};
  TokenBucket bucket({/*rate=*/0.01, /*burst=*/1}, start);
  EXPECT_TRUE(bucket.take(start).allowed);
  EXPECT_EQ(bucket.take(start).retry_after_seconds, 100u);
  EXPECT_EQ(bucket.take(start + seconds(40)).retry_after_seconds, 60u);
  EXPECT_TRUE(bucket.take(start + seconds(100)).allowed);
}

TEST(TokenBucket, NeverHoldsMoreThanTheBurst) {
  const TokenBucket::Clock::time_point start{};
  TokenBucket bucket({/*rate=*/10, /*burst=*/2}, start);
  const auto later = start + seconds(3600);
  EXPECT_TRUE(bucket.is_full_at(later));
  EXPECT_TRUE(bucket.take(later).allowed);
  EXPECT_TRUE(bucket.take(later).allowed);
  EXPECT_FALSE(bucket.take(later).allowed);
  EXPECT_FALSE(bucket.is_full_at(later));
}

TEST(TokenBucket, ALowerLimitAppliesAtOnce) {
  const TokenBucket::Clock::time_point start{};
  TokenBucket bucket({/*rate=*/10, /*burst=*/20}, start);
  bucket.set_limit({/*rate=*/1, /*burst=*/1}, start);
  EXPECT_TRUE(bucket.take(start).allowed);
  EXPECT_FALSE(bucket.take(start).allowed);
}

}  // namespace
}  // namespace jil::api
