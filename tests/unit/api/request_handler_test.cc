// Tests api/request_handler.cc by calling handle() directly with a real Searcher over a
// temporary index, the real web/ directory and a content store holding the originals.
#include "api/request_handler.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "base/read_only_file.h"
#include "base/url_encoding.h"
#include "schema/document_builder.h"
#include "schema/index_compatibility.h"
#include "schema/prefixes.h"
#include "temporary_directory.h"

namespace jil::api {
namespace {

const std::filesystem::path kWebDirectory = std::filesystem::path(JIL_SOURCE_DIR) / "web";
constexpr std::string_view kArabicName = "مدونة السلوك.txt";
constexpr std::string_view kOriginalBytes = "Judges decide every case with independence.\n";

schema::DocRecord record(std::string id, std::string title, analysis::Language language,
                         std::string text) {
  schema::DocRecord out;
  out.id = id;
  out.work = std::move(id);
  out.title = std::move(title);
  out.language = language;
  out.type = "code-of-conduct";
  out.organisation = "ijin";
  out.region = "global";
  out.year = 2021;
  out.topics = {"judicial-ethics"};
  out.format = "txt";
  out.media_type = "text/plain; charset=utf-8";
  out.original_name = out.id + ".txt";
  out.text = std::move(text);
  return out;
}

bool has_header(const HttpResponse& response, const std::string& name) {
  for (const auto& header : response.headers) {
    if (header.first == name) return true;
  }
  return false;
}

std::string header(const HttpResponse& response, const std::string& name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return "";
}

class RequestHandlerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::make_unique<store::ContentStore>(directory_.path() / "store");
    Result<std::string> stored = store_->put(kOriginalBytes);
    ASSERT_TRUE(stored.is_ok()) << stored.status().to_string();
    write_index(*stored);
    Result<std::unique_ptr<search::Searcher>> searcher =
        search::Searcher::open(directory_.path() / "index");
    ASSERT_TRUE(searcher.is_ok()) << searcher.status().to_string();
    searcher_ = std::move(searcher).value();
    Result<render::HtmlRenderer> renderer = render::HtmlRenderer::load(kWebDirectory);
    ASSERT_TRUE(renderer.is_ok()) << renderer.status().to_string();
    renderer_ = std::make_unique<render::HtmlRenderer>(std::move(renderer).value());
    Result<StaticFiles> static_files = StaticFiles::load(kWebDirectory / "static");
    ASSERT_TRUE(static_files.is_ok()) << static_files.status().to_string();
    static_files_ = std::make_unique<StaticFiles>(std::move(static_files).value());
    assets_ = std::make_unique<SiteAssets>(SiteAssets{*renderer_, *static_files_, *store_});
    handler_ = std::make_unique<RequestHandler>(*searcher_, *assets_);
  }

  // Four documents: an English code and its Arabic version (both originals stored), a title
  // with markup in it, and a document whose original is missing from the store.
  void write_index(const std::string& stored_hash) {
    schema::DocRecord english = record("code-en", "Code of judicial conduct",
                                       analysis::Language::kEn, std::string(kOriginalBytes));
    english.work = "code";
    english.sha256 = stored_hash;
    schema::DocRecord arabic = record("code-ar", "مدونة السلوك القضائي", analysis::Language::kAr,
                                      "القضاة مستقلون في عملهم.");
    arabic.work = "code";
    arabic.sha256 = stored_hash;
    arabic.original_name = std::string(kArabicName);
    schema::DocRecord markup = record("markup", "<script>alert(1)</script> Guidance on gifts",
                                      analysis::Language::kEn, "Judges <b>refuse</b> gifts.");
    markup.sha256 = stored_hash;
    schema::DocRecord missing = record("no-original", "Lost original", analysis::Language::kEn,
                                       "The original file was never stored.");
    missing.sha256 = std::string(64, '0');

    auto analyzer = analysis::Analyzer::create();
    ASSERT_TRUE(analyzer.is_ok()) << analyzer.status().to_string();
    auto builder = schema::DocumentBuilder::create(**analyzer);
    ASSERT_TRUE(builder.is_ok()) << builder.status().to_string();
    Xapian::WritableDatabase writer((directory_.path() / "index").string(),
                                    Xapian::DB_CREATE_OR_OPEN);
    schema::stamp_versions(writer);
    for (const schema::DocRecord& document : {english, arabic, markup, missing}) {
      writer.replace_document(schema::term(schema::kIdPrefix, document.id),
                              (*builder)->build(document, "fingerprint"));
    }
    writer.commit();
  }

  HttpResponse get(const std::string& target, const std::string& if_none_match = "") {
    return handler_->handle(HttpRequest{"GET", target, "", if_none_match, ""});
  }

  TemporaryDirectory directory_;
  std::unique_ptr<store::ContentStore> store_;
  std::unique_ptr<search::Searcher> searcher_;
  std::unique_ptr<render::HtmlRenderer> renderer_;
  std::unique_ptr<StaticFiles> static_files_;
  std::unique_ptr<SiteAssets> assets_;
  std::unique_ptr<RequestHandler> handler_;
};

TEST_F(RequestHandlerTest, HomeAndSearchPagesAreHtml) {
  for (const char* target : {"/", "/search", "/search?q=judges&lang=en&sort=newest"}) {
    const HttpResponse response = get(target);
    EXPECT_EQ(response.status, 200u) << target;
    EXPECT_EQ(response.content_type, "text/html; charset=utf-8") << target;
    EXPECT_NE(response.body.find("<html"), std::string::npos) << target;
  }
}

TEST_F(RequestHandlerTest, SearchPageShowsTheMatchingDocument) {
  const HttpResponse response = get("/search?q=gifts");
  EXPECT_EQ(response.status, 200u);
  EXPECT_NE(response.body.find("/doc/markup"), std::string::npos);
  EXPECT_EQ(response.body.find("/doc/code-ar"), std::string::npos);
}

TEST_F(RequestHandlerTest, MalformedQueryShowsTheSearchPageWith400) {
  const HttpResponse response = get("/search?q=%22judicial");
  EXPECT_EQ(response.status, 400u);
  EXPECT_EQ(response.content_type, "text/html; charset=utf-8");
  EXPECT_NE(response.body.find("unterminated phrase"), std::string::npos);
}

TEST_F(RequestHandlerTest, ApiSearchAnswersJson) {
  const HttpResponse response = get("/api/v1/search?q=judges&size=5");
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.content_type, "application/json; charset=utf-8");
  const auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["query"], "judges");
  EXPECT_EQ(body["size"], 5);
  EXPECT_EQ(body["page"], 1);
  EXPECT_EQ(body["total"], 2);
  EXPECT_EQ(body["results"].size(), 2u);
}

TEST_F(RequestHandlerTest, ApiSearchErrorsAreProblemJson) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/api/v1/search?q=%22judicial", "unterminated phrase: add a closing \" to the query"},
      {"/api/v1/search?q=-gifts", "the query only excludes words: add a word to search for"},
      {"/api/v1/search?size=0", "parameter 'size' must be a whole number from 1 to 50"},
      {"/api/v1/search?type=memo", "parameter 'type': unknown value 'memo'"},
      {"/api/v1/search?q=%FF", "the URL is not valid UTF-8 once decoded"},
      {"/api/v1/search?q=%G1", "malformed percent-escape in the URL"},
  };
  for (const auto& [target, detail] : cases) {
    const HttpResponse response = get(target);
    EXPECT_EQ(response.status, 400u) << target;
    EXPECT_EQ(response.content_type, "application/problem+json; charset=utf-8") << target;
    EXPECT_EQ(nlohmann::json::parse(response.body)["detail"], detail) << target;
  }
}

// Each message gives what is really accepted: the words `cross` and `text` take too, and the
// feed's page range for its own page size (20: pages 1 to 50), not the search's (10: 1 to 100).
TEST_F(RequestHandlerTest, ProblemsNameTheValuesAndRangesReallyAccepted) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/api/v1/search?cross=FALSE", "parameter 'cross' must be 0, 1, false or true"},
      {"/api/v1/documents/code-en?text=2", "parameter 'text' must be 0, 1, false or true"},
      {"/feed.atom?page=0", "parameter 'page' must be a whole number from 1 to 50"},
      {"/feed.atom?page=51", "parameter 'page' must be a whole number from 1 to 50"},
      {"/feed.atom?size=50&page=21", "parameter 'page' must be a whole number from 1 to 20"},
      {"/feed.atom?size=10&page=101", "parameter 'page' must be a whole number from 1 to 100"},
  };
  for (const auto& [target, detail] : cases) {
    const HttpResponse response = get(target);
    EXPECT_EQ(response.status, 400u) << target;
    EXPECT_EQ(nlohmann::json::parse(response.body)["detail"], detail) << target;
  }
  for (const char* target : {"/api/v1/search?cross=false", "/api/v1/documents/code-en?text=true",
                             "/feed.atom?page=50", "/feed.atom?size=10&page=100"}) {
    EXPECT_EQ(get(target).status, 200u) << target;
  }
}

TEST_F(RequestHandlerTest, ApiDocumentListsItsLanguageVersions) {
  const HttpResponse response = get("/api/v1/documents/code-en");
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.content_type, "application/json; charset=utf-8");
  const auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body.dump().find("independence"), std::string::npos) << "text only on request";
  EXPECT_NE(body.dump().find("code-ar"), std::string::npos);
  const auto with_text = nlohmann::json::parse(get("/api/v1/documents/code-en?text=1").body);
  EXPECT_NE(with_text.dump().find("independence"), std::string::npos);
}

TEST_F(RequestHandlerTest, UnknownOrMalformedDocumentIdIs404) {
  for (const char* target : {"/api/v1/documents/absent-id", "/api/v1/documents/../etc/passwd",
                             "/api/v1/documents/", "/api/v1/documents/UPPER"}) {
    const HttpResponse response = get(target);
    EXPECT_EQ(response.status, 404u) << target;
    EXPECT_EQ(response.content_type, "application/problem+json; charset=utf-8") << target;
  }
  for (const char* target : {"/doc/absent-id", "/doc/../etc/passwd", "/doc/x", "/doc/code-en/x"}) {
    const HttpResponse response = get(target);
    EXPECT_EQ(response.status, 404u) << target;
    EXPECT_EQ(response.content_type, "text/html; charset=utf-8") << target;
  }
}

TEST_F(RequestHandlerTest, DocumentPageShowsTitleAndText) {
  const HttpResponse response = get("/doc/code-en?q=independence");
  EXPECT_EQ(response.status, 200u);
  EXPECT_NE(response.body.find("Code of judicial conduct"), std::string::npos);
  EXPECT_NE(response.body.find("<mark id=\"first-match\">independence</mark>"), std::string::npos);
}

// --public-url (api/public_url.h): every route that writes an absolute URL writes it under the
// configured address, whatever Host the request names; without it, under the Host, over http.
TEST_F(RequestHandlerTest, PublicUrlIsTheBaseOfEveryAbsoluteUrl) {
  const char* const targets[] = {"/sitemap.xml",
                                 "/opensearch.xml",
                                 "/feed.atom",
                                 "/oai?verb=Identify",
                                 "/oai?verb=ListRecords&metadataPrefix=oai_dc",
                                 "/doc/code-en",
                                 "/doc/code-en/cite.ris",
                                 "/doc/code-en/cite.bib"};
  const auto get_from_host = [this](const char* target) {
    HttpRequest request{"GET", target, "", "", ""};
    request.host = "evil.example:8080";
    return handler_->handle(request);
  };
  for (const char* target : targets) {
    const HttpResponse response = get_from_host(target);
    EXPECT_EQ(response.status, 200u) << target;
    EXPECT_NE(response.body.find("http://evil.example:8080/"), std::string::npos) << target;
  }
  assets_->public_url = "https://jil.example.org";
  for (const char* target : targets) {
    const HttpResponse response = get_from_host(target);
    EXPECT_EQ(response.status, 200u) << target;
    EXPECT_NE(response.body.find("https://jil.example.org/"), std::string::npos) << target;
    EXPECT_EQ(response.body.find("evil.example"), std::string::npos) << target;
  }
}

TEST_F(RequestHandlerTest, TitleMarkupIsEscapedInEveryPage) {
  for (const char* target : {"/doc/markup", "/search?q=gifts", "/doc/markup?q=script"}) {
    const HttpResponse response = get(target);
    EXPECT_EQ(response.status, 200u) << target;
    EXPECT_EQ(response.body.find("<script>alert(1)"), std::string::npos) << target;
    EXPECT_NE(response.body.find("&lt;script&gt;alert(1)"), std::string::npos) << target;
    EXPECT_EQ(response.body.find("<b>refuse</b>"), std::string::npos) << target;
  }
}

// The original is sent from the store as it leaves (server/payload_body.h), not read here.
TEST_F(RequestHandlerTest, OriginalIsServedAsAnAttachment) {
  const HttpResponse response = get("/doc/code-en/original");
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(response.body, "");
  ASSERT_TRUE(response.file.has_value());
  EXPECT_EQ(response.file->offset, 0u);
  ASSERT_EQ(response.file->length, kOriginalBytes.size());
  std::string sent(kOriginalBytes.size(), '\0');
  Result<size_t> got = response.file->file->read_at(0, sent.data(), sent.size());
  ASSERT_TRUE(got.is_ok());
  EXPECT_EQ(sent, kOriginalBytes);
  EXPECT_EQ(header(response, "Content-Disposition"),
            "attachment; filename=\"code-en.txt\"; filename*=UTF-8''code-en.txt");
}

TEST_F(RequestHandlerTest, ArabicOriginalNameHasAsciiFallbackAndUtf8Name) {
  const std::string disposition = header(get("/doc/code-ar/original"), "Content-Disposition");
  const std::string utf8_part = "; filename*=UTF-8''" + url_encode(kArabicName);
  ASSERT_TRUE(disposition.starts_with("attachment; filename=\"")) << disposition;
  ASSERT_TRUE(disposition.ends_with(utf8_part)) << disposition;
  EXPECT_EQ(url_encode(kArabicName),
            "%D9%85%D8%AF%D9%88%D9%86%D8%A9%20%D8%A7%D9%84%D8%B3%D9%84%D9%88%D9%83.txt");
  const std::string fallback =
      disposition.substr(22, disposition.size() - 22 - utf8_part.size() - 1);
  EXPECT_TRUE(fallback.ends_with(".txt")) << fallback;
  for (unsigned char c : fallback) {
    EXPECT_TRUE(c >= 0x20 && c < 0x7F && c != '"' && c != '\\') << disposition;
  }
  EXPECT_EQ(disposition[disposition.size() - utf8_part.size() - 1], '"');
}

TEST_F(RequestHandlerTest, OriginalMissingFromTheStoreIs404) {
  EXPECT_EQ(get("/doc/no-original/original").status, 404u);
  EXPECT_EQ(get("/doc/absent-id/original").status, 404u);
}

TEST_F(RequestHandlerTest, StaticFilesHaveEtagsAndAnswer304WhenUnchanged) {
  const HttpResponse response = get("/static/jil.css");
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.content_type, "text/css; charset=utf-8");
  const std::string etag = header(response, "ETag");
  ASSERT_FALSE(etag.empty());
  const HttpResponse unchanged = get("/static/jil.css", etag);
  EXPECT_EQ(unchanged.status, 304u);
  EXPECT_TRUE(unchanged.body.empty());
  EXPECT_EQ(header(unchanged, "ETag"), etag);
}

TEST_F(RequestHandlerTest, StaticPathsCannotLeaveTheAssetTable) {
  for (const char* target :
       {"/static/../CMakeLists.txt", "/static/%2e%2e/CMakeLists.txt", "/static/",
        "/static/absent.css", "/static/templates/layout.mustache"}) {
    EXPECT_EQ(get(target).status, 404u) << target;
  }
}

TEST_F(RequestHandlerTest, HealthzCountsDocuments) {
  const HttpResponse response = get("/healthz");
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(nlohmann::json::parse(response.body),
            (nlohmann::json{{"status", "ok"}, {"documents", 4}}));
  EXPECT_EQ(header(response, "Cache-Control"), "no-store");
}

TEST_F(RequestHandlerTest, UnknownPathsAre404) {
  const HttpResponse page = get("/nowhere");
  EXPECT_EQ(page.status, 404u);
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  const HttpResponse api = get("/api/v2/search");
  EXPECT_EQ(api.status, 404u);
  EXPECT_EQ(api.content_type, "application/problem+json; charset=utf-8");
}

TEST_F(RequestHandlerTest, OnlyGetAndHeadAreAllowed) {
  for (const char* method : {"POST", "PUT", "DELETE", "OPTIONS", "PATCH"}) {
    const HttpResponse response = handler_->handle(HttpRequest{method, "/search", "", "", ""});
    EXPECT_EQ(response.status, 405u) << method;
    EXPECT_EQ(header(response, "Allow"), "GET, HEAD") << method;
  }
  EXPECT_EQ(handler_->handle(HttpRequest{"HEAD", "/search?q=gifts", "", "", ""}).status, 200u);
}

TEST_F(RequestHandlerTest, EveryResponseCarriesTheSecurityHeaders) {
  const std::vector<HttpResponse> responses = {
      get("/"),
      get("/search?q=%22"),
      get("/api/v1/search?q=gifts"),
      get("/api/v1/search?size=0"),
      get("/doc/code-en"),
      get("/doc/absent-id"),
      get("/doc/code-ar/original"),
      get("/static/jil.css"),
      get("/static/jil.css", header(get("/static/jil.css"), "ETag")),
      get("/healthz"),
      get("/nowhere"),
      handler_->handle(HttpRequest{"POST", "/", "", "", ""}),
  };
  for (const HttpResponse& response : responses) {
    for (const char* name : {"Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options",
                             "Referrer-Policy"}) {
      EXPECT_TRUE(has_header(response, name)) << name << " missing on " << response.status;
    }
    EXPECT_EQ(header(response, "X-Content-Type-Options"), "nosniff");
    EXPECT_NE(header(response, "Content-Security-Policy").find("script-src 'self'"),
              std::string::npos);
  }
}

TEST_F(RequestHandlerTest, UiParameterChoosesTheLanguageAndSetsTheCookie) {
  const HttpResponse page = get("/search?q=judges&ui=ar");
  EXPECT_EQ(page.status, 200u);
  EXPECT_NE(page.body.find("<html lang=\"ar\" dir=\"rtl\">"), std::string::npos);
  EXPECT_EQ(header(page, "Set-Cookie"), "jil_ui=ar; Path=/; Max-Age=31536000; SameSite=Lax");
  EXPECT_EQ(header(page, "Vary"), "Accept-Language, Cookie, Accept-Encoding");
  // The switcher links this page without the ui parameter it came with.
  EXPECT_NE(page.body.find("href=\"/search?q=judges&amp;ui=zh\""), std::string::npos);
}

TEST_F(RequestHandlerTest, CookieAndAcceptLanguageChooseTheLanguageWithoutSettingACookie) {
  const HttpResponse remembered =
      handler_->handle(HttpRequest{"GET", "/doc/code-en", "ar", "", "jil_ui=ru"});
  EXPECT_NE(remembered.body.find("<html lang=\"ru\" dir=\"ltr\">"), std::string::npos);
  EXPECT_FALSE(has_header(remembered, "Set-Cookie"));
  const HttpResponse preferred =
      handler_->handle(HttpRequest{"GET", "/nowhere", "fr-CH, en;q=0.8", "", ""});
  EXPECT_EQ(preferred.status, 404u);
  EXPECT_NE(preferred.body.find("<html lang=\"fr\""), std::string::npos);
  EXPECT_NE(preferred.body.find("Il n&apos;y a aucune page"), std::string::npos);
  EXPECT_EQ(header(preferred, "Vary"), "Accept-Language, Cookie, Accept-Encoding");
}

TEST_F(RequestHandlerTest, InvalidUiParameterIsIgnored) {
  const HttpResponse page = get("/search?q=judges&ui=de");
  EXPECT_EQ(page.status, 200u);
  EXPECT_NE(page.body.find("<html lang=\"en\" dir=\"ltr\">"), std::string::npos);
  EXPECT_FALSE(has_header(page, "Set-Cookie"));
}

TEST_F(RequestHandlerTest, JsonApiIgnoresTheUiLanguage) {
  const HttpResponse english = get("/api/v1/search?q=judges");
  const HttpResponse arabic =
      handler_->handle(HttpRequest{"GET", "/api/v1/search?q=judges&ui=ar", "ar", "", "jil_ui=ar"});
  EXPECT_EQ(arabic.status, 200u);
  EXPECT_EQ(arabic.body, english.body);
  EXPECT_FALSE(has_header(arabic, "Set-Cookie"));
  EXPECT_EQ(header(arabic, "Vary"), "Accept-Encoding");  // not on the language
}

}  // namespace
}  // namespace jil::api
