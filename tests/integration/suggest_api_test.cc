// GET /api/v1/suggest over the real index of corpus/ (issue 5 item 1, issue 6 item 1): title
// words completing the last word typed in each script, titles containing them, the caps, the
// language filter, caching and the 400s.
#include <gtest/gtest.h>

#include "http_client.h"
#include "search_client.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

using nlohmann::json;

json suggest(const std::string& parameters, unsigned expected_status = 200) {
  const HttpReply reply = http_get(environment().port(), "/api/v1/suggest?" + parameters);
  EXPECT_EQ(reply.status, expected_status) << parameters << ": " << reply.body;
  return json::parse(reply.body, nullptr, false);
}

// Each language: the prefix typed and a word the corpus titles must offer for it.
struct PrefixCase {
  const char* lang;
  const char* typed;
  const char* offered;
};

TEST(SuggestApi, CompletesTitleWordsInEveryLanguage) {
  const PrefixCase kCases[] = {
      {"en", "judicial con", "judicial conduct"},
      {"fr", "déonto", "déontologie"},
      {"es", "ética jud", "ética judicial"},
      {"ru", "суд", "судей"},
      {"ar", "القض", "القضاء"},
      {"zh", "法", "法院"},
  };
  for (const PrefixCase& test : kCases) {
    SCOPED_TRACE(test.lang);
    const json answer = suggest(query_parameters(test.typed, std::string("&lang=") + test.lang));
    ASSERT_TRUE(answer.contains("terms"));
    EXPECT_EQ(answer["language"], test.lang);
    bool offered = false;
    uint64_t previous = UINT64_MAX;
    for (const json& term : answer["terms"]) {
      offered = offered || term["completion"] == test.offered;
      const uint64_t documents = term["documents"];
      EXPECT_LE(documents, previous) << "most frequent first";
      previous = documents;
    }
    EXPECT_TRUE(offered) << answer.dump();
    ASSERT_FALSE(answer["titles"].empty());
    for (const json& title : answer["titles"]) {
      EXPECT_EQ(title["language"], test.lang);
      EXPECT_EQ(title["url"], "/doc/" + title["id"].get<std::string>());
      // The title is that document's title.
      const HttpReply document =
          http_get(environment().port(), "/api/v1/documents/" + title["id"].get<std::string>());
      EXPECT_EQ(json::parse(document.body)["title"], title["title"]);
    }
  }
}

// A French reader typing "judic" is offered the French title words first; without hl the most
// frequent come first, whatever their language.
TEST(SuggestApi, TheReadersLanguageComesFirst) {
  const json anyone = suggest("q=judic");
  const json french = suggest("q=judic&hl=fr");
  ASSERT_FALSE(french.at("terms").empty());
  EXPECT_EQ(french.at("terms").at(0).at("term"), "judiciaire") << french.dump();
  EXPECT_EQ(anyone.at("terms").size(), french.at("terms").size());
  EXPECT_NE(anyone.at("terms").at(0).at("term"), "judiciaire") << anyone.dump();
  EXPECT_EQ(suggest("q=judic&hl=de", 400).at("detail"),
            "parameter 'hl' must be one of ar, en, es, fr, ru, zh");
}

TEST(SuggestApi, CapsAndEmptyAnswers) {
  const json many = suggest("q=co");  // every language: many title words start with "co"
  EXPECT_LE(many["terms"].size(), 8u);
  EXPECT_LE(many["titles"].size(), 5u);
  EXPECT_FALSE(many.contains("language"));
  for (const char* parameters : {"q=", "q=c", "q=zzzzq", "q=judges+"}) {
    const json empty = suggest(parameters);
    EXPECT_TRUE(empty["terms"].empty()) << parameters;
    EXPECT_TRUE(empty["titles"].empty()) << parameters;
  }
}

TEST(SuggestApi, BadParametersAre400Problems) {
  const json long_text = suggest("q=" + std::string(201, 'a'), 400);
  EXPECT_NE(long_text.value("detail", "").find("'q'"), std::string::npos);
  const json bad_language = suggest("q=ju&lang=xx", 400);
  EXPECT_NE(bad_language.value("detail", "").find("'lang'"), std::string::npos);
  suggest("q=%FF", 400);  // not UTF-8
}

TEST(SuggestApi, CachedWithAnEtag) {
  const HttpReply first = http_get(environment().port(), "/api/v1/suggest?q=jud");
  ASSERT_EQ(first.status, 200u);
  const std::string etag = first.header("ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(first.header("Cache-Control"), "public, max-age=60");
  const HttpReply again =
      http_request(environment().port(), "GET", "/api/v1/suggest?q=jud", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304u);
}

}  // namespace
}  // namespace jil::integration
