// Tests search/result_cache.cc: entries per index version (newer empties, older is ignored,
// another database empties), least recently used dropped first within a byte budget, sharing
// between threads, the byte estimate, and request keys that tell every field apart but not the
// order of a facet's values.
#include "search/result_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace jil::search {
namespace {

std::shared_ptr<const SearchResults> results_of(uint64_t total) {
  auto results = std::make_shared<SearchResults>();
  results->total = total;
  return results;
}

// Results whose one hit's snippet holds `bytes` bytes of text.
std::shared_ptr<const SearchResults> results_with_snippet(uint64_t total, size_t bytes) {
  auto results = std::make_shared<SearchResults>();
  results->total = total;
  results->hits.emplace_back().snippet.push_back({std::string(bytes, 'x'), false});
  return results;
}

const IndexVersion kFirst{"uuid-a", 1};
const IndexVersion kSecond{"uuid-a", 2};
const IndexVersion kOtherDatabase{"uuid-b", 1};

TEST(ResultCache, GivesBackWhatWasStoredForTheSameVersion) {
  ResultCache cache(1 << 20);
  EXPECT_EQ(cache.find(kFirst, "a"), nullptr);
  cache.store(kFirst, "a", results_of(7));
  const auto found = cache.find(kFirst, "a");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->total, 7u);
  EXPECT_EQ(cache.hits(), 1u);
  EXPECT_EQ(cache.misses(), 1u);
  EXPECT_EQ(cache.entries(), 1u);
}

TEST(ResultCache, ANewerRevisionEmptiesIt) {
  ResultCache cache(1 << 20);
  cache.store(kFirst, "a", results_of(7));
  EXPECT_EQ(cache.find(kSecond, "a"), nullptr);
  cache.store(kSecond, "b", results_of(8));
  EXPECT_EQ(cache.find(kFirst, "a"), nullptr);  // gone, not kept for the older revision either
  EXPECT_EQ(cache.entries(), 1u);
  EXPECT_NE(cache.find(kSecond, "b"), nullptr);
}

TEST(ResultCache, AThreadStillOnAnOlderRevisionNeitherEmptiesItNorStores) {
  ResultCache cache(1 << 20);
  cache.store(kSecond, "a", results_of(7));
  EXPECT_EQ(cache.find(kFirst, "a"), nullptr);  // an answer of revision 2 is not one of 1
  cache.store(kFirst, "b", results_of(8));
  EXPECT_NE(cache.find(kSecond, "a"), nullptr);
  EXPECT_EQ(cache.find(kSecond, "b"), nullptr);
  EXPECT_EQ(cache.entries(), 1u);
}

TEST(ResultCache, AnotherDatabaseEmptiesItWhateverItsRevision) {
  // A rebuilt index put in place of the old one starts again at a low revision.
  ResultCache cache(1 << 20);
  cache.store(kSecond, "a", results_of(7));
  EXPECT_EQ(cache.find(kOtherDatabase, "a"), nullptr);
  cache.store(kOtherDatabase, "a", results_of(9));
  const auto found = cache.find(kOtherDatabase, "a");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->total, 9u);
  EXPECT_EQ(cache.find(kSecond, "a"), nullptr);
}

TEST(ResultCache, DropsTheLeastRecentlyUsedWhenTheBytesRunOut) {
  // Room for kMaxEntryShareOfBudget entries of this size, not one more.
  ResultCache probe(kMaxResultCacheBytes);
  probe.store(kFirst, "q0", results_with_snippet(0, 4000));
  const size_t one = probe.bytes();
  const size_t budget = kMaxEntryShareOfBudget * one + one / 2;
  ResultCache cache(budget);
  const auto key = [](size_t number) { return "q" + std::to_string(number); };
  for (size_t number = 0; number < kMaxEntryShareOfBudget; ++number) {
    cache.store(kFirst, key(number), results_with_snippet(number, 4000));
  }
  EXPECT_EQ(cache.entries(), kMaxEntryShareOfBudget);
  ASSERT_NE(cache.find(kFirst, key(0)), nullptr);  // the first is now the most recent
  cache.store(kFirst, "new", results_with_snippet(99, 4000));
  EXPECT_NE(cache.find(kFirst, key(0)), nullptr);
  EXPECT_EQ(cache.find(kFirst, key(1)), nullptr);  // the least recently used
  EXPECT_NE(cache.find(kFirst, key(2)), nullptr);
  EXPECT_NE(cache.find(kFirst, "new"), nullptr);
  EXPECT_EQ(cache.entries(), kMaxEntryShareOfBudget);
  EXPECT_LE(cache.bytes(), budget);
  EXPECT_GT(cache.bytes(), kMaxEntryShareOfBudget * 4000);
}

TEST(ResultCache, StoringAKeyAgainReplacesItsEntry) {
  ResultCache cache(1 << 20);
  cache.store(kFirst, "a", results_with_snippet(1, 4000));
  const size_t bytes = cache.bytes();
  cache.store(kFirst, "a", results_with_snippet(2, 4000));
  EXPECT_EQ(cache.entries(), 1u);
  EXPECT_EQ(cache.bytes(), bytes);
  EXPECT_EQ(cache.find(kFirst, "a")->total, 2u);
}

TEST(ResultCache, KeepsNoAnswerLargerThanItsShareOfTheBudget) {
  const size_t budget = 1 << 20;
  ResultCache cache(budget);
  cache.store(kFirst, "small", results_with_snippet(1, 1000));
  cache.store(kFirst, "large", results_with_snippet(2, budget / kMaxEntryShareOfBudget));
  EXPECT_NE(cache.find(kFirst, "small"), nullptr);  // not pushed out for an answer not kept
  EXPECT_EQ(cache.find(kFirst, "large"), nullptr);
}

TEST(ResultCache, ZeroBytesKeepsNothing) {
  ResultCache cache(0);
  cache.store(kFirst, "a", results_of(1));
  EXPECT_EQ(cache.find(kFirst, "a"), nullptr);
}

TEST(ResultCache, ThreadsShareItSafely) {
  // Four threads store and find overlapping keys in a small budget (the sanitizer builds check
  // the locking); every answer found is the one stored for its key.
  ResultCache cache(20 * (approximate_bytes(*results_with_snippet(0, 2000)) + 200));
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int thread = 0; thread < 4; ++thread) {
    threads.emplace_back([&cache, &wrong, thread] {
      for (int round = 0; round < 2000; ++round) {
        const int number = (round * 7 + thread) % 40;
        const std::string key = "q" + std::to_string(number);
        if (const auto found = cache.find(kFirst, key)) {
          if (found->total != static_cast<uint64_t>(number)) ++wrong;
        } else {
          cache.store(kFirst, key, results_with_snippet(number, 2000));
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_GT(cache.hits(), 0u);
  EXPECT_EQ(cache.hits() + cache.misses(), 4u * 2000u);
  EXPECT_LE(cache.entries(), 20u);
}

TEST(ApproximateBytes, CountsTheTextOfHitsAndFacets) {
  SearchResults empty;
  SearchResults full;
  SearchHit& hit = full.hits.emplace_back();
  hit.record.title = std::string(500, 't');
  hit.record.summary = std::string(700, 's');
  hit.snippet.push_back({std::string(300, 'x'), true});
  hit.other_versions.push_back({"id-of-another", "fr", std::string(200, 'f')});
  full.facets.push_back({schema::Facet::kCountry, {{std::string(100, 'c'), 3, false}}});
  EXPECT_GE(approximate_bytes(full), approximate_bytes(empty) + 500 + 700 + 300 + 200 + 100);
  EXPECT_LT(approximate_bytes(full), approximate_bytes(empty) + 8000);
}

TEST(CacheKey, EveryFieldCountsButNotTheOrderOfAFacetsValues) {
  SearchRequest base;
  base.query = "judges";
  base.filters[schema::Facet::kLanguage] = {"en", "fr"};
  SearchRequest reordered = base;
  reordered.filters[schema::Facet::kLanguage] = {"fr", "en"};
  EXPECT_EQ(cache_key(base), cache_key(reordered));
  const auto differs = [&](auto change) {
    SearchRequest other = base;
    change(other);
    return cache_key(other) != cache_key(base);
  };
  EXPECT_TRUE(differs([](SearchRequest& r) { r.query = "judge"; }));
  EXPECT_TRUE(differs([](SearchRequest& r) { r.query_language = analysis::Language::kFr; }));
  EXPECT_TRUE(differs([](SearchRequest& r) { r.page = 2; }));
  EXPECT_TRUE(differs([](SearchRequest& r) { r.size = 20; }));
  EXPECT_TRUE(differs([](SearchRequest& r) { r.sort = SortOrder::kNewest; }));
  EXPECT_TRUE(differs([](SearchRequest& r) { r.home_language = analysis::Language::kAr; }));
  EXPECT_TRUE(differs([](SearchRequest& r) { r.cross_language = false; }));
  EXPECT_TRUE(differs([](SearchRequest& r) { r.year_from = 2000; }));
  EXPECT_TRUE(differs([](SearchRequest& r) { r.year_to = 2000; }));
  EXPECT_TRUE(differs([](SearchRequest& r) { r.collapse_translations = false; }));
  EXPECT_TRUE(differs([](SearchRequest& r) { r.filters[schema::Facet::kLanguage] = {"en"}; }));
  EXPECT_TRUE(differs([](SearchRequest& r) { r.filters[schema::Facet::kType] = {"en", "fr"}; }));
  EXPECT_TRUE(differs([](SearchRequest& r) { r.parts.snippet = false; }));
  EXPECT_TRUE(differs([](SearchRequest& r) { r.parts.title_highlighted = false; }));
  EXPECT_TRUE(differs([](SearchRequest& r) { r.parts.work_languages = false; }));
  EXPECT_TRUE(differs([](SearchRequest& r) { r.parts.other_versions = false; }));
  // A query that imitates the separators still differs (its length is part of the key).
  SearchRequest tricky;
  tricky.query = std::string("a\x1F") + "0";
  SearchRequest plain;
  plain.query = "a";
  EXPECT_NE(cache_key(tricky), cache_key(plain));
}

}  // namespace
}  // namespace jil::search
