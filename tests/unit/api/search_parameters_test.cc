// Tests api/search_parameters.cc: URL parameters → SearchRequest, and the message for each
// parameter that is out of range or not in the vocabulary.
#include "api/search_parameters.h"

#include <gtest/gtest.h>

#include <string>

namespace jil::api {
namespace {

using schema::Facet;

Result<search::SearchRequest> parsed(std::string_view query_string) {
  Result<ParsedTarget> target = parse_target("/search?" + std::string(query_string));
  EXPECT_TRUE(target.is_ok()) << target.status().to_string();
  if (!target.is_ok()) return target.status();
  return parse_search_parameters(*target);
}

// The error message for `query_string`, or "ok".
std::string problem_of(std::string_view query_string) {
  Result<search::SearchRequest> request = parsed(query_string);
  return request.is_ok() ? "ok" : request.status().message();
}

TEST(SearchParameters, DefaultsWhenNothingIsGiven) {
  Result<search::SearchRequest> request = parsed("");
  ASSERT_TRUE(request.is_ok()) << request.status().to_string();
  EXPECT_EQ(request->query, "");
  EXPECT_TRUE(request->filters.empty());
  EXPECT_EQ(request->page, 1u);
  EXPECT_EQ(request->size, search::kDefaultPageSize);
  EXPECT_EQ(request->sort, search::SortOrder::kRelevance);
  EXPECT_EQ(request->query_language, analysis::Language::kUnd);
}

TEST(SearchParameters, ReadsEveryParameter) {
  Result<search::SearchRequest> request = parsed(
      "q=judicial+ethics&lang=fr&type=report&type=guidance&region=africa&country=FR"
      "&organisation=ijin&topic=gifts&value=integrity&year=2021&page=3&size=20&sort=newest");
  ASSERT_TRUE(request.is_ok()) << request.status().to_string();
  EXPECT_EQ(request->query, "judicial ethics");
  EXPECT_EQ(request->filters.at(Facet::kLanguage), std::vector<std::string>{"fr"});
  EXPECT_EQ(request->filters.at(Facet::kType), (std::vector<std::string>{"report", "guidance"}));
  EXPECT_EQ(request->filters.at(Facet::kRegion), std::vector<std::string>{"africa"});
  EXPECT_EQ(request->filters.at(Facet::kCountry), std::vector<std::string>{"FR"});
  EXPECT_EQ(request->filters.at(Facet::kOrganisation), std::vector<std::string>{"ijin"});
  EXPECT_EQ(request->filters.at(Facet::kTopic), std::vector<std::string>{"gifts"});
  EXPECT_EQ(request->filters.at(Facet::kValue), std::vector<std::string>{"integrity"});
  EXPECT_EQ(request->filters.at(Facet::kYear), std::vector<std::string>{"2021"});
  EXPECT_EQ(request->page, 3u);
  EXPECT_EQ(request->size, 20u);
  EXPECT_EQ(request->sort, search::SortOrder::kNewest);
}

// The language facet counts results under one analysis of the words; a selection must not
// change it, or choosing "French (7)" could find none
// (SearchFacets.ALanguageFindsWhatItsCountSaid).
TEST(SearchParameters, ALanguageFilterLeavesTheWordsAnalysedForEveryLanguage) {
  EXPECT_EQ(parsed("lang=ar")->query_language, analysis::Language::kUnd);
  EXPECT_EQ(parsed("lang=ar&lang=fr")->query_language, analysis::Language::kUnd);
}

// A year typed on an Arabic, Persian or Chinese keyboard is the same year.
TEST(SearchParameters, YearsTypedInOtherDigitsAreRead) {
  // ٢٠١٥ (Arabic-Indic), ۲۰۱۸ (extended Arabic-Indic, Persian), ２０２０ (fullwidth).
  Result<search::SearchRequest> request =
      parsed("year_from=%D9%A2%D9%A0%D9%A1%D9%A5&year_to=%DB%B2%DB%B0%DB%B1%DB%B8");
  ASSERT_TRUE(request.is_ok()) << request.status().to_string();
  EXPECT_EQ(request->year_from, 2015);
  EXPECT_EQ(request->year_to, 2018);
  EXPECT_EQ(parsed("year_to=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%90")->year_to, 2020);
  EXPECT_EQ(parsed("year_to=2%D9%A0%D9%A22")->year_to, 2022);  // mixed
  // Three digits are still not a year, and the message quotes what was typed.
  EXPECT_EQ(problem_of("year_from=%D9%A2%D9%A0%D9%A1"),
            "parameter 'year_from' must be a year of four digits such as 2015, not '٢٠١'");
}

TEST(SearchParameters, EmptyFilterValuesAreIgnored) {
  Result<search::SearchRequest> request = parsed("type=&lang=&q=x");
  ASSERT_TRUE(request.is_ok()) << request.status().to_string();
  EXPECT_TRUE(request->filters.empty());
}

TEST(SearchParameters, SortAcceptsFourOrders) {
  EXPECT_EQ(parsed("sort=relevance")->sort, search::SortOrder::kRelevance);
  EXPECT_EQ(parsed("sort=oldest")->sort, search::SortOrder::kOldest);
  EXPECT_EQ(parsed("sort=title")->sort, search::SortOrder::kTitle);
  EXPECT_EQ(problem_of("sort=date"), "parameter 'sort' must be relevance, newest, oldest or title");
}

TEST(SearchParameters, SizeMustBeFromOneToFifty) {
  const std::string problem = "parameter 'size' must be a whole number from 1 to 50";
  for (const char* bad : {"size=0", "size=51", "size=ten", "size=-1", "size=1.5", "size=+5",
                          "size=%205", "size=99999999999999999999999"}) {
    EXPECT_EQ(problem_of(bad), problem) << bad;
  }
  EXPECT_EQ(problem_of("size=1"), "ok");
  EXPECT_EQ(problem_of("size=50"), "ok");
}

TEST(SearchParameters, PageTimesSizeIsCappedAtTheResultDepth) {
  EXPECT_EQ(problem_of("page=100"), "ok");  // 100 * 10 = 1000
  EXPECT_EQ(problem_of("page=101"), "parameter 'page' must be a whole number from 1 to 100");
  EXPECT_EQ(problem_of("size=50&page=20"), "ok");
  EXPECT_EQ(problem_of("size=50&page=21"), "parameter 'page' must be a whole number from 1 to 20");
  EXPECT_EQ(problem_of("page=0"), "parameter 'page' must be a whole number from 1 to 100");
}

TEST(SearchParameters, PageIsCheckedAgainstTheDefaultSizeInForce) {
  Result<ParsedTarget> target = parse_target("/feed.atom?page=51");
  ASSERT_TRUE(target.is_ok());
  EXPECT_EQ(parse_search_parameters(*target, 20).status().message(),
            "parameter 'page' must be a whole number from 1 to 50");
  target = parse_target("/feed.atom?page=50");
  ASSERT_TRUE(target.is_ok());
  Result<search::SearchRequest> request = parse_search_parameters(*target, 20);
  ASSERT_TRUE(request.is_ok()) << request.status().to_string();
  EXPECT_EQ(request->size, 20u);
  EXPECT_EQ(request->page, 50u);
}

TEST(SearchParameters, CrossTakesZeroOneFalseOrTrue) {
  EXPECT_FALSE(parsed("cross=0")->cross_language);
  EXPECT_FALSE(parsed("cross=false")->cross_language);
  EXPECT_TRUE(parsed("cross=true")->cross_language);
  EXPECT_EQ(problem_of("cross=FALSE"), "parameter 'cross' must be 0, 1, false or true");
}

TEST(SearchParameters, ControlledFacetsAcceptOnlyVocabularyIds) {
  EXPECT_EQ(problem_of("lang=de"), "parameter 'lang': unknown value 'de'");
  EXPECT_EQ(problem_of("type=memo"), "parameter 'type': unknown value 'memo'");
  EXPECT_EQ(problem_of("region=mars"), "parameter 'region': unknown value 'mars'");
  EXPECT_EQ(problem_of("organisation=acme"), "parameter 'organisation': unknown value 'acme'");
  EXPECT_EQ(problem_of("topic=weather"), "parameter 'topic': unknown value 'weather'");
  EXPECT_EQ(problem_of("value=speed"), "parameter 'value': unknown value 'speed'");
}

TEST(SearchParameters, CountryMustBeAnIsoCode) {
  EXPECT_EQ(problem_of("country=fr"),
            "parameter 'country': 'fr' is not an ISO 3166-1 alpha-2 code such as FR");
  EXPECT_EQ(problem_of("country=XX"),
            "parameter 'country': 'XX' is not an ISO 3166-1 alpha-2 code such as FR");
}

TEST(SearchParameters, YearMustBeFourDigits) {
  EXPECT_EQ(problem_of("year=21"), "parameter 'year': '21' is not a year");
  EXPECT_EQ(problem_of("year=20x1"), "parameter 'year': '20x1' is not a year");
  EXPECT_EQ(problem_of("year=2021"), "ok");
}

TEST(SearchParameters, AtMostTwentyValuesPerFacet) {
  std::string query_string;
  for (size_t index = 0; index < search::kMaxFilterValues; ++index) query_string += "year=2000&";
  EXPECT_EQ(problem_of(query_string), "ok");
  query_string += "year=2001";
  EXPECT_EQ(problem_of(query_string), "parameter 'year' is given more than 20 times");
}

TEST(SearchParameters, VersionsCollapsedByDefaultOrAll) {
  EXPECT_TRUE(parsed("q=a")->collapse_translations);
  EXPECT_TRUE(parsed("q=a&versions=collapsed")->collapse_translations);
  EXPECT_FALSE(parsed("q=a&versions=all")->collapse_translations);
  EXPECT_EQ(problem_of("versions=every"), "parameter 'versions' must be collapsed or all");
}

}  // namespace
}  // namespace jil::api
