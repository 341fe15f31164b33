// A query whose words are in no one document (a judge's question) is asked again with any of
// its words, over the real index of corpus/: the API says `relaxed`, the page says so in the
// interface language, the best document in the reader's language is found, a misspelling still
// gets its "Did you mean", and a query whose words meet is never relaxed.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "http_client.h"
#include "search_client.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

const char kQuestion[] = "how should judges use social media";

TEST(RelaxedQuery, AQuestionFindsTheDocumentsWithMostOfItsWords) {
  for (const char* more : {"&cross=0", "&hl=en"}) {
    const SearchPage page = search_page(query_parameters(kQuestion, more));
    ASSERT_EQ(page.status, 200u);
    EXPECT_EQ(page.body.at("relaxed"), true) << more;
    ASSERT_FALSE(page.ids.empty()) << more;
    EXPECT_EQ(page.ids.front(), "social-media-guidelines-en") << more;
  }
}

TEST(RelaxedQuery, WordsThatMeetInADocumentAreNotRelaxed) {
  for (const char* query : {"judges social media", "impartiality", "zzzqqq xxxvvv"}) {
    const SearchPage page = search_page(query_parameters(query, "&hl=en"));
    ASSERT_EQ(page.status, 200u);
    EXPECT_EQ(page.body.at("relaxed"), false) << query;
  }
  // Relaxed only within the filters: none of the question's words is in a document of a
  // year before every document's.
  const SearchPage filtered = search_page(query_parameters(kQuestion, "&cross=0&year_to=1900"));
  ASSERT_EQ(filtered.status, 200u);
  EXPECT_EQ(filtered.body.at("total"), 0);
  EXPECT_EQ(filtered.body.at("relaxed"), false);
}

TEST(RelaxedQuery, AChineseQuestionIsSplitIntoItsWords) {
  const SearchPage page = search_page(query_parameters("法官可以收礼吗", "&hl=zh"));
  ASSERT_EQ(page.status, 200u);
  EXPECT_EQ(page.body.at("relaxed"), true);
  EXPECT_GT(page.body.at("total").get<int>(), 0);
}

TEST(RelaxedQuery, AMisspellingStillGetsItsSuggestion) {
  const SearchPage page = search_page(query_parameters("judicail ethics", "&hl=en"));
  ASSERT_EQ(page.status, 200u);
  EXPECT_EQ(page.body.at("relaxed"), true);
  EXPECT_EQ(page.body.value("suggestion", ""), "judicial ethics");
}

TEST(RelaxedQuery, ThePageSaysSoInTheInterfaceLanguage) {
  const HttpReply english =
      http_get(environment().port(), "/search?" + query_parameters(kQuestion) + "&ui=en");
  ASSERT_EQ(english.status, 200u);
  EXPECT_NE(english.body.find("No document has all of your words; these have some of them."),
            std::string::npos);
  const HttpReply french =
      http_get(environment().port(),
               "/search?" + query_parameters("juges médias sociaux zzzqqq") + "&ui=fr");
  ASSERT_EQ(french.status, 200u);
  EXPECT_NE(french.body.find("Aucun document ne contient tous vos mots"), std::string::npos);
  const HttpReply plain =
      http_get(environment().port(), "/search?" + query_parameters("impartiality") + "&ui=en");
  EXPECT_EQ(plain.body.find("class=\"relaxed\""), std::string::npos);
}

}  // namespace
}  // namespace jil::integration
