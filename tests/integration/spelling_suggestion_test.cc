// "Did you mean" (issue 5 item 4) over the real index of corpus/: a misspelled word of each
// language gets the corrected query, in the API (`suggestion`) and on the page in the interface
// language, and the corrected query finds documents. Chinese has no spelling dictionary
// (README): its Traditional forms are folded instead.
#include <gtest/gtest.h>

#include "http_client.h"
#include "search_client.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

struct MisspellingCase {
  const char* ui;            // interface language of the page
  const char* typed;         // the misspelled query
  const char* corrected;     // the suggestion (folded words, as a title writes them where one has)
  const char* did_you_mean;  // the page's text in that language
};

const MisspellingCase kCases[] = {
    {"en", "impartialty", "impartiality", "Did you mean:"},
    {"fr", "récussation", "récusation", "Vouliez-vous dire\u00a0:"},
    {"es", "imparcialidat", "imparcialidad", "Quizás quiso decir:"},
    {"ru", "беспристрасность", "беспристрастность", "Возможно, вы имели в виду:"},
    {"ar", "النزاهت", "النزاهه", "هل تقصد:"},
    // Chinese: no Han dictionary, but a reader with the Chinese interface gets the
    // suggestion for a word of another script in Chinese.
    {"zh", "judicail independence", "judicial independence", "您是不是要找："},
};

TEST(SpellingSuggestion, CorrectsAMisspelledWordInEachLanguage) {
  for (const MisspellingCase& test : kCases) {
    SCOPED_TRACE(test.ui);
    const SearchPage misspelled = search_page(query_parameters(test.typed));
    ASSERT_EQ(misspelled.status, 200u);
    // A misspelled word of several finds nothing with every word: the search is relaxed to
    // any of them (relaxed_query_test.cc), and the suggestion is still that of the words typed.
    EXPECT_TRUE(misspelled.body["total"].get<int>() < 3 || misspelled.body["relaxed"] == true);
    EXPECT_EQ(misspelled.body.value("suggestion", ""), test.corrected);
    const SearchPage corrected = search_page(query_parameters(test.corrected));
    EXPECT_GT(corrected.body["total"].get<int>(), 0) << "the suggestion finds documents";

    const HttpReply page = http_get(environment().port(),
                                    "/search?" + query_parameters(test.typed) + "&ui=" + test.ui);
    ASSERT_EQ(page.status, 200u);
    const std::string link =
        "<a href=\"/search?" + query_parameters(test.corrected) + "\">" + test.corrected + "</a>";
    EXPECT_NE(page.body.find(std::string(test.did_you_mean) + " " + link), std::string::npos)
        << page.body;
  }
}

TEST(SpellingSuggestion, NoneWhenTheSearchFindsEnough) {
  const SearchPage found = search_page(query_parameters("impartiality"));
  ASSERT_GE(found.body["total"].get<int>(), 3);
  EXPECT_FALSE(found.body.contains("suggestion"));
  const HttpReply page = http_get(environment().port(), "/search?q=impartiality&ui=en");
  EXPECT_EQ(page.body.find("Did you mean:"), std::string::npos);
}

TEST(SpellingSuggestion, ChineseTraditionalFormsNeedNoCorrection) {
  const SearchPage traditional = search_page(query_parameters("司法獨立"));
  const SearchPage simplified = search_page(query_parameters("司法独立"));
  ASSERT_EQ(traditional.status, 200u);
  EXPECT_GT(traditional.body["total"].get<int>(), 0);
  EXPECT_EQ(traditional.ids, simplified.ids);
  EXPECT_FALSE(traditional.body.contains("suggestion"));
}

}  // namespace
}  // namespace jil::integration
