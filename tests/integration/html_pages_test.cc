// The HTML side of jil-searchd: search page with highlights, document page, original download
// (byte-identical to the corpus file), static assets, and reflected input escaped (T-W3).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "http_client.h"
#include "search_client.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream input(path, std::ios::binary);
  std::stringstream bytes;
  bytes << input.rdbuf();
  return bytes.str();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(HtmlSearchPage, ShowsResultsWithHighlights) {
  const HttpReply reply = http_get(environment().port(), "/search?q=judges");
  ASSERT_EQ(reply.error, "");
  EXPECT_EQ(reply.status, 200u);
  EXPECT_EQ(reply.header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_TRUE(contains(reply.body, "<mark>")) << "no highlighted match";
  EXPECT_TRUE(contains(reply.body, "<nav class=\"sort\" aria-label=\"Sort by\">"));
  EXPECT_TRUE(contains(reply.body, "Show every language version</a>"));
  // The page lists the same first results as the API, in the same order; each link carries
  // the query so that the document page highlights it.
  const SearchPage api = search_page("q=judges");
  ASSERT_EQ(api.status, 200u);
  ASSERT_FALSE(api.ids.empty());
  size_t previous = 0;
  for (const auto& id : api.ids) {
    const size_t link = reply.body.find("href=\"/doc/" + id + "?q=judges\"");
    ASSERT_NE(link, std::string::npos) << id << " not linked";
    EXPECT_GT(link, previous) << id << " out of rank order";
    previous = link;
  }
}

// What a judge can type wrong is said in the interface language; the API keeps English.
// Every page names its icon, so that browsers do not ask for a /favicon.ico that is not there
// (a 404 and a console error on each page).
TEST(HtmlSearchPage, EveryPageNamesItsIconAndTheIconIsServed) {
  for (const char* target : {"/", "/search?q=judges", "/doc/coi-guidance-en", "/concepts"}) {
    const HttpReply page = http_get(environment().port(), target);
    EXPECT_NE(page.body.find("<link rel=\"icon\" href=\"/static/favicon.svg\" "
                             "type=\"image/svg+xml\">"),
              std::string::npos)
        << target;
  }
  const HttpReply icon = http_get(environment().port(), "/static/favicon.svg");
  EXPECT_EQ(icon.status, 200u);
  EXPECT_EQ(icon.header("Content-Type"), "image/svg+xml");
  EXPECT_TRUE(icon.body.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
}

// A link with a value the search cannot take (an old or hand-edited address) is answered in the
// reader's language, naming the parameter; the precise English message follows for whoever
// mends the link.
TEST(HtmlSearchPage, AParameterErrorIsInTheInterfaceLanguage) {
  const HttpReply arabic = http_get(environment().port(), "/search?q=judges&sort=foo&ui=ar");
  EXPECT_EQ(arabic.status, 400u);
  EXPECT_NE(arabic.body.find("<p>يعطي هذا العنوان «sort» قيمة لا تفهمها المكتبة."),
            std::string::npos)
      << arabic.body;
  EXPECT_NE(arabic.body.find("<p class=\"detail\" lang=\"en\" dir=\"ltr\"><small>parameter "
                             "&apos;sort&apos; must be"),
            std::string::npos)
      << arabic.body;
  const HttpReply french = http_get(environment().port(), "/search?q=judges&year_from=15&ui=fr");
  EXPECT_EQ(french.status, 400u);
  EXPECT_NE(french.body.find("Cette adresse donne à « year_from » une valeur"), std::string::npos);
  // An address that is not even well formed has no parameter to name (nor a readable ui).
  const HttpReply malformed = http_get(environment().port(), "/search?q=%ZZ");
  EXPECT_EQ(malformed.status, 400u);
  EXPECT_NE(malformed.body.find("<p>This address is malformed. Start a new search.</p>"),
            std::string::npos);
}

TEST(HtmlSearchPage, QueryErrorsAreInTheInterfaceLanguage) {
  const std::pair<std::string, std::string> cases[] = {
      {"/search?q=%22%D8%A7%D9%84%D9%82%D8%A7%D8%B6%D9%8A&ui=ar", "العبارة غير مغلقة"},
      {"/search?q=(juge&ui=fr", "Parenthèse ouvrante «\u00a0(\u00a0» non refermée."},
      {"/search?q=%D1%81%D1%83%D0%B4%D1%8C%D0%B8)&ui=ru", "Лишняя закрывающая скобка «)»."},
      {"/search?q=-juez&ui=es", "La búsqueda solo excluye palabras"},
      {"/search?q=OR+judges&ui=zh", "OR 两边都需要有词语。"},
  };
  for (const auto& [target, text] : cases) {
    const HttpReply reply = http_get(environment().port(), target);
    EXPECT_EQ(reply.status, 400u) << target;
    EXPECT_TRUE(contains(reply.body, text)) << target << "\n" << reply.body;
    EXPECT_FALSE(contains(reply.body, "in the query")) << target;
  }
  const SearchPage api = search_page("q=(juge");
  EXPECT_EQ(api.status, 400u);
  EXPECT_EQ(api.body.value("detail", ""), "unbalanced '(' in the query");
}

TEST(HtmlSearchPage, AYearRangeTypedBackwardsIsPutInOrder) {
  const HttpReply backwards =
      http_get(environment().port(), "/search?q=judges&year_from=2020&year_to=2010&ui=fr");
  const HttpReply ordered =
      http_get(environment().port(), "/search?q=judges&year_from=2010&year_to=2020&ui=fr");
  ASSERT_EQ(backwards.status, 200u);
  ASSERT_EQ(ordered.status, 200u);
  const auto hits = [](const std::string& body) {
    size_t count = 0;
    for (size_t at = body.find("<li class=\"hit\""); at != std::string::npos;
         at = body.find("<li class=\"hit\"", at + 1)) {
      ++count;
    }
    return count;
  };
  EXPECT_GT(hits(ordered.body), 0u);
  EXPECT_EQ(hits(backwards.body), hits(ordered.body));
}

// A search filtered down to nothing still shows each filter as a chip that removes it alone
// (the chips came from the facet counts, where a value without matches was missing).
TEST(HtmlSearchPage, FiltersThatLeaveNothingKeepTheirChips) {
  const HttpReply reply =
      http_get(environment().port(), "/search?q=judges&type=report&year=1900&ui=en");
  ASSERT_EQ(reply.status, 200u);
  EXPECT_TRUE(contains(reply.body, "No document matches your search")) << reply.body;
  EXPECT_TRUE(contains(reply.body, "role=\"status\">0 documents</p>")) << reply.body;
  // Nothing to order or to show in every language.
  EXPECT_FALSE(contains(reply.body, "Sort by")) << reply.body;
  EXPECT_FALSE(contains(reply.body, "Show every language version")) << reply.body;
  EXPECT_TRUE(contains(reply.body,
                       "href=\"/search?q=judges&amp;type=report\" "
                       "aria-label=\"Remove filter: 1900\""))
      << reply.body;
  EXPECT_TRUE(contains(reply.body,
                       "href=\"/search?q=judges&amp;year=1900\" "
                       "aria-label=\"Remove filter: Report\""))
      << reply.body;
  const SearchPage api = search_page("q=judges&type=report&year=1900");
  ASSERT_EQ(api.status, 200u);
  EXPECT_EQ(api.body["total"], 0);
  // The other years are counted as usual (disjunctive counts); the selection comes last.
  ASSERT_FALSE(api.body["facets"]["year"].empty());
  EXPECT_EQ(api.body["facets"]["year"].back(),
            nlohmann::json::parse(R"({"value": "1900", "count": 0, "selected": true})"));
  EXPECT_EQ(api.body["facets"]["type"].back(),
            nlohmann::json::parse(R"({"value": "report", "count": 0, "selected": true})"));
}

// "Search my words only" turns off the other languages' words for the query's; a listing
// without words offers only to keep the results in the reader's language.
TEST(HtmlSearchPage, OnlyASearchWithWordsOffersToSearchItsWordsOnly) {
  // "gifts" is a concept of the thesaurus: its words in the other languages are searched too.
  const HttpReply search = http_get(environment().port(), "/search?q=gifts&ui=en");
  ASSERT_EQ(search.status, 200u);
  EXPECT_TRUE(contains(search.body, "\">Search my words only</a>")) << search.body;
  for (const char* target : {"/?ui=en", "/search?q=+&type=report&ui=en"}) {
    const HttpReply listing = http_get(environment().port(), target);
    ASSERT_EQ(listing.status, 200u) << target;
    EXPECT_TRUE(contains(listing.body, "\">Show only results in English</a></p>")) << target;
    EXPECT_FALSE(contains(listing.body, "Search my words only")) << target;
  }
}

TEST(HtmlDocumentPage, ShowsTitleAndDownloadLink) {
  for (const std::string id : {"coi-guidance-en", "coi-guidance-ar", "coi-guidance-zh"}) {
    const HttpReply reply = http_get(environment().port(), "/doc/" + id);
    ASSERT_EQ(reply.error, "") << id;
    EXPECT_EQ(reply.status, 200u) << id;
    EXPECT_EQ(reply.header("Content-Type"), "text/html; charset=utf-8") << id;
    const CorpusDocument& document = environment().catalog().document(id);
    EXPECT_TRUE(contains(reply.body, "<h1>" + document.title + "</h1>")) << id;
    EXPECT_TRUE(contains(reply.body, "href=\"/doc/" + id + "/original\"")) << id;
    EXPECT_TRUE(contains(reply.body, document.original.filename().string())) << id;
  }
  const HttpReply arabic = http_get(environment().port(), "/doc/coi-guidance-ar");
  EXPECT_TRUE(contains(arabic.body, "lang=\"ar\" dir=\"rtl\"")) << "Arabic text is not RTL";
}

TEST(HtmlDocumentPage, HighlightsTheWordsOfTheSearch) {
  const HttpReply reply = http_get(environment().port(), "/doc/coi-guidance-en?q=recusal");
  ASSERT_EQ(reply.status, 200u);
  EXPECT_TRUE(contains(reply.body, "<mark>Recusal</mark>") ||
              contains(reply.body, "<mark>recusal</mark>"));
  const HttpReply plain = http_get(environment().port(), "/doc/coi-guidance-en");
  EXPECT_FALSE(contains(plain.body, "<mark>"));
}

class OriginalDownload : public ::testing::TestWithParam<const char*> {};

TEST_P(OriginalDownload, IsTheCorpusFileAsAnAttachment) {
  const CorpusDocument& document = environment().catalog().document(GetParam());
  const HttpReply reply = http_get(environment().port(), "/doc/" + document.id + "/original");
  ASSERT_EQ(reply.error, "");
  EXPECT_EQ(reply.status, 200u);
  EXPECT_TRUE(reply.body == file_bytes(document.original))
      << "served " << reply.body.size() << " bytes that differ from " << document.original;
  const std::string name = document.original.filename().string();
  EXPECT_EQ(reply.header("Content-Disposition").rfind("attachment; filename=\"" + name + "\"", 0),
            0u)
      << reply.header("Content-Disposition");
  EXPECT_EQ(reply.header("X-Content-Type-Options"), "nosniff");
  const std::map<std::string, std::string> media_types = {{".html", "text/html; charset=utf-8"},
                                                          {".md", "text/markdown; charset=utf-8"},
                                                          {".txt", "text/plain; charset=utf-8"}};
  EXPECT_EQ(reply.header("Content-Type"), media_types.at(document.original.extension().string()));
}

INSTANTIATE_TEST_SUITE_P(OneOfEachFormat, OriginalDownload,
                         ::testing::Values("coi-guidance-zh", "model-code-en", "gender-toolkit-en",
                                           "judicial-ethics-charter-2001-ar",
                                           "judicial-ethics-trainee-handbook-ar"));

TEST(StaticFiles, CssIsServedWithItsTypeAndRevalidates) {
  const HttpReply reply = http_get(environment().port(), "/static/jil.css");
  ASSERT_EQ(reply.error, "");
  EXPECT_EQ(reply.status, 200u);
  EXPECT_EQ(reply.header("Content-Type").rfind("text/css", 0), 0u) << reply.header("Content-Type");
  EXPECT_TRUE(reply.body == file_bytes(kSourceDir / "web/static/jil.css"));
  const std::string etag = reply.header("ETag");
  ASSERT_FALSE(etag.empty());
  const HttpReply again =
      http_request(environment().port(), "GET", "/static/jil.css", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304u);
  EXPECT_EQ(again.body, "");
  // Any form RFC 9110 13.1.2 allows: in a list, weak, or the tag of the gzip representation.
  const HttpReply gzipped =
      http_request(environment().port(), "GET", "/static/jil.css", {{"Accept-Encoding", "gzip"}});
  const std::string gzip_etag = gzipped.header("ETag");
  ASSERT_NE(gzip_etag, etag);
  for (const auto& [tag, encoding] : {std::pair<std::string, std::string>{"\"other\", " + etag, ""},
                                      {"W/" + etag, ""},
                                      {gzip_etag, "gzip"}}) {
    HeaderList headers = {{"If-None-Match", tag}};
    if (!encoding.empty()) headers.push_back({"Accept-Encoding", encoding});
    const HttpReply revalidated =
        http_request(environment().port(), "GET", "/static/jil.css", headers);
    EXPECT_EQ(revalidated.status, 304u) << tag;
  }
}

TEST(StaticFiles, TraversalOutsideTheStaticFolderIsRefused) {
  for (const std::string target :
       {"/static/../templates/layout.mustache", "/static/%2e%2e/templates/layout.mustache",
        "/static/..%2Fi18n%2Fen.json", "/static//etc/passwd", "/static/"}) {
    const HttpReply reply = http_get(environment().port(), target);
    ASSERT_EQ(reply.error, "") << target;
    EXPECT_TRUE(reply.status == 404 || reply.status == 400) << target << " → " << reply.status;
    EXPECT_FALSE(contains(reply.body, "{{")) << target << " leaked a template";
  }
}

TEST(ReflectedInput, ScriptInTheQueryIsEscapedEverywhere) {
  const std::string payload = "<script>alert(1)</script>";
  const std::string encoded = percent_encoded(payload);
  const std::string targets[] = {
      "/search?q=" + encoded,
      "/?q=" + encoded,
      "/search?q=%22" + encoded,  // unterminated phrase: the 400 page echoes the query
      "/search?q=" + encoded + "&lang=fr&sort=title&page=2",
      "/doc/coi-guidance-en?q=" + encoded,
      "/doc/" + encoded,
      "/search?q=judge&sort=" + encoded,
  };
  for (const std::string& target : targets) {
    const HttpReply reply = http_get(environment().port(), target);
    ASSERT_EQ(reply.error, "") << target;
    EXPECT_EQ(reply.header("Content-Type"), "text/html; charset=utf-8") << target;
    EXPECT_FALSE(contains(reply.body, "<script>alert(1)")) << target << " reflects raw markup";
  }
  const HttpReply page = http_get(environment().port(), "/search?q=" + encoded);
  EXPECT_EQ(page.status, 200u);
  EXPECT_TRUE(contains(page.body, "&lt;script&gt;alert(1)&lt;/script&gt;"))
      << "the query should be shown, escaped";
}

}  // namespace
}  // namespace jil::integration
