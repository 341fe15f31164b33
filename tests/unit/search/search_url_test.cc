// Tests search/search_url.cc: the shareable query string of a SearchRequest.
#include "search/search_url.h"

#include <gtest/gtest.h>

namespace jil::search {
namespace {

TEST(ParameterName, LanguageIsLangOthersAreTheFacetName) {
  EXPECT_EQ(parameter_name(schema::Facet::kLanguage), "lang");
  EXPECT_EQ(parameter_name(schema::Facet::kType), "type");
  EXPECT_EQ(parameter_name(schema::Facet::kTopic), "topic");
  EXPECT_EQ(parameter_name(schema::Facet::kCountry), "country");
}

TEST(ToQueryString, DefaultRequestIsJustTheQuery) {
  EXPECT_EQ(to_query_string(SearchRequest{}), "q=");
}

TEST(ToQueryString, EncodesTheQueryAndListsFiltersSortSizeAndPage) {
  SearchRequest request;
  request.query = "\"judicial ethics\" & l'éducation";
  request.filters[schema::Facet::kType] = {"report", "guidance"};
  request.filters[schema::Facet::kLanguage] = {"fr"};
  request.filters[schema::Facet::kCountry] = {"FR"};
  request.sort = SortOrder::kNewest;
  request.size = 20;
  request.page = 3;
  EXPECT_EQ(to_query_string(request),
            "q=%22judicial%20ethics%22%20%26%20l%27%C3%A9ducation&lang=fr&type=report"
            "&type=guidance&country=FR&sort=newest&size=20&page=3");
}

TEST(ToQueryString, KeepsTheYearRange) {
  SearchRequest request;
  request.query = "gifts";
  request.year_from = 2015;
  EXPECT_EQ(to_query_string(request), "q=gifts&year_from=2015");
  request.year_to = 2020;
  EXPECT_EQ(to_query_string(request), "q=gifts&year_from=2015&year_to=2020");
  request.year_from = 0;
  EXPECT_EQ(to_query_string(request), "q=gifts&year_to=2020");
}

TEST(ToQueryString, FirstPageAndRelevanceAreLeftOut) {
  SearchRequest request;
  request.query = "gifts";
  request.page = 1;
  request.sort = SortOrder::kRelevance;
  EXPECT_EQ(to_query_string(request), "q=gifts");
  request.sort = SortOrder::kOldest;
  EXPECT_EQ(to_query_string(request), "q=gifts&sort=oldest");
  request.sort = SortOrder::kTitle;
  EXPECT_EQ(to_query_string(request), "q=gifts&sort=title");
}

TEST(ToQueryString, EveryVersionIsSaidCollapsedIsTheDefault) {
  SearchRequest request;
  request.query = "gifts";
  EXPECT_EQ(to_query_string(request), "q=gifts");
  request.collapse_translations = false;
  EXPECT_EQ(to_query_string(request), "q=gifts&versions=all");
}

}  // namespace
}  // namespace jil::search
