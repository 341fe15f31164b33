// GET /api/v1/search end to end: a typical query in each of the six languages finds that
// language's relevant documents with highlighted snippets; facets, filters and paging.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <map>

#include "http_client.h"
#include "search_client.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

using nlohmann::json;

// The code points [offset, offset + length) of UTF-8 `text`, as the API counts match offsets.
std::string code_point_slice(const std::string& text, size_t offset, size_t length) {
  size_t begin = text.size();
  size_t end = text.size();
  size_t count = 0;
  for (size_t index = 0; index <= text.size(); ++index) {
    const bool boundary =
        index == text.size() || (static_cast<unsigned char>(text[index]) & 0xC0) != 0x80;
    if (!boundary) continue;
    if (count == offset) begin = index;
    if (count == offset + length) {
      end = index;
      break;
    }
    ++count;
  }
  return begin <= end ? text.substr(begin, end - begin) : "";
}

std::string html_unescaped(std::string text) {
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  for (const auto& [entity, plain] : kEntities) {
    for (size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at)) {
      text.replace(at, std::strlen(entity), plain);
      at += std::strlen(plain);
    }
  }
  return text;
}

// The texts inside <mark>…</mark> of `html`, unescaped.
std::vector<std::string> marked_texts(const std::string& html) {
  std::vector<std::string> marked;
  for (size_t at = html.find("<mark>"); at != std::string::npos; at = html.find("<mark>", at)) {
    const size_t end = html.find("</mark>", at);
    if (end == std::string::npos) break;
    marked.push_back(html_unescaped(html.substr(at + 6, end - at - 6)));
    at = end;
  }
  return marked;
}

struct LanguageCase {
  std::string language;
  std::string query;
  std::vector<std::string> expected_ids;  // checked in the corpus: each contains the words
};

void PrintTo(const LanguageCase& test, std::ostream* out) {
  *out << test.language << ": " << test.query;
}

class SearchInEachLanguage : public ::testing::TestWithParam<LanguageCase> {};

TEST_P(SearchInEachLanguage, FindsRelevantDocumentsWithHighlightedSnippets) {
  const LanguageCase& test = GetParam();
  const SearchPage page = search_page(query_parameters(test.query, "&size=50"));
  ASSERT_EQ(page.status, 200u) << page.body.dump();
  for (const auto& id : test.expected_ids) {
    const auto hit = std::find_if(page.body["results"].begin(), page.body["results"].end(),
                                  [&](const json& result) { return result["id"] == id; });
    ASSERT_NE(hit, page.body["results"].end()) << id << " not found by " << test.query;
    EXPECT_EQ((*hit)["language"], test.language) << id;
    const json& snippet = (*hit)["snippet"];
    const std::string html = snippet["html"].get<std::string>();
    EXPECT_NE(html.find("<mark>"), std::string::npos) << id << ": " << html;
    ASSERT_FALSE(snippet["matches"].empty()) << id << ": no match offsets in the snippet";
    // Each [offset, length] pair (in code points) points at the text the HTML marks.
    const std::vector<std::string> marked = marked_texts(html);
    ASSERT_EQ(marked.size(), snippet["matches"].size()) << id << ": " << html;
    for (size_t index = 0; index < marked.size(); ++index) {
      const json& match = snippet["matches"][index];
      EXPECT_EQ(code_point_slice(snippet["text"].get<std::string>(), match[0].get<size_t>(),
                                 match[1].get<size_t>()),
                marked[index])
          << id << " match " << index;
    }
  }
}

TEST_P(SearchInEachLanguage, LanguageFilterKeepsOnlyThatLanguage) {
  const LanguageCase& test = GetParam();
  const std::set<std::string> ids = ids_for(test.query, "&lang=" + test.language);
  for (const auto& id : test.expected_ids) EXPECT_TRUE(ids.count(id)) << id;
  for (const auto& id : ids) {
    EXPECT_EQ(environment().catalog().document(id).language, test.language) << id;
  }
}

INSTANTIATE_TEST_SUITE_P(
    SixLanguages, SearchInEachLanguage,
    ::testing::Values(
        LanguageCase{"en",
                     "conflict of interest",
                     {"coi-guidance-en", "model-code-en", "ethics-bench-book-new-judges-en",
                      "code-of-conduct-judicial-officers-jm-en",
                      // writes only "conflicts of interest": found through the stem
                      "asset-declaration-report-en"}},
        LanguageCase{
            "fr",
            "récusation",
            {"coi-guidance-fr", "recueil-principes-deontologiques-magistrats-fr",
             "guide-procedure-disciplinaire-magistrats-fr",
             "outil-autodiagnostic-integrite-juridictions-fr", "case-assignment-model-law-fr"}},
        LanguageCase{"es",
                     "imparcialidad",
                     {"coi-guidance-es", "model-code-es", "political-activity-opinion-es",
                      "social-media-guidelines-es", "ethics-self-assessment-es",
                      "case-distribution-audit-ar-es", "disciplinary-procedure-guide-co-es"}},
        LanguageCase{"ru",
                     "конфликт интересов",
                     {"coi-guidance-ru", "model-code-ru", "disciplinary-practice-review-2016-ru",
                      "judges-conduct-rules-1999-by-ru", "asset-declaration-report-ru"}},
        LanguageCase{"ar",
                     "تضارب المصالح",
                     {"coi-guidance-ar", "asset-declaration-guide-ar",
                      "judicial-council-annual-report-2022-ar", "social-media-guidelines-ar",
                      "model-code-ar",
                      // writes "وتضارب": found through the proclitic rule
                      "judicial-ethics-trainee-handbook-ar"}},
        LanguageCase{"zh",
                     "利益冲突",
                     {"coi-guidance-zh",  // Traditional: 利益衝突
                      "court-staff-integrity-code-sg-zh", "asset-declaration-report-zh",
                      "court-integrity-report-2012-mo-zh", "model-code-zh",
                      "judge-discipline-procedure-rules-zh", "judges-social-media-guidance-tw-zh",
                      "gifts-hospitality-training-hk-zh"}}),
    [](const ::testing::TestParamInfo<LanguageCase>& param_info) {
      return param_info.param.language;
    });

// --- Facets and filters ---

std::map<std::string, uint64_t> facet_counts(const json& body, const std::string& facet) {
  std::map<std::string, uint64_t> counts;
  for (const auto& value : body["facets"][facet]) {
    counts[value["value"].get<std::string>()] = value["count"].get<uint64_t>();
  }
  return counts;
}

TEST(SearchFacets, LanguageFilterReturnsExactlyThatLanguage) {
  const std::set<std::string> expected =
      environment().catalog().ids_where([](const auto& doc) { return doc.language == "fr"; });
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(search_ids("q=&lang=fr"), expected);
  const SearchPage page = search_page("q=&lang=fr&size=1");
  ASSERT_EQ(page.status, 200u);
  EXPECT_EQ(page.body["total"].get<uint64_t>(), expected.size());
  // Disjunctive counts: the language facet ignores its own selection, so the other languages
  // still show how many results choosing them would add.
  std::map<std::string, uint64_t> every_language;
  for (const auto& doc : environment().catalog().documents()) ++every_language[doc.language];
  EXPECT_EQ(facet_counts(page.body, "language"), every_language);
  for (const auto& value : page.body["facets"]["language"]) {
    EXPECT_EQ(value["selected"].get<bool>(), value["value"] == "fr") << value.dump();
  }
}

// Every language the facet lists finds, when chosen, exactly the results it counted, for words
// whose stems differ between languages ("independence" is "indépendance" in French).
TEST(SearchFacets, ALanguageFindsWhatItsCountSaid) {
  for (const char* query : {"independence", "judges", "conflict%20of%20interest", "recusation"}) {
    const SearchPage page = search_page(std::string("q=") + query + "&versions=all&size=1");
    ASSERT_EQ(page.status, 200u) << query;
    const std::map<std::string, uint64_t> counts = facet_counts(page.body, "language");
    ASSERT_FALSE(counts.empty()) << query;
    for (const auto& [language, count] : counts) {
      const SearchPage chosen =
          search_page(std::string("q=") + query + "&versions=all&size=1&lang=" + language);
      ASSERT_EQ(chosen.status, 200u);
      EXPECT_EQ(chosen.body["total"].get<uint64_t>(), count) << query << " in " << language;
      // Naming the language twice is the same selection.
      const SearchPage twice =
          search_page(std::string("q=") + query + "&versions=all&size=1&lang=" + language +
                      "&lang=" + language);
      EXPECT_EQ(twice.body["total"], chosen.body["total"]) << query << " in " << language;
    }
  }
}

TEST(SearchFacets, EachFacetCountsWithEveryOtherFacetsSelection) {
  const SearchPage page = search_page("q=&lang=fr&type=legislation&size=1");
  ASSERT_EQ(page.status, 200u);
  std::map<std::string, uint64_t> languages_of_legislation;
  std::map<std::string, uint64_t> types_in_french;
  std::map<std::string, uint64_t> years_of_french_legislation;
  for (const auto& doc : environment().catalog().documents()) {
    if (doc.type == "legislation") ++languages_of_legislation[doc.language];
    if (doc.language == "fr") ++types_in_french[doc.type];
  }
  EXPECT_EQ(facet_counts(page.body, "language"), languages_of_legislation);
  EXPECT_EQ(facet_counts(page.body, "type"), types_in_french);
  uint64_t years = 0;
  for (const auto& [value, count] : facet_counts(page.body, "year")) years += count;
  EXPECT_EQ(years, page.body["total"].get<uint64_t>()) << "an unselected facet counts the results";
}

TEST(SearchFacets, LanguageCountsMatchTheCorpusAndAddUpToTotal) {
  std::map<std::string, uint64_t> expected;
  for (const auto& doc : environment().catalog().documents()) ++expected[doc.language];
  const SearchPage page = search_page("q=&size=1&versions=all");
  ASSERT_EQ(page.status, 200u);
  EXPECT_EQ(page.body["total"].get<uint64_t>(), environment().catalog().documents().size());
  EXPECT_EQ(facet_counts(page.body, "language"), expected);
  EXPECT_EQ(expected.size(), 6u);
}

TEST(SearchFacets, FacetCountsAddUpToTotalForAQuery) {
  const SearchPage page =
      search_page(query_parameters("integrity OR intégrité OR 廉洁", "&versions=all"));
  ASSERT_EQ(page.status, 200u);
  const uint64_t total = page.body["total"].get<uint64_t>();
  ASSERT_GT(total, 0u);
  for (const std::string facet : {"language", "type", "region", "organisation", "year"}) {
    uint64_t sum = 0;
    for (const auto& [value, count] : facet_counts(page.body, facet)) sum += count;
    EXPECT_EQ(sum, total) << facet << " (a single-valued facet)";
  }
}

TEST(SearchFacets, TypeFilterReturnsExactlyThatType) {
  const std::set<std::string> expected =
      environment().catalog().ids_where([](const auto& doc) { return doc.type == "report"; });
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(search_ids("q=&type=report"), expected);
}

TEST(SearchFacets, TwoValuesOfOneFacetAreEitherOr) {
  const std::set<std::string> expected = environment().catalog().ids_where(
      [](const auto& doc) { return doc.type == "report" || doc.type == "legislation"; });
  EXPECT_EQ(search_ids("q=&type=report&type=legislation"), expected);
  const std::set<std::string> two_languages = environment().catalog().ids_where(
      [](const auto& doc) { return doc.language == "fr" || doc.language == "es"; });
  EXPECT_EQ(search_ids("q=&lang=fr&lang=es"), two_languages);
}

TEST(SearchFacets, DifferentFacetsAreBothRequired) {
  const std::set<std::string> expected = environment().catalog().ids_where(
      [](const auto& doc) { return doc.language == "fr" && doc.type == "legislation"; });
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(search_ids("q=&lang=fr&type=legislation"), expected);
}

// --- Year range ---

TEST(SearchYearRange, KeepsExactlyTheYearsInRange) {
  const SearchPage all = search_page("q=&size=1");
  ASSERT_EQ(all.status, 200u);
  uint64_t in_range = 0;
  for (const auto& [year, count] : facet_counts(all.body, "year")) {
    if (year >= "2015" && year <= "2018") in_range += count;
  }
  ASSERT_GT(in_range, 0u);
  ASSERT_LT(in_range, all.body["total"].get<uint64_t>());
  const SearchPage page = search_page("q=&size=1&year_from=2015&year_to=2018");
  ASSERT_EQ(page.status, 200u) << page.body.dump();
  EXPECT_EQ(page.body["total"].get<uint64_t>(), in_range);
  for (const auto& [year, count] : facet_counts(page.body, "year")) {
    EXPECT_TRUE(year >= "2015" && year <= "2018") << year;
  }
  EXPECT_EQ(page.body["year_range"], (json{{"from", 2015}, {"to", 2018}}));
  // One bound alone.
  const SearchPage since = search_page("q=&size=1&year_from=2019");
  ASSERT_EQ(since.status, 200u);
  for (const auto& [year, count] : facet_counts(since.body, "year")) EXPECT_GE(year, "2019");
  const SearchPage until = search_page("q=&size=1&year_to=2014");
  ASSERT_EQ(until.status, 200u);
  for (const auto& [year, count] : facet_counts(until.body, "year")) EXPECT_LE(year, "2014");
}

TEST(SearchYearRange, MalformedOrReversedRangeIsA400WithAPreciseDetail) {
  const std::pair<const char*, const char*> kCases[] = {
      {"q=&year_from=15", "parameter 'year_from' must be a year of four digits"},
      {"q=&year_to=20x0", "parameter 'year_to' must be a year of four digits"},
      {"q=&year_from=2020&year_to=2010", "'year_from' (2020) must not be after 'year_to' (2010)"},
  };
  for (const auto& [parameters, detail] : kCases) {
    const SearchPage page = search_page(parameters);
    EXPECT_EQ(page.status, 400u) << parameters;
    EXPECT_NE(page.body.value("detail", "").find(detail), std::string::npos)
        << parameters << ": " << page.body.dump();
  }
}

TEST(SearchPaging, PagesAreDisjointAndCoverEveryResult) {
  const size_t corpus_size = environment().catalog().documents().size();
  std::set<std::string> seen;
  size_t pages = 0;
  for (int page_number = 1; seen.size() < corpus_size && page_number <= 20; ++page_number) {
    const SearchPage page =
        search_page("q=&versions=all&size=10&page=" + std::to_string(page_number));
    ASSERT_EQ(page.status, 200u) << page.body.dump();
    EXPECT_EQ(page.body["page"].get<int>(), page_number);
    EXPECT_EQ(page.body["size"].get<int>(), 10);
    ASSERT_FALSE(page.ids.empty()) << "page " << page_number;
    for (const auto& id : page.ids) EXPECT_TRUE(seen.insert(id).second) << id << " repeated";
    ++pages;
  }
  EXPECT_EQ(seen.size(), corpus_size);
  EXPECT_EQ(pages, (corpus_size + 9) / 10);
}

TEST(SearchPaging, RankedQueryPagesAreDisjoint) {
  const SearchPage first = search_page(query_parameters("judge", "&lang=en&size=5&page=1"));
  const SearchPage second = search_page(query_parameters("judge", "&lang=en&size=5&page=2"));
  ASSERT_EQ(first.ids.size(), 5u);
  ASSERT_EQ(second.ids.size(), 5u);
  for (const auto& id : first.ids) {
    EXPECT_EQ(std::count(second.ids.begin(), second.ids.end(), id), 0) << id;
  }
  EXPECT_EQ(first.body["total"], second.body["total"]);
}

// JSON answers that echo user input write <, > and & as \u003c, \u003e, \u0026
// (render/json_text.h), in a 200 (the query) and in a problem's detail (a bad parameter value).
TEST(SearchJson, EchoedInputHasNoRawMarkupCharacters) {
  const std::string hostile = "<script>alert(1)</script> & judges";
  const HttpReply reply =
      http_get(environment().port(), "/api/v1/search?size=1&q=" + percent_encoded(hostile));
  ASSERT_EQ(reply.status, 200u) << reply.body;
  EXPECT_EQ(reply.body.find("<script>"), std::string::npos) << reply.body.substr(0, 200);
  EXPECT_EQ(reply.body.find('&'), std::string::npos) << reply.body.substr(0, 200);
  EXPECT_NE(reply.body.find("\\u003cscript\\u003e"), std::string::npos)
      << reply.body.substr(0, 200);
  EXPECT_EQ(json::parse(reply.body).value("query", ""), hostile) << "the value is unchanged";

  const HttpReply bad = http_get(environment().port(),
                                 "/api/v1/search?q=judges&type=" + percent_encoded("<img src=x>"));
  ASSERT_EQ(bad.status, 400u) << bad.body;
  EXPECT_EQ(bad.body.find('<'), std::string::npos) << bad.body;
  EXPECT_NE(json::parse(bad.body).value("detail", "").find("<img src=x>"), std::string::npos)
      << "the detail still names the value: " << bad.body;
}

}  // namespace
}  // namespace jil::integration
