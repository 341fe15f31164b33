// HTTP caching of jil-searchd over real HTTP (issue 6 item 2): every successful GET carries an
// ETag and a Cache-Control fitting its kind (API short max-age, HTML no-cache, static files
// longer), If-None-Match answers 304 with no body, and ETags change when the index changes:
// a second index run that adds documents gives every route a new ETag.
#include <gtest/gtest.h>

#include <filesystem>

#include "http_client.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

HttpReply get_with(const std::string& target, const HeaderList& headers) {
  return http_request(environment().port(), "GET", target, headers);
}

TEST(HttpCaching, ApiAnswersHaveShortMaxAgeAndAnEtagThatRevalidates) {
  const HttpReply first = http_get(environment().port(), "/api/v1/search?q=judges");
  ASSERT_EQ(first.status, 200u) << first.body;
  EXPECT_EQ(first.header("Cache-Control"), "public, max-age=60");
  const std::string etag = first.header("ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(etag.front(), '"');
  EXPECT_EQ(etag.back(), '"');

  const HttpReply again = http_get(environment().port(), "/api/v1/search?q=judges");
  EXPECT_EQ(again.header("ETag"), etag) << "the same target on the same index keeps its ETag";

  const HttpReply not_modified = get_with("/api/v1/search?q=judges", {{"If-None-Match", etag}});
  EXPECT_EQ(not_modified.status, 304u);
  EXPECT_TRUE(not_modified.body.empty());
  EXPECT_EQ(not_modified.header("ETag"), etag);
  EXPECT_EQ(not_modified.header("Cache-Control"), "public, max-age=60");

  // A list of tags, and the weak form, match too (weak comparison, RFC 9110 13.1.2).
  EXPECT_EQ(get_with("/api/v1/search?q=judges", {{"If-None-Match", "\"other\", W/" + etag}}).status,
            304u);
  EXPECT_EQ(get_with("/api/v1/search?q=judges", {{"If-None-Match", "*"}}).status, 304u);
  // Another tag, or another target with this tag, gets the full answer.
  EXPECT_EQ(get_with("/api/v1/search?q=judges", {{"If-None-Match", "\"nope\""}}).status, 200u);
  const HttpReply other = get_with("/api/v1/search?q=judge", {{"If-None-Match", etag}});
  EXPECT_EQ(other.status, 200u);
  EXPECT_NE(other.header("ETag"), etag);
  EXPECT_FALSE(other.body.empty());
}

TEST(HttpCaching, EveryApiRouteHasAnEtag) {
  for (const char* target : {"/api/v1/concepts", "/api/v1/translation-gaps", "/api/v1/openapi.json",
                             "/api/v1/documents/coi-guidance-en"}) {
    const HttpReply reply = http_get(environment().port(), target);
    ASSERT_EQ(reply.status, 200u) << target;
    EXPECT_FALSE(reply.header("ETag").empty()) << target;
    EXPECT_EQ(reply.header("Cache-Control"), "public, max-age=60") << target;
    EXPECT_EQ(get_with(target, {{"If-None-Match", reply.header("ETag")}}).status, 304u) << target;
  }
}

// RFC 9110 8.6: a 304 sends no Content-Length (Beast's prepare_payload used to write "0", which
// a cache may take as the length of the stored answer), for GET and HEAD alike.
TEST(HttpCaching, NotModifiedAnswersCarryNoContentLength) {
  for (const std::string target :
       {"/api/v1/search?q=judges&size=5", "/doc/coi-guidance-en/original", "/static/jil.css"}) {
    const HttpReply full = http_get(environment().port(), target);
    ASSERT_EQ(full.status, 200u) << target;
    const HeaderList revalidation = {{"If-None-Match", full.header("ETag")}};
    for (const char* method : {"GET", "HEAD"}) {
      const HttpReply not_modified =
          http_request(environment().port(), method, target, revalidation);
      EXPECT_EQ(not_modified.status, 304u) << method << " " << target;
      EXPECT_EQ(not_modified.header_count("Content-Length"), 0u) << method << " " << target;
      EXPECT_EQ(not_modified.header_count("Transfer-Encoding"), 0u) << method << " " << target;
    }
  }
}

// HEAD gets the headers GET would, Content-Length included: the length of GET's body, gzipped
// or not.
TEST(HttpCaching, HeadGivesTheContentLengthOfTheGetBody) {
  for (const std::string target :
       {"/api/v1/search?q=judges&size=5", "/doc/coi-guidance-en/original", "/sitemap.xml"}) {
    for (const HeaderList& headers : {HeaderList{}, HeaderList{{"Accept-Encoding", "gzip"}}}) {
      const HttpReply get = get_with(target, headers);
      ASSERT_EQ(get.status, 200u) << target;
      const HttpReply head = http_request(environment().port(), "HEAD", target, headers);
      ASSERT_EQ(head.status, 200u) << target;
      EXPECT_TRUE(head.body.empty());
      EXPECT_EQ(head.header("Content-Encoding"), get.header("Content-Encoding")) << target;
      EXPECT_EQ(head.header("Content-Length"), std::to_string(get.body.size())) << target;
    }
  }
}

TEST(HttpCaching, HtmlPagesRevalidateAndDependOnTheInterfaceLanguage) {
  const HttpReply english = get_with("/search?q=judges", {{"Accept-Language", "en"}});
  ASSERT_EQ(english.status, 200u);
  EXPECT_EQ(english.header("Cache-Control"), "no-cache");
  const std::string etag = english.header("ETag");
  ASSERT_FALSE(etag.empty());
  const HttpReply revalidated =
      get_with("/search?q=judges", {{"Accept-Language", "en"}, {"If-None-Match", etag}});
  EXPECT_EQ(revalidated.status, 304u);
  EXPECT_TRUE(revalidated.body.empty());
  // The French page is another representation of the same target: another ETag, full answer.
  const HttpReply french =
      get_with("/search?q=judges", {{"Accept-Language", "fr"}, {"If-None-Match", etag}});
  EXPECT_EQ(french.status, 200u);
  EXPECT_NE(french.header("ETag"), etag);
}

TEST(HttpCaching, StaticFilesKeepTheirLongerPolicyAndErrorsHaveNoEtag) {
  const HttpReply css = http_get(environment().port(), "/static/jil.css");
  ASSERT_EQ(css.status, 200u);
  EXPECT_EQ(css.header("Cache-Control"), "public, max-age=3600");
  EXPECT_EQ(get_with("/static/jil.css", {{"If-None-Match", css.header("ETag")}}).status, 304u);

  const HttpReply missing = http_get(environment().port(), "/api/v1/documents/no-such-document");
  EXPECT_EQ(missing.status, 404u);
  EXPECT_TRUE(missing.header("ETag").empty());
  const HttpReply bad = http_get(environment().port(), "/api/v1/search?size=0");
  EXPECT_EQ(bad.status, 400u);
  EXPECT_TRUE(bad.header("ETag").empty());
  EXPECT_EQ(http_get(environment().port(), "/healthz").header("Cache-Control"), "no-store");
}

// Copies the English documents whose names start with `prefix` (with their sidecars).
int copy_english(const std::string& prefix, const std::filesystem::path& into) {
  int copied = 0;
  for (const auto& entry : std::filesystem::directory_iterator(environment().corpus_dir() / "en")) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(prefix) || name.ends_with(".json")) continue;
    std::filesystem::copy_file(entry.path(), into / name);
    std::filesystem::copy_file(entry.path().string() + ".json", into / (name + ".json"));
    ++copied;
  }
  return copied;
}

TEST(HttpCaching, EtagsChangeWhenTheIndexChanges) {
  const std::filesystem::path root = environment().make_temp_dir("caching");
  const std::filesystem::path source = root / "source";
  std::filesystem::create_directories(source);
  ASSERT_GT(copy_english("coi", source), 0);
  const std::vector<std::string> index_arguments = {
      "index",   "--db",         (root / "index").string(), "--store", (root / "store").string(),
      "--quiet", source.string()};
  const ProgramResult first_run = run_program(kIndexerPath, index_arguments);
  ASSERT_EQ(first_run.exit_code, 0) << first_run.err;

  ServerProcess searchd;
  std::string error;
  ASSERT_TRUE(searchd.start(
      kSearchdPath,
      {"--db", (root / "index").string(), "--store", (root / "store").string(), "--web",
       (kSourceDir / "web").string(), "--listen", "127.0.0.1", "--port", "0", "--threads", "1",
       "--anonymous-rate", "100000", "--anonymous-burst", "1000000"},
      error))
      << error;
  const std::optional<std::string> line = searchd.read_line(std::chrono::seconds(60));
  ASSERT_TRUE(line.has_value());
  const auto port = static_cast<unsigned short>(std::stoi(line->substr(line->rfind(':') + 1)));

  const std::vector<std::string> targets = {"/api/v1/search?q=", "/api/v1/concepts", "/search?q="};
  std::vector<std::string> before;
  for (const auto& target : targets) {
    const HttpReply reply = http_get(port, target);
    ASSERT_EQ(reply.status, 200u) << target;
    before.push_back(reply.header("ETag"));
    ASSERT_FALSE(before.back().empty()) << target;
  }

  ASSERT_GT(copy_english("judicial", source), 0);
  const ProgramResult second_run = run_program(kIndexerPath, index_arguments);
  ASSERT_EQ(second_run.exit_code, 0) << second_run.err;

  for (size_t i = 0; i < targets.size(); ++i) {
    const HttpReply reply = http_request(port, "GET", targets[i], {{"If-None-Match", before[i]}});
    EXPECT_EQ(reply.status, 200u) << targets[i] << ": the old ETag no longer matches";
    EXPECT_NE(reply.header("ETag"), before[i]) << targets[i];
  }
  EXPECT_EQ(searchd.stop(), 0);
}

}  // namespace
}  // namespace jil::integration
