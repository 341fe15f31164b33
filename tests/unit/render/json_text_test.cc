// Tests render/json_text.cc: <, > and & leave as \u003c, \u003e, \u0026, the text still parses
// back to the same value, and invalid UTF-8 is replaced rather than thrown. JsonWriter and the
// search answer it writes give exactly json_text's text (key order, escapes, numbers).
#include "render/json_text.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "render/json_view.h"
#include "render/json_writer.h"

namespace jil::render {
namespace {

TEST(JsonText, EscapesMarkupCharactersAndStillParsesToTheSameValue) {
  const nlohmann::json value = {{"query", "</script><script>alert(1)</script> & <b>"},
                                {"html", "a <mark>b</mark>"},
                                {"n", 3}};
  const std::string text = json_text(value);
  EXPECT_EQ(text.find('<'), std::string::npos) << text;
  EXPECT_EQ(text.find('>'), std::string::npos) << text;
  EXPECT_EQ(text.find('&'), std::string::npos) << text;
  EXPECT_NE(text.find("\\u003c/script\\u003e"), std::string::npos) << text;
  EXPECT_NE(text.find("\\u0026"), std::string::npos) << text;
  EXPECT_EQ(nlohmann::json::parse(text), value);
}

TEST(JsonText, LeavesOtherTextAloneAndReplacesInvalidUtf8) {
  EXPECT_EQ(json_text({{"q", "juge \"é\" 法官"}}), "{\"q\":\"juge \\\"é\\\" 法官\"}");
  EXPECT_EQ(json_text({{"q", "bad \xFF"}}), "{\"q\":\"bad \xEF\xBF\xBD\"}");
}

TEST(JsonWriter, EscapesStringsExactlyLikeJsonText) {
  const std::vector<std::string> texts = {"",
                                          "plain",
                                          "juge \"é\" 法官",
                                          "back\\slash",
                                          "<mark>&amp;</mark>",
                                          "tab\tnew\nline\r",
                                          std::string("nul\0and\x01\x1F\x7F", 10),
                                          "\b\f",
                                          "bad \xFF utf8 \xC3",
                                          "عدالة"};
  for (const std::string& text : texts) {
    std::string written;
    JsonWriter(written).string(text);
    EXPECT_EQ(written, json_text(nlohmann::json(text))) << text;
  }
}

// A search answer with every optional part present.
void sample_answer(search::SearchRequest& request, search::SearchResults& results) {
  request.query = "juge <b>\"x\"</b> & co";
  request.home_language = analysis::Language::kFr;
  request.year_from = 1990;
  request.year_to = 2020;
  request.page = 2;
  results.total = 42;
  results.other_language_total = 7;
  results.suggestion = "juge";
  results.concepts = {"integrity"};
  results.facets = {{schema::Facet::kYear, {{"2020", 3, false}, {"1999", 1, true}}},
                    {schema::Facet::kLanguage, {{"fr", 30, true}, {"en", 12, false}}}};
  search::SearchHit hit;
  hit.record.id = "code-fr";
  hit.record.work = "code";
  hit.record.title = "Code <déontologie>";
  hit.record.language = analysis::Language::kFr;
  hit.record.topics = {"ethics", "gifts"};
  hit.record.year = 2001;
  hit.record.bytes = 12345;
  hit.record.summary = "line\nbreak";
  hit.title = {{"Code ", false}, {"<déontologie>", true}};
  hit.snippet = {{"… ", false}, {"juge", true}, {" et \"juges\" 法官", false}};
  hit.weight = 3.141592653589793;
  hit.work_languages = {"en", "fr"};
  hit.page = 4;
  hit.other_versions = {{"code-en", "en", "Code of conduct"}};
  results.hits = {hit, hit};
  results.hits[1].page = 0;
  results.hits[1].weight = 0.5;
}

TEST(JsonWriter, SearchAnswerIsItsOwnCanonicalJsonText) {
  // Every optional part present: json_text of the parsed answer re-sorts the keys and re-escapes
  // every string, so any difference of order, escaping or number format shows.
  search::SearchRequest request;
  search::SearchResults results;
  sample_answer(request, results);
  const std::string answer = search_results_json(request, results);
  EXPECT_EQ(answer, json_text(nlohmann::json::parse(answer)));
  const nlohmann::json parsed = nlohmann::json::parse(answer);
  EXPECT_EQ(parsed["results"][0]["original"]["url"], "/doc/code-fr/original#page=4");
  EXPECT_EQ(parsed["results"][0]["snippet"]["matches"], nlohmann::json::parse("[[2, 4]]"));
  EXPECT_EQ(parsed["results"][1]["score"], 0.5);
  EXPECT_EQ(parsed["facets"]["year"][1]["selected"], true);
  EXPECT_EQ(parsed["year_range"]["to"], 2020);
}

TEST(JsonWriter, SearchAnswerWithFieldsHasExactlyThoseKeysOfEachResult) {
  search::SearchRequest request;
  search::SearchResults results;
  sample_answer(request, results);
  const nlohmann::json whole = nlohmann::json::parse(search_results_json(request, results));
  std::vector<std::vector<std::string>> selections = {
      {"id", "title"},
      {"snippet", "page", "original", "score"},
      {"year", "other_versions", "in_home_language"},
      {"title_highlighted", "work_languages"}};
  for (const auto& [key, value] : whole["results"][0].items()) selections.push_back({key});
  for (const std::vector<std::string>& fields : selections) {
    // What the whole answer trimmed to those keys gives, as json_text writes it.
    nlohmann::json expected = whole;
    for (nlohmann::json& hit : expected["results"]) {
      nlohmann::json kept = nlohmann::json::object();
      for (const std::string& field : fields) {
        if (hit.contains(field)) kept[field] = hit[field];
      }
      hit = kept;
    }
    EXPECT_EQ(search_results_json(request, results, fields), json_text(expected)) << fields.front();
  }
}

}  // namespace
}  // namespace jil::render
