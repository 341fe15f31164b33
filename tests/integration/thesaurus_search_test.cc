// Searching across languages through the thesaurus, end to end (issue 7): a query naming a
// concept in one language reaches that concept's documents in the other languages, ranked below
// the same-language matches, counted apart, and can be turned off; /api/v1/concepts and the
// concept facet.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <string>
#include <tuple>

#include "http_client.h"
#include "search_client.h"
#include "test_environment.h"
#include "thesaurus/thesaurus.h"

namespace jil::integration {
namespace {

using nlohmann::json;

// The conflict-of-interest guidance exists in all six languages.
const std::set<std::string> kCoiGuidance = {"coi-guidance-ar", "coi-guidance-en",
                                            "coi-guidance-es", "coi-guidance-fr",
                                            "coi-guidance-ru", "coi-guidance-zh"};

bool names_concept(const json& body, const std::string& id) {
  for (const json& entry : body.at("concepts")) {
    if (entry.at("id") == id) return true;
  }
  return false;
}

TEST(CrossLanguage, ConceptQueryFindsTheGuidanceInEveryLanguage) {
  for (const auto& [query, home] : {std::pair<std::string, std::string>{"تضارب المصالح", "ar"},
                                    {"利益冲突", "zh"},
                                    {"конфликт интересов", "ru"}}) {
    const std::set<std::string> found = search_ids(query_parameters(query, "&hl=" + home));
    for (const auto& id : kCoiGuidance) EXPECT_TRUE(found.count(id)) << query << " misses " << id;
    const SearchPage page = search_page(query_parameters(query, "&hl=" + home + "&size=1"));
    ASSERT_EQ(page.status, 200u);
    EXPECT_TRUE(names_concept(page.body, "conflict-of-interest")) << page.body.dump();
    EXPECT_GT(page.body.at("other_language_total").get<uint64_t>(), 0u);
  }
}

// The documents that have the words (those cross=0 finds) rank above every document the
// concept brought, in the reader's language or another.
TEST(CrossLanguage, WordMatchesRankFirst) {
  const std::set<std::string> words =
      search_ids(query_parameters("تضارب المصالح", "&hl=ar&cross=0"));
  ASSERT_FALSE(words.empty());
  const SearchPage page =
      search_page(query_parameters("تضارب المصالح", "&hl=ar&size=50&versions=all"));
  ASSERT_EQ(page.status, 200u);
  bool left_words = false;
  bool other_language = false;
  for (const json& hit : page.body.at("results")) {
    const bool has_words = words.count(hit.at("id").get<std::string>()) > 0;
    if (!has_words) left_words = true;
    other_language = other_language || hit.at("language") != "ar";
    EXPECT_FALSE(has_words && left_words)
        << hit.at("id") << " has the words and ranks below one that has not";
  }
  EXPECT_TRUE(other_language) << "no result in another language";
}

// A document found through the concept alone holds none of the query's words: its snippet is
// its summary, which says what it is about, not its opening lines, which repeat the title.
TEST(CrossLanguage, AResultFoundThroughTheConceptAloneShowsItsSummary) {
  const SearchPage page =
      search_page(query_parameters("تضارب المصالح", "&hl=ar&size=50&versions=all"));
  ASSERT_EQ(page.status, 200u);
  size_t through_concept = 0;
  for (const json& hit : page.body.at("results")) {
    if (hit.at("language") == "ar" || hit.value("summary", "").empty()) continue;
    ++through_concept;
    // The summary, cut at the snippet's length ("… " closes a cut one).
    std::string snippet = hit.at("snippet").at("text");
    if (snippet.ends_with(" …")) snippet.resize(snippet.size() - std::string(" …").size());
    EXPECT_TRUE(hit.at("summary").get<std::string>().starts_with(snippet)) << hit.at("id");
    EXPECT_GT(snippet.size(), 40u) << hit.at("id");
  }
  EXPECT_GT(through_concept, 0u) << "no result in another language with a summary";
}

// A document in the reader's language that names the concept by another of its labels is
// found too: the Taiwanese guidance says 社群媒體, the query 社交媒体.
TEST(CrossLanguage, OtherLabelsOfTheConceptFindDocumentsInTheReadersLanguage) {
  const char kTaiwan[] = "judges-social-media-guidance-tw-zh";
  EXPECT_FALSE(ids_for("社交媒体", "&hl=zh&lang=zh&cross=0").count(kTaiwan));
  EXPECT_TRUE(ids_for("社交媒体", "&hl=zh&lang=zh").count(kTaiwan));
}

TEST(CrossLanguage, OtherLanguageCountIsTotalMinusTheHomeLanguage) {
  const SearchPage all = search_page(query_parameters("利益冲突", "&hl=zh&size=1"));
  const SearchPage home = search_page(query_parameters("利益冲突", "&hl=zh&lang=zh&size=1"));
  ASSERT_EQ(all.status, 200u);
  ASSERT_EQ(home.status, 200u);
  EXPECT_EQ(all.body.at("other_language_total").get<uint64_t>(),
            all.body.at("total").get<uint64_t>() - home.body.at("total").get<uint64_t>());
}

TEST(CrossLanguage, CrossZeroKeepsToTheWordsOfTheQuery) {
  const std::set<std::string> without = search_ids(query_parameters("利益冲突", "&hl=zh&cross=0"));
  EXPECT_TRUE(without.count("coi-guidance-zh"));
  EXPECT_FALSE(without.count("coi-guidance-en"));
  const std::set<std::string> with = search_ids(query_parameters("利益冲突", "&hl=zh"));
  EXPECT_GT(with.size(), without.size());
}

TEST(CrossLanguage, ResultsSayWhichLanguagesTheWorkExistsIn) {
  const SearchPage page = search_page(query_parameters("利益冲突", "&hl=zh&size=50&versions=all"));
  ASSERT_EQ(page.status, 200u);
  bool saw_guidance = false;
  for (const json& hit : page.body.at("results")) {
    const auto languages = hit.at("work_languages").get<std::vector<std::string>>();
    EXPECT_NE(std::find(languages.begin(), languages.end(), hit.at("language")), languages.end());
    const bool has_zh = std::find(languages.begin(), languages.end(), "zh") != languages.end();
    EXPECT_EQ(hit.at("in_home_language").get<bool>(), has_zh) << hit.at("id");
    if (hit.at("id") == "coi-guidance-en") {
      saw_guidance = true;
      EXPECT_EQ(languages, (std::vector<std::string>{"ar", "en", "es", "fr", "ru", "zh"}));
    }
  }
  EXPECT_TRUE(saw_guidance);
}

TEST(ConceptsApi, ListsEveryConceptWithLabelsLinksAndCounts) {
  const HttpReply reply = http_get(environment().port(), "/api/v1/concepts");
  ASSERT_EQ(reply.status, 200u);
  const json body = json::parse(reply.body);
  EXPECT_EQ(body.at("top").size(), 6u);
  ASSERT_GE(body.at("concepts").size(), 150u);
  bool found = false;
  for (const json& entry : body.at("concepts")) {
    if (entry.at("id") != "conflict-of-interest") continue;
    found = true;
    EXPECT_EQ(entry.at("labels").at("ru").at("pref"), "конфликт интересов");
    EXPECT_GE(entry.at("documents").get<int>(), 6);
    EXPECT_FALSE(entry.at("broader").empty());
  }
  EXPECT_TRUE(found);
}

TEST(ConceptFacet, FilterNarrowsToTheConceptAndItsNarrowerConcepts) {
  const std::set<std::string> tagged = search_ids("q=&concept=conflict-of-interest");
  for (const auto& id : kCoiGuidance) EXPECT_TRUE(tagged.count(id)) << id;
  // Every document tagged with a concept is also under its top concept.
  const std::set<std::string> integrity = search_ids("q=&concept=integrity");
  const std::set<std::string> impartiality = search_ids("q=&concept=impartiality");
  for (const auto& id : tagged) {
    EXPECT_TRUE(integrity.count(id) || impartiality.count(id)) << id;
  }
  const SearchPage page = search_page("q=&size=1");
  ASSERT_EQ(page.status, 200u);
  EXPECT_FALSE(page.body.at("facets").at("concept").empty());
}

// A concept's facet count is what clicking it finds: the documents whose most mentioned
// concepts (with their broader ones) include it, in the facet and in the filter alike.
TEST(ConceptFacet, EachCountIsWhatItsFilterFinds) {
  for (const std::string query : {"q=&versions=all", "q=judges&versions=all"}) {
    const SearchPage page = search_page(query + "&size=1");
    ASSERT_EQ(page.status, 200u);
    const json& counts = page.body.at("facets").at("concept");
    ASSERT_GE(counts.size(), 5u) << query;
    for (const json& entry : counts) {
      const std::string concept_id = entry.at("value");
      const SearchPage filtered = search_page(query + "&size=1&concept=" + concept_id);
      ASSERT_EQ(filtered.status, 200u);
      EXPECT_EQ(filtered.body.at("total"), entry.at("count")) << query << " " << concept_id;
    }
  }
}

TEST(ConceptFacet, UnknownConceptIsA400) {
  const SearchPage page = search_page("q=judges&concept=no-such-concept");
  EXPECT_EQ(page.status, 400u);
  EXPECT_NE(page.body.at("detail").get<std::string>().find("unknown concept 'no-such-concept'"),
            std::string::npos);
}

TEST(CrossLanguagePage, SaysPlainlyHowManyResultsAreInOtherLanguages) {
  const HttpReply reply =
      http_get(environment().port(),
               "/search?q=%D8%AA%D8%B6%D8%A7%D8%B1%D8%A8+%D8%A7%D9%84%D9%85%D8%B5"
               "%D8%A7%D9%84%D8%AD&ui=ar");
  ASSERT_EQ(reply.status, 200u);
  EXPECT_NE(reply.body.find("class=\"across\""), std::string::npos);
  EXPECT_NE(reply.body.find("بلغات أخرى"), std::string::npos);  // "... in other languages"
  EXPECT_NE(reply.body.find("عرض النتائج بالعربية فقط"), std::string::npos);  // keep only Arabic
  EXPECT_NE(reply.body.find("lang=ar"), std::string::npos);
  EXPECT_NE(reply.body.find("cross=0"), std::string::npos);
}

TEST(ConceptPages, OverviewListsTheSixValuesInTheInterfaceLanguage) {
  const HttpReply reply = http_get(environment().port(), "/concepts?ui=ru");
  ASSERT_EQ(reply.status, 200u);
  EXPECT_NE(reply.body.find("href=\"/concept/independence\""), std::string::npos);
  EXPECT_NE(reply.body.find("href=\"/concept/conflict-of-interest\""), std::string::npos);
  EXPECT_NE(reply.body.find("независимость судей"), std::string::npos);  // ru label of a top
  // One heading: the list is the page (it had a second "Понятия" above it).
  const std::string heading = "Понятия</h";
  const size_t first = reply.body.find(heading);
  ASSERT_NE(first, std::string::npos) << reply.body;
  EXPECT_EQ(reply.body.find(heading, first + 1), std::string::npos) << reply.body;
}

TEST(ConceptPages, ConceptPageShowsHierarchyLabelsAndDocuments) {
  const HttpReply reply = http_get(environment().port(), "/concept/conflict-of-interest?ui=zh");
  ASSERT_EQ(reply.status, 200u);
  EXPECT_NE(reply.body.find("<h1>利益冲突</h1>"), std::string::npos);
  EXPECT_NE(reply.body.find("<h2>下位概念</h2>"), std::string::npos) << reply.body;
  EXPECT_NE(reply.body.find("class=\"breadcrumb\""), std::string::npos);
  EXPECT_NE(reply.body.find("конфликт интересов"), std::string::npos);  // labels, every language
  EXPECT_NE(reply.body.find("/doc/coi-guidance-zh"), std::string::npos);
  EXPECT_NE(reply.body.find("concept=conflict-of-interest"), std::string::npos);
  EXPECT_EQ(http_get(environment().port(), "/concept/no-such-concept").status, 404u);
  EXPECT_EQ(http_get(environment().port(), "/concept/..%2F..%2Fetc").status, 404u);
}

// A judge reads what a concept means in the language of the page, and its link finds as many
// documents as the page says it has.
TEST(ConceptPages, TheScopeNoteIsInTheReadersLanguageAndTheCountMatchesItsSearch) {
  const thesaurus::Concept* independence = thesaurus::Thesaurus::built_in().find("independence");
  ASSERT_NE(independence, nullptr);
  for (const auto& [ui, language, direction] : {std::tuple{"fr", analysis::Language::kFr, "ltr"},
                                                std::tuple{"ar", analysis::Language::kAr, "rtl"},
                                                std::tuple{"zh", analysis::Language::kZh, "ltr"}}) {
    const HttpReply reply =
        http_get(environment().port(), std::string("/concept/independence?ui=") + ui);
    ASSERT_EQ(reply.status, 200u) << ui;
    std::string note = independence->scopes.at(language);
    for (size_t at = note.find('\''); at != std::string::npos; at = note.find('\'', at)) {
      note.replace(at, 1, "&apos;");  // as the page escapes it
    }
    EXPECT_NE(independence->scopes.at(language), independence->scope) << ui << ": translated";
    EXPECT_NE(reply.body.find(std::string("<p class=\"scope\" lang=\"") + ui + "\" dir=\"" +
                              direction + "\">" + note + "</p>"),
              std::string::npos)
        << ui;
  }
  // "N documents · see them all": the search behind the link finds N.
  const HttpReply page = http_get(environment().port(), "/concept/conflict-of-interest?ui=en");
  static const std::regex count(R"re(<p>(\d+) documents · <a href="([^"]+)">)re");
  std::smatch found;
  ASSERT_TRUE(std::regex_search(page.body, found, count)) << page.body;
  std::string link = found[2].str();
  for (size_t at = link.find("&amp;"); at != std::string::npos; at = link.find("&amp;")) {
    link.replace(at, 5, "&");
  }
  const SearchPage search = search_page(link.substr(link.find('?') + 1) + "&size=1");
  ASSERT_EQ(search.status, 200u) << link;
  EXPECT_EQ(search.body.at("total").get<uint64_t>(), std::stoull(found[1].str())) << link;
  // The API gives every language's note.
  const HttpReply api = http_get(environment().port(), "/api/v1/concepts");
  const json concepts = json::parse(api.body).at("concepts");
  for (const json& entry : concepts) {
    EXPECT_EQ(entry.at("scopes").size(), 6u) << entry.at("id");
  }
}

TEST(TranslationGaps, ApiListsEachWorkWithItsMissingLanguages) {
  const HttpReply reply = http_get(environment().port(), "/api/v1/translation-gaps");
  ASSERT_EQ(reply.status, 200u);
  const json body = json::parse(reply.body);
  size_t documents = 0;
  bool saw_complete = false;
  bool saw_gap = false;
  for (const json& work : body.at("works")) {
    documents += work.at("versions").size();
    if (work.at("work") == "coi-guidance") {
      saw_complete = true;
      EXPECT_TRUE(work.at("missing").empty());
    }
    if (work.at("versions").size() == 1) {
      saw_gap = true;
      EXPECT_EQ(work.at("missing").size(), 5u);
    }
  }
  EXPECT_EQ(documents, environment().catalog().documents().size());
  EXPECT_TRUE(saw_complete);
  EXPECT_TRUE(saw_gap);
  uint64_t missing = 0;
  for (const auto& [language, count] : body.at("missing_per_language").items()) {
    missing += count.get<uint64_t>();
  }
  EXPECT_EQ(missing, 6 * body.at("works").size() - documents);
}

TEST(TranslationGaps, StaffPageNamesWorksAndLanguages) {
  const HttpReply reply = http_get(environment().port(), "/gaps?ui=fr");
  ASSERT_EQ(reply.status, 200u);
  EXPECT_NE(reply.body.find("Traductions manquantes"), std::string::npos);
  EXPECT_EQ(reply.body.find("/doc/coi-guidance-"), std::string::npos) << "complete work listed";
  EXPECT_NE(reply.body.find("<td>"), std::string::npos);
}

}  // namespace
}  // namespace jil::integration
