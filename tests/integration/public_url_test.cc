// --public-url over real HTTP: a searchd started with `--public-url https://jil.example.org`
// writes every absolute URL under it (sitemap, OpenSearch, Atom, OAI-PMH baseURL and
// dc:identifier, the document page's rel=canonical and permanent address, the citation line, RIS
// and BibTeX), whatever Host and X-Forwarded-* headers a request carries. Without the option the
// shared searchd keeps writing "http://" + Host and believes no X-Forwarded-Proto. A malformed
// URL stops searchd at start with exit code 2 and the reason.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "child_process.h"
#include "http_client.h"
#include "own_searchd.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

constexpr char kPublicUrl[] = "https://jil.example.org";
constexpr char kDocumentId[] = "coi-guidance-en";

// Headers a client (or a misconfigured proxy) might send to steer the absolute URLs elsewhere.
const HeaderList kForeignHeaders = {{"Host", "attacker.example:8080"},
                                    {"X-Forwarded-Proto", "http"},
                                    {"X-Forwarded-Host", "forwarded.example"}};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Every absolute URL in `xml` named `name`: the text of
// <name>...</name> elements and the values of name="..." attributes.
std::vector<std::string> urls_in(const std::string& xml, const std::string& name) {
  std::vector<std::string> found;
  const std::regex pattern("<" + name + ">(https?://[^<]*)</" + name + ">|\\b" + name +
                           "=\"(https?://[^\"]*)\"");
  for (auto match = std::sregex_iterator(xml.begin(), xml.end(), pattern);
       match != std::sregex_iterator(); ++match) {
    found.push_back((*match)[1].matched ? (*match)[1].str() : (*match)[2].str());
  }
  return found;
}

// Every URL in `urls` is under `base`, and there is at least one.
void expect_all_under(const std::vector<std::string>& urls, const std::string& base,
                      const std::string& what) {
  EXPECT_FALSE(urls.empty()) << what << ": no absolute URL found";
  for (const auto& url : urls) EXPECT_TRUE(url.starts_with(base + "/")) << what << ": " << url;
}

class PublicUrl : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    searchd_ = new OwnSearchd(environment().index_dir(), {"--public-url", kPublicUrl});
  }
  static void TearDownTestSuite() {
    delete searchd_;
    searchd_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(searchd_->port(), 0) << "searchd did not start"; }

  static HttpReply get(const std::string& target) {
    return http_request(searchd_->port(), "GET", target, kForeignHeaders);
  }
  // No absolute URL of the answer names a host but the public one.
  static void expect_no_foreign_host(const std::string& body, const std::string& what) {
    EXPECT_FALSE(contains(body, "attacker.example")) << what;
    EXPECT_FALSE(contains(body, "forwarded.example")) << what;
    EXPECT_FALSE(contains(body, "http://jil.example.org")) << what;
    EXPECT_FALSE(contains(body, "127.0.0.1")) << what;
  }

  static OwnSearchd* searchd_;
};

OwnSearchd* PublicUrl::searchd_ = nullptr;

TEST_F(PublicUrl, SitemapLocationsAreUnderThePublicUrl) {
  const HttpReply reply = get("/sitemap.xml");
  ASSERT_EQ(reply.status, 200u) << reply.body;
  expect_all_under(urls_in(reply.body, "loc"), kPublicUrl, "sitemap");
  EXPECT_TRUE(contains(reply.body, "<loc>https://jil.example.org/</loc>"));
  EXPECT_TRUE(contains(reply.body, "<loc>https://jil.example.org/doc/coi-guidance-en</loc>"));
  expect_no_foreign_host(reply.body, "sitemap");
}

TEST_F(PublicUrl, OpenSearchTemplatesAreUnderThePublicUrl) {
  const HttpReply reply = get("/opensearch.xml");
  ASSERT_EQ(reply.status, 200u) << reply.body;
  expect_all_under(urls_in(reply.body, "template"), kPublicUrl, "opensearch");
  EXPECT_TRUE(contains(reply.body, "template=\"https://jil.example.org/search?q={searchTerms}"));
  expect_no_foreign_host(reply.body, "opensearch");
}

TEST_F(PublicUrl, AtomFeedIdsAndLinksAreUnderThePublicUrl) {
  const HttpReply reply = get("/feed.atom?q=recusal");
  ASSERT_EQ(reply.status, 200u) << reply.body;
  const std::vector<std::string> ids = urls_in(reply.body, "id");
  const std::vector<std::string> links = urls_in(reply.body, "href");
  expect_all_under(ids, kPublicUrl, "atom ids");
  expect_all_under(links, kPublicUrl, "atom links");
  EXPECT_GT(ids.size(), 1u) << "the feed's id and its entries'";
  EXPECT_TRUE(contains(reply.body, "<id>https://jil.example.org/feed.atom?q=recusal</id>"));
  EXPECT_TRUE(contains(reply.body,
                       "<link rel=\"alternate\" type=\"text/html\" "
                       "href=\"https://jil.example.org/search?q=recusal&amp;versions=all\"/>"));
  expect_no_foreign_host(reply.body, "atom");
}

TEST_F(PublicUrl, OaiPmhBaseUrlAndRecordIdentifierAreUnderThePublicUrl) {
  const HttpReply identify = get("/oai?verb=Identify");
  ASSERT_EQ(identify.status, 200u) << identify.body;
  EXPECT_TRUE(contains(identify.body, "<baseURL>https://jil.example.org/oai</baseURL>"))
      << identify.body;
  EXPECT_TRUE(std::regex_search(
      identify.body, std::regex("<request[^>]*>https://jil\\.example\\.org/oai</request>")))
      << identify.body;
  expect_no_foreign_host(identify.body, "Identify");

  const HttpReply record = get(
      std::string("/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:jil:") + kDocumentId);
  ASSERT_EQ(record.status, 200u) << record.body;
  EXPECT_TRUE(contains(
      record.body, "<dc:identifier>https://jil.example.org/doc/coi-guidance-en</dc:identifier>"))
      << record.body;
  expect_no_foreign_host(record.body, "GetRecord");
}

TEST_F(PublicUrl, DocumentPageCanonicalLinkAndPermanentAddressAreUnderThePublicUrl) {
  const HttpReply reply = get(std::string("/doc/") + kDocumentId);
  ASSERT_EQ(reply.status, 200u) << reply.error;
  const std::string url = std::string(kPublicUrl) + "/doc/" + kDocumentId;
  EXPECT_TRUE(contains(reply.body, "<link rel=\"canonical\" href=\"" + url + "\">"));
  EXPECT_TRUE(contains(reply.body, "<a href=\"" + url + "\" dir=\"ltr\">" + url + "</a>"));
  const size_t citation = reply.body.find("<p id=\"citation\"");
  ASSERT_NE(citation, std::string::npos);
  const std::string line =
      reply.body.substr(citation, reply.body.find("</p>", citation) - citation);
  EXPECT_TRUE(line.ends_with(". " + url)) << "the citation line cites the public address: " << line;
  expect_no_foreign_host(reply.body, "document page");
}

TEST_F(PublicUrl, RisAndBibtexCiteThePublicUrl) {
  const std::string url = std::string(kPublicUrl) + "/doc/" + kDocumentId;
  const HttpReply ris = get(std::string("/doc/") + kDocumentId + "/cite.ris");
  ASSERT_EQ(ris.status, 200u) << ris.error;
  EXPECT_TRUE(contains(ris.body, "\r\nUR  - " + url + "\r\n")) << ris.body;
  expect_no_foreign_host(ris.body, "RIS");
  const HttpReply bibtex = get(std::string("/doc/") + kDocumentId + "/cite.bib");
  ASSERT_EQ(bibtex.status, 200u) << bibtex.error;
  EXPECT_TRUE(contains(bibtex.body, "  url = {" + url + "},\n")) << bibtex.body;
  expect_no_foreign_host(bibtex.body, "BibTeX");
}

// The option's absence: the shared searchd, started without it, still writes "http://" + the
// Host the client sent, and a client's X-Forwarded-Proto/Host cannot make it say otherwise.
TEST(PublicUrlUnset, AbsoluteUrlsFollowTheHostOverHttpAndIgnoreForwardedHeaders) {
  const HeaderList headers = {{"Host", "jil.example.org"},
                              {"X-Forwarded-Proto", "https"},
                              {"X-Forwarded-Host", "forwarded.example"}};
  const auto get = [&](const std::string& target) {
    return http_request(environment().port(), "GET", target, headers);
  };
  const std::string url = std::string("http://jil.example.org/doc/") + kDocumentId;
  EXPECT_TRUE(contains(get("/sitemap.xml").body, "<loc>http://jil.example.org/</loc>"));
  expect_all_under(urls_in(get("/opensearch.xml").body, "template"), "http://jil.example.org",
                   "opensearch");
  expect_all_under(urls_in(get("/feed.atom").body, "id"), "http://jil.example.org", "atom");
  EXPECT_TRUE(
      contains(get("/oai?verb=Identify").body, "<baseURL>http://jil.example.org/oai</baseURL>"));
  EXPECT_TRUE(
      contains(get(std::string("/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:jil:") +
                   kDocumentId)
                   .body,
               "<dc:identifier>" + url + "</dc:identifier>"));
  const std::string page = get(std::string("/doc/") + kDocumentId).body;
  EXPECT_TRUE(contains(page, "<link rel=\"canonical\" href=\"" + url + "\">"));
  EXPECT_TRUE(contains(page, "<a href=\"" + url + "\" dir=\"ltr\">" + url + "</a>"));
  EXPECT_TRUE(contains(get(std::string("/doc/") + kDocumentId + "/cite.ris").body,
                       "\r\nUR  - " + url + "\r\n"));
  EXPECT_TRUE(contains(get(std::string("/doc/") + kDocumentId + "/cite.bib").body,
                       "  url = {" + url + "},\n"));
  for (const std::string target : {"/sitemap.xml", "/feed.atom", "/oai?verb=Identify"}) {
    const std::string body = get(target).body;
    EXPECT_FALSE(contains(body, "https://jil.example.org")) << target;
    EXPECT_FALSE(contains(body, "forwarded.example")) << target;
  }
}

TEST(PublicUrlOption, MalformedUrlStopsSearchdWithTheReason) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"https://jil.example.org/library", "a path is not allowed"},
      {"ftp://jil.example.org", "the scheme must be http or https"},
      {"https://user@jil.example.org", "user information"},
      {"https://jil.example.org:99999", "the port must be a number from 1 to 65535"}};
  for (const auto& [url, reason] : cases) {
    const ProgramResult result = run_program(kSearchdPath, {"--public-url", url});
    EXPECT_EQ(result.exit_code, 2) << url << ": " << result.err;
    EXPECT_TRUE(contains(result.err, "--public-url " + url + ": " + reason)) << result.err;
  }
}

}  // namespace
}  // namespace jil::integration
