// Translations collapse (issue 5 item 3, issue 6 item 1): by default the API and the search page
// show one result per work, in the reader's language when that version matches, with links to
// the other versions; versions=all shows every document. Works are read from the index itself
// (GET /api/v1/translation-gaps), so the tests follow the corpus.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "http_client.h"
#include "search_client.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

using nlohmann::json;

struct Version {
  std::string work;
  std::string language;
};

// Document id → its work and language; and work → its versions' ids.
struct Works {
  std::map<std::string, Version> of_document;
  std::map<std::string, std::set<std::string>> versions;
};

Works works_in_index() {
  Works works;
  const HttpReply reply = http_get(environment().port(), "/api/v1/translation-gaps");
  EXPECT_EQ(reply.status, 200u);
  const json body = json::parse(reply.body, nullptr, false);
  for (const json& work : body.value("works", json::array())) {
    for (const json& version : work["versions"]) {
      const std::string id = version["id"];
      works.of_document[id] = {work["work"], version["language"]};
      works.versions[work["work"]].insert(id);
    }
  }
  return works;
}

// Every result of `parameters` over all pages (collapsed answers: one per work).
std::vector<json> all_results(const std::string& parameters) {
  std::vector<json> results;
  for (int page = 1;; ++page) {
    const SearchPage answer = search_page(parameters + "&size=50&page=" + std::to_string(page));
    EXPECT_EQ(answer.status, 200u) << answer.body.dump();
    if (answer.status != 200) return results;
    for (const json& result : answer.body["results"]) results.push_back(result);
    if (answer.ids.size() < 50) return results;
  }
}

TEST(TranslationsCollapse, OneResultPerWorkAndAnExactTotalOfWorks) {
  const Works works = works_in_index();
  ASSERT_GT(works.of_document.size(), works.versions.size()) << "the corpus has translations";
  const SearchPage collapsed = search_page("q=");
  ASSERT_EQ(collapsed.status, 200u);
  EXPECT_EQ(collapsed.body["versions"], "collapsed");
  EXPECT_EQ(collapsed.body["total"], works.versions.size()) << "total counts works";
  const SearchPage every = search_page("q=&versions=all");
  EXPECT_EQ(every.body["versions"], "all");
  EXPECT_EQ(every.body["total"], works.of_document.size()) << "total counts documents";
  EXPECT_FALSE(every.body["results"][0].contains("other_versions"));
  // Paging through the collapsed answer meets every work exactly once.
  std::set<std::string> seen;
  for (const json& result : all_results("q=")) {
    const std::string work = works.of_document.at(result["id"]).work;
    EXPECT_TRUE(seen.insert(work).second) << "work " << work << " shown twice";
  }
  EXPECT_EQ(seen.size(), works.versions.size());
}

TEST(TranslationsCollapse, FacetCountsStayPerDocument) {
  const SearchPage collapsed = search_page("q=");
  const SearchPage every = search_page("q=&versions=all");
  ASSERT_EQ(collapsed.status, 200u);
  EXPECT_EQ(collapsed.body["facets"], every.body["facets"]);
  uint64_t documents = 0;
  for (const json& value : collapsed.body["facets"]["language"]) {
    documents += value["count"].get<uint64_t>();
  }
  EXPECT_EQ(documents, every.body["total"].get<uint64_t>());
  EXPECT_LT(collapsed.body["total"].get<uint64_t>(), documents) << "some works matched twice";
}

TEST(TranslationsCollapse, ShowsTheReadersLanguageWhenThatVersionMatches) {
  const Works works = works_in_index();
  for (const std::string home : {"fr", "ru", "ar"}) {
    // Every document matches an empty query, so the reader's version always matches.
    for (const json& result : all_results("q=&hl=" + home)) {
      const Version shown = works.of_document.at(result["id"]);
      bool has_home = false;
      for (const std::string& id : works.versions.at(shown.work)) {
        has_home = has_home || works.of_document.at(id).language == home;
      }
      if (has_home) {
        EXPECT_EQ(shown.language, home) << result["id"];
      }
      // The links reach exactly the other versions.
      std::set<std::string> linked;
      for (const json& other : result["other_versions"]) {
        linked.insert(other["id"].get<std::string>());
        EXPECT_EQ(other["url"], "/doc/" + other["id"].get<std::string>());
        EXPECT_EQ(other["language"], works.of_document.at(other["id"]).language);
      }
      std::set<std::string> expected = works.versions.at(shown.work);
      expected.erase(result["id"].get<std::string>());
      EXPECT_EQ(linked, expected) << result["id"];
    }
  }
}

TEST(TranslationsCollapse, ShowsTheBestVersionWhenTheReadersDoesNotMatch) {
  // "déontologie" is a French word: with an English reader, the works it finds are shown in
  // their French (or, through the thesaurus, another non-English) version, never in English.
  const SearchPage french_word = search_page(query_parameters("déontologie", "&hl=en"));
  ASSERT_EQ(french_word.status, 200u);
  const Works works = works_in_index();
  ASSERT_FALSE(french_word.ids.empty());
  for (const std::string& id : french_word.ids) {
    EXPECT_NE(works.of_document.at(id).language, "en")
        << id << ": an English version cannot match a French word";
  }
}

TEST(TranslationsCollapse, BadValueIsA400) {
  const SearchPage answer = search_page("q=judges&versions=some");
  EXPECT_EQ(answer.status, 400u);
  EXPECT_NE(answer.body.value("detail", "").find("versions"), std::string::npos);
}

TEST(TranslationsCollapse, SearchPageCollapsesWithAToggleToEveryVersion) {
  const HttpReply collapsed = http_get(environment().port(), "/search?q=&ui=en");
  ASSERT_EQ(collapsed.status, 200u);
  const Works works = works_in_index();
  EXPECT_NE(collapsed.body.find(std::to_string(works.versions.size()) +
                                " results (language versions of a work shown together)"),
            std::string::npos);
  EXPECT_NE(collapsed.body.find("href=\"/search?q=&amp;versions=all\">Show every language version"),
            std::string::npos);
  EXPECT_NE(collapsed.body.find("Other language versions:"), std::string::npos);
  const HttpReply every = http_get(environment().port(), "/search?q=&versions=all&ui=fr");
  ASSERT_EQ(every.status, 200u);
  EXPECT_NE(every.body.find(std::to_string(works.of_document.size()) + " documents"),
            std::string::npos);
  EXPECT_NE(every.body.find("Regrouper les versions linguistiques"), std::string::npos);
  // The search box keeps the choice for the next query.
  EXPECT_NE(every.body.find("<input type=\"hidden\" name=\"versions\" value=\"all\">"),
            std::string::npos);
}

}  // namespace
}  // namespace jil::integration
