// Tests search/result_cache.cc: entries per revision, least recently used dropped first, and
// request keys that tell every field apart but not the order of a facet's values.
#include "search/result_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace jil::search {
namespace {

SearchResults results_of(uint64_t total) {
  SearchResults results;
  results.total = total;
  return results;
}

TEST(ResultCache, GivesBackWhatWasStoredForTheSameRevision) {
  ResultCache cache(4);
  EXPECT_EQ(cache.find(1, "a"), nullptr);
  cache.store(1, "a", results_of(7));
  const SearchResults* found = cache.find(1, "a");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->total, 7u);
  EXPECT_EQ(cache.hits(), 1u);
  EXPECT_EQ(cache.misses(), 1u);
}

TEST(ResultCache, AnotherRevisionEmptiesIt) {
  ResultCache cache(4);
  cache.store(1, "a", results_of(7));
  EXPECT_EQ(cache.find(2, "a"), nullptr);
  EXPECT_EQ(cache.find(1, "a"), nullptr);  // gone, not kept for the older revision either
}

TEST(ResultCache, DropsTheLeastRecentlyUsedWhenFull) {
  ResultCache cache(2);
  cache.store(1, "a", results_of(1));
  cache.store(1, "b", results_of(2));
  ASSERT_NE(cache.find(1, "a"), nullptr);  // "a" is now the most recent
  cache.store(1, "c", results_of(3));
  EXPECT_NE(cache.find(1, "a"), nullptr);
  EXPECT_EQ(cache.find(1, "b"), nullptr);
  EXPECT_NE(cache.find(1, "c"), nullptr);
}

TEST(ResultCache, ZeroCapacityKeepsNothing) {
  ResultCache cache(0);
  cache.store(1, "a", results_of(1));
  EXPECT_EQ(cache.find(1, "a"), nullptr);
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
  // A query that imitates the separators still differs (its length is part of the key).
  SearchRequest tricky;
  tricky.query = std::string("a\x1F") + "0";
  SearchRequest plain;
  plain.query = "a";
  EXPECT_NE(cache_key(tricky), cache_key(plain));
}

}  // namespace
}  // namespace jil::search
