// The result cache over real HTTP (search/result_cache.h): one cache shared by searchd's search
// threads answers a repeated search with the same body, whichever thread takes it, and shows its
// hits, misses, entries and bytes on /metrics; --cache-mb bounds it and --no-cache turns it off.
#include <gtest/gtest.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "http_client.h"
#include "own_searchd.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

uint64_t metric(const OwnSearchd& searchd, const std::string& name) {
  const std::optional<uint64_t> value = searchd_metric(searchd.port(), name);
  EXPECT_TRUE(value.has_value()) << name;
  return value.value_or(0);
}

TEST(ResultCacheHttp, ARepeatedSearchIsAnsweredFromTheSharedCacheWithTheSameBody) {
  OwnSearchd searchd(environment().index_dir(), {"--threads", "2"});
  ASSERT_NE(searchd.port(), 0) << "jil-searchd did not start";
  const std::string target = "/api/v1/search?q=judicial+integrity&hl=fr";
  const HttpReply first = http_get(searchd.port(), target);
  ASSERT_EQ(first.status, 200u) << first.body;
  // Each on a new connection: the two search threads take them in turn, as they come.
  for (int repeat = 0; repeat < 9; ++repeat) {
    const HttpReply again = http_get(searchd.port(), target);
    ASSERT_EQ(again.status, 200u);
    EXPECT_EQ(again.body, first.body) << "repeat " << repeat;
  }
  EXPECT_EQ(metric(searchd, "jil_result_cache_misses_total"), 1u);
  EXPECT_EQ(metric(searchd, "jil_result_cache_hits_total"), 9u);
  EXPECT_EQ(metric(searchd, "jil_result_cache_entries"), 1u);
  EXPECT_GT(metric(searchd, "jil_result_cache_bytes"), first.body.size() / 4);
  // Another page, language or facet is another entry.
  EXPECT_EQ(http_get(searchd.port(), target + "&page=2").status, 200u);
  EXPECT_EQ(http_get(searchd.port(), "/api/v1/search?q=judicial+integrity&hl=en").status, 200u);
  EXPECT_EQ(metric(searchd, "jil_result_cache_entries"), 3u);
  EXPECT_EQ(metric(searchd, "jil_result_cache_hits_total"), 9u);
}

// fields= without the snippet skips making it (search_request.h HitParts): the answer lists the
// same results, and a later request asking for the snippet is not served the one made without.
TEST(ResultCacheHttp, AnswersMadeForFewerFieldsAreNotServedForMore) {
  OwnSearchd searchd(environment().index_dir(), {"--threads", "2"});
  ASSERT_NE(searchd.port(), 0) << "jil-searchd did not start";
  const std::string target = "/api/v1/search?q=judicial+independence&hl=en";
  const HttpReply bare = http_get(searchd.port(), target + "&fields=id,title");
  ASSERT_EQ(bare.status, 200u) << bare.body;
  const HttpReply snippets = http_get(searchd.port(), target + "&fields=id,snippet");
  ASSERT_EQ(snippets.status, 200u) << snippets.body;
  const HttpReply whole = http_get(searchd.port(), target);
  ASSERT_EQ(whole.status, 200u) << whole.body;
  EXPECT_EQ(metric(searchd, "jil_result_cache_entries"), 3u);
  const auto ids = [](const nlohmann::json& answer) {
    std::vector<std::string> out;
    for (const auto& hit : answer.at("results")) out.push_back(hit.at("id").get<std::string>());
    return out;
  };
  const auto bare_json = nlohmann::json::parse(bare.body);
  const auto snippets_json = nlohmann::json::parse(snippets.body);
  const auto whole_json = nlohmann::json::parse(whole.body);
  ASSERT_FALSE(ids(whole_json).empty());
  EXPECT_EQ(ids(bare_json), ids(whole_json));
  EXPECT_EQ(ids(snippets_json), ids(whole_json));
  EXPECT_EQ(bare_json.at("total"), whole_json.at("total"));
  EXPECT_EQ(bare_json.at("facets"), whole_json.at("facets"));
  for (size_t index = 0; index < whole_json.at("results").size(); ++index) {
    const auto& made = snippets_json.at("results").at(index);
    EXPECT_FALSE(made.contains("title"));
    EXPECT_EQ(made.at("snippet"), whole_json.at("results").at(index).at("snippet"));
    EXPECT_FALSE(made.at("snippet").empty()) << made.dump();
  }
}

TEST(ResultCacheHttp, ItsBytesStayWithinCacheMb) {
  OwnSearchd searchd(environment().index_dir(),
                     {"--cache-mb", "1", "--anonymous-rate", "1000", "--anonymous-burst", "1000"});
  ASSERT_NE(searchd.port(), 0) << "jil-searchd did not start";
  // Pages of 50 results in six reader languages and two orders: more than a megabyte in all,
  // so the least recently used are dropped.
  size_t requests = 0;
  for (const char* query : {"judges", "integrity", "conduct", "ethics", "court", "corruption",
                            "independence", "code", "guidance", "training", "report"}) {
    for (const char* language : {"ar", "en", "es", "fr", "ru", "zh"}) {
      for (const char* sort : {"relevance", "newest"}) {
        const HttpReply reply =
            http_get(searchd.port(), std::string("/api/v1/search?size=50&q=") + query +
                                         "&hl=" + language + "&sort=" + sort);
        ASSERT_EQ(reply.status, 200u) << reply.body;
        ++requests;
      }
    }
  }
  EXPECT_EQ(metric(searchd, "jil_result_cache_misses_total"), requests);
  EXPECT_GT(metric(searchd, "jil_result_cache_entries"), 0u);
  EXPECT_LT(metric(searchd, "jil_result_cache_entries"), requests) << "none was dropped";
  EXPECT_LE(metric(searchd, "jil_result_cache_bytes"), uint64_t{1} << 20);
  EXPECT_GT(metric(searchd, "jil_result_cache_bytes"), uint64_t{1} << 19);
}

TEST(ResultCacheHttp, NoCacheRunsEverySearch) {
  OwnSearchd searchd(environment().index_dir(), {"--no-cache"});
  ASSERT_NE(searchd.port(), 0) << "jil-searchd did not start";
  for (int repeat = 0; repeat < 3; ++repeat) {
    EXPECT_EQ(http_get(searchd.port(), "/api/v1/search?q=judges").status, 200u);
  }
  EXPECT_EQ(metric(searchd, "jil_result_cache_hits_total"), 0u);
  EXPECT_EQ(metric(searchd, "jil_result_cache_misses_total"), 0u);
  EXPECT_EQ(metric(searchd, "jil_result_cache_entries"), 0u);
  EXPECT_EQ(metric(searchd, "jil_requests_handled_total"), 3u);
}

}  // namespace
}  // namespace jil::integration
