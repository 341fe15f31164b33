// Tests api/rate_limiter.cc: one bucket per partner and per client address, partners independent
// of each other and of the anonymous tier, bounded memory, and safe use from several threads.
#include "api/rate_limiter.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace jil::api {
namespace {

const RateLimiter::Clock::time_point kStart{};

TEST(RateLimiter, APartnerOverItsLimitLeavesOtherPartnersAlone) {
  RateLimiter limiter({/*rate=*/1, /*burst=*/1});
  const RateLimit limit{/*rate=*/1, /*burst=*/2};
  EXPECT_TRUE(limiter.take_for_partner("Partner A", limit, kStart).allowed);
  EXPECT_TRUE(limiter.take_for_partner("Partner A", limit, kStart).allowed);
  EXPECT_FALSE(limiter.take_for_partner("Partner A", limit, kStart).allowed);
  EXPECT_TRUE(limiter.take_for_partner("Partner B", limit, kStart).allowed);
  EXPECT_TRUE(limiter.take_for_partner("Partner B", limit, kStart).allowed);
  // The anonymous tier is separate too.
  EXPECT_TRUE(limiter.take_for_address("192.0.2.1", kStart).allowed);
}

TEST(RateLimiter, AnonymousClientsHaveABucketEach) {
  RateLimiter limiter({/*rate=*/1, /*burst=*/1});
  EXPECT_TRUE(limiter.take_for_address("192.0.2.1", kStart).allowed);
  const BucketDecision refused = limiter.take_for_address("192.0.2.1", kStart);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after_seconds, 1u);
  EXPECT_TRUE(limiter.take_for_address("192.0.2.2", kStart).allowed);
}

TEST(RateLimiter, AnonymousBucketsStayBounded) {
  RateLimiter limiter({/*rate=*/1, /*burst=*/1}, /*max_anonymous_buckets=*/3);
  for (int client = 0; client < 100; ++client) {
    const auto now = kStart + std::chrono::milliseconds(client);  // all still draining
    EXPECT_TRUE(limiter.take_for_address("198.51.100." + std::to_string(client), now).allowed);
    EXPECT_LE(limiter.anonymous_bucket_count(), 3u);
  }
  // The most recent clients are remembered: the last one is still limited.
  EXPECT_FALSE(
      limiter.take_for_address("198.51.100.99", kStart + std::chrono::milliseconds(99)).allowed);
}

TEST(RateLimiter, IdleBucketsAreDroppedFirst) {
  RateLimiter limiter({/*rate=*/1, /*burst=*/1}, /*max_anonymous_buckets=*/2);
  EXPECT_TRUE(limiter.take_for_address("a", kStart).allowed);
  const auto later = kStart + std::chrono::seconds(10);
  EXPECT_TRUE(limiter.take_for_address("b", later).allowed);
  // "a" is full again (idle): a new client replaces it, "b" (draining) is kept.
  EXPECT_TRUE(limiter.take_for_address("c", later).allowed);
  EXPECT_EQ(limiter.anonymous_bucket_count(), 2u);
  EXPECT_FALSE(limiter.take_for_address("b", later).allowed);
}

TEST(RateLimiter, ThreadsShareOneBucketWithoutLosingCount) {
  RateLimiter limiter({/*rate=*/1, /*burst=*/1});
  const RateLimit limit{/*rate=*/0.001, /*burst=*/1000};
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  for (int thread = 0; thread < 4; ++thread) {
    threads.emplace_back([&] {
      for (int request = 0; request < 500; ++request) {
        if (limiter.take_for_partner("shared", limit, kStart).allowed) ++allowed;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(allowed.load(), 1000);  // exactly the burst out of 2,000
}

}  // namespace
}  // namespace jil::api
