// Discovery documents over real HTTP (issue 6 item 3): /sitemap.xml lists every document page and
// every concept page, /opensearch.xml describes the search (and every HTML page links it), and
// /feed.atom lists the newest documents or any search's results. Each answer is parsed with
// Poco's DOM parser (namespaces on), so a stray '&' or '<' anywhere fails the test.
#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/Exception.h>
#include <Poco/SAX/XMLReader.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "http_client.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

using Poco::AutoPtr;
using Poco::XML::Document;
using Poco::XML::Element;
using Poco::XML::NodeList;

constexpr char kSitemapNs[] = "http://www.sitemaps.org/schemas/sitemap/0.9";
constexpr char kOpenSearchNs[] = "http://a9.com/-/spec/opensearch/1.1/";
constexpr char kAtomNs[] = "http://www.w3.org/2005/Atom";
constexpr char kXmlNs[] = "http://www.w3.org/XML/1998/namespace";

// The parsed document, or null (with the parser's message as a test failure).
AutoPtr<Document> parse_xml(const std::string& body) {
  Poco::XML::DOMParser parser;
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
  try {
    return parser.parseString(body);
  } catch (const Poco::Exception& error) {
    ADD_FAILURE() << "not well-formed XML: " << error.displayText() << "\n" << body.substr(0, 500);
    return nullptr;
  }
}

std::vector<Element*> elements(Document& document, const char* ns, const char* name) {
  std::vector<Element*> found;
  AutoPtr<NodeList> list = document.getElementsByTagNameNS(ns, name);
  for (unsigned long i = 0; i < list->length(); ++i) {
    found.push_back(static_cast<Element*>(list->item(i)));
  }
  return found;
}

std::vector<std::string> texts(Document& document, const char* ns, const char* name) {
  std::vector<std::string> found;
  for (Element* element : elements(document, ns, name)) found.push_back(element->innerText());
  return found;
}

HttpReply get_as(const std::string& target, const std::string& host) {
  return http_request(environment().port(), "GET", target, {{"Host", host}});
}

TEST(Discovery, SitemapListsEveryDocumentAndConceptPage) {
  const HttpReply reply = get_as("/sitemap.xml", "library.example:8080");
  ASSERT_EQ(reply.status, 200u) << reply.body;
  EXPECT_EQ(reply.header("Content-Type"), "application/xml; charset=utf-8");
  AutoPtr<Document> document = parse_xml(reply.body);
  ASSERT_TRUE(document);
  EXPECT_EQ(document->documentElement()->localName(), "urlset");
  EXPECT_EQ(document->documentElement()->namespaceURI(), kSitemapNs);
  const std::vector<std::string> locations = texts(*document, kSitemapNs, "loc");
  const std::set<std::string> unique(locations.begin(), locations.end());
  EXPECT_EQ(unique.size(), locations.size()) << "no URL twice";
  for (const auto& location : locations) {
    EXPECT_TRUE(location.starts_with("http://library.example:8080/")) << location;
  }
  for (const auto& entry : environment().catalog().documents()) {
    EXPECT_TRUE(unique.contains("http://library.example:8080/doc/" + entry.id)) << entry.id;
  }
  const nlohmann::json concepts =
      nlohmann::json::parse(http_get(environment().port(), "/api/v1/concepts").body);
  for (const auto& entry : concepts["concepts"]) {
    EXPECT_TRUE(
        unique.contains("http://library.example:8080/concept/" + entry["id"].get<std::string>()))
        << entry["id"];
  }
  EXPECT_EQ(locations.size(),
            2 + concepts["concepts"].size() + environment().catalog().documents().size());
}

TEST(Discovery, HostileHostHeadersFallBackToLocalhost) {
  const HttpReply reply = get_as("/sitemap.xml", "evil.example\"><x a='");
  ASSERT_EQ(reply.status, 200u);
  AutoPtr<Document> document = parse_xml(reply.body);
  ASSERT_TRUE(document);
  for (const auto& location : texts(*document, kSitemapNs, "loc")) {
    ASSERT_TRUE(location.starts_with("http://localhost/")) << location;
  }
}

TEST(Discovery, RobotsTxtKeepsCrawlersOutOfEndlessSearchesAndNamesTheSitemap) {
  const HttpReply reply = get_as("/robots.txt", "library.example:8080");
  ASSERT_EQ(reply.status, 200u);
  EXPECT_EQ(reply.header("Content-Type"), "text/plain; charset=utf-8");
  for (const char* line :
       {"User-agent: *\n", "Disallow: /search\n", "Disallow: /feed.atom?\n", "Disallow: /api/\n",
        "Disallow: /oai\n", "Sitemap: http://library.example:8080/sitemap.xml\n"}) {
    EXPECT_NE(reply.body.find(line), std::string::npos) << line << " in " << reply.body;
  }
  // Document and concept pages stay open: no rule is a prefix of them.
  EXPECT_EQ(reply.body.find("Disallow: /doc"), std::string::npos);
  EXPECT_EQ(reply.body.find("Disallow: /concept"), std::string::npos);
  EXPECT_EQ(reply.body.find("Disallow: /\n"), std::string::npos);
}

TEST(Discovery, OpenSearchDescriptionIsLinkedFromEveryPage) {
  const HttpReply reply = get_as("/opensearch.xml", "127.0.0.1:9");
  ASSERT_EQ(reply.status, 200u);
  EXPECT_EQ(reply.header("Content-Type"), "application/opensearchdescription+xml; charset=utf-8");
  AutoPtr<Document> document = parse_xml(reply.body);
  ASSERT_TRUE(document);
  EXPECT_EQ(document->documentElement()->localName(), "OpenSearchDescription");
  EXPECT_EQ(document->documentElement()->namespaceURI(), kOpenSearchNs);
  EXPECT_EQ(texts(*document, kOpenSearchNs, "ShortName"), std::vector<std::string>{"JIL"});
  std::set<std::string> types;
  for (Element* url : elements(*document, kOpenSearchNs, "Url")) {
    types.insert(url->getAttribute("type"));
    EXPECT_TRUE(url->getAttribute("template").starts_with("http://127.0.0.1:9/"));
  }
  EXPECT_TRUE(types.contains("text/html"));
  EXPECT_TRUE(types.contains("application/atom+xml"));
  EXPECT_TRUE(types.contains("application/json"));
  for (Element* url : elements(*document, kOpenSearchNs, "Url")) {
    if (url->getAttribute("type") == "text/html") {
      EXPECT_EQ(url->getAttribute("template"),
                "http://127.0.0.1:9/search?q={searchTerms}&page={startPage?}");
    }
  }
  for (const char* page : {"/", "/search?q=judges", "/concepts"}) {
    const std::string html = http_get(environment().port(), page).body;
    EXPECT_NE(html.find("<link rel=\"search\" type=\"application/opensearchdescription+xml\""),
              std::string::npos)
        << page;
    EXPECT_NE(html.find("href=\"/opensearch.xml\""), std::string::npos) << page;
    EXPECT_NE(html.find("type=\"application/atom+xml\""), std::string::npos) << page;
  }
}

TEST(Discovery, AtomFeedListsTheNewestDocuments) {
  const HttpReply reply = http_get(environment().port(), "/feed.atom");
  ASSERT_EQ(reply.status, 200u) << reply.body;
  EXPECT_EQ(reply.header("Content-Type"), "application/atom+xml; charset=utf-8");
  AutoPtr<Document> document = parse_xml(reply.body);
  ASSERT_TRUE(document);
  EXPECT_EQ(document->documentElement()->localName(), "feed");
  EXPECT_EQ(document->documentElement()->namespaceURI(), kAtomNs);
  const std::vector<Element*> entries = elements(*document, kAtomNs, "entry");
  ASSERT_EQ(entries.size(), 20u) << "the corpus has more than 20 documents";
  std::string previous = "9999";
  for (Element* entry : entries) {
    AutoPtr<NodeList> updated = entry->getElementsByTagNameNS(kAtomNs, "updated");
    ASSERT_EQ(updated->length(), 1u);
    const std::string date = updated->item(0)->innerText();
    EXPECT_EQ(date.size(), 20u) << date;  // 2022-01-01T00:00:00Z
    EXPECT_LE(date, previous) << "newest first";
    previous = date;
    AutoPtr<NodeList> ids = entry->getElementsByTagNameNS(kAtomNs, "id");
    ASSERT_EQ(ids->length(), 1u);
    EXPECT_TRUE(ids->item(0)->innerText().starts_with("http://127.0.0.1:"));
  }
  // The feed's own required elements (RFC 4287 4.1.1).
  for (const char* name : {"id", "title", "updated", "author"}) {
    EXPECT_FALSE(elements(*document, kAtomNs, name).empty()) << name;
  }
}

TEST(Discovery, AtomFeedOfASearchTakesTheParametersOfSearch) {
  const HttpReply reply =
      http_get(environment().port(), "/feed.atom?q=judges&lang=fr&lang=en&type=guidance&size=5");
  ASSERT_EQ(reply.status, 200u) << reply.body;
  AutoPtr<Document> document = parse_xml(reply.body);
  ASSERT_TRUE(document);
  const std::vector<Element*> entries = elements(*document, kAtomNs, "entry");
  ASSERT_FALSE(entries.empty());
  EXPECT_LE(entries.size(), 5u);
  for (Element* entry : entries) {
    const std::string language = entry->getAttributeNS(kXmlNs, "lang");
    EXPECT_TRUE(language == "en" || language == "fr") << language;
    AutoPtr<NodeList> categories = entry->getElementsByTagNameNS(kAtomNs, "category");
    ASSERT_EQ(categories->length(), 1u);
    EXPECT_EQ(static_cast<Element*>(categories->item(0))->getAttribute("term"), "guidance");
  }
  // The self link carries the target, '&' and all, escaped and read back intact.
  bool self_found = false;
  for (Element* link : elements(*document, kAtomNs, "link")) {
    if (link->getAttribute("rel") != "self") continue;
    self_found = true;
    EXPECT_TRUE(link->getAttribute("href").ends_with(
        "/feed.atom?q=judges&lang=fr&lang=en&type=guidance&size=5"));
  }
  EXPECT_TRUE(self_found);
  // Markup in the query is text in the feed's title.
  const HttpReply marked = http_get(environment().port(), "/feed.atom?q=%3Cb%3Ejudges%26amp%3B");
  ASSERT_EQ(marked.status, 200u) << marked.body;
  AutoPtr<Document> parsed = parse_xml(marked.body);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->documentElement()->getChildElementNS(kAtomNs, "title")->innerText(),
            "Judicial Integrity Library: <b>judges&amp;");
  // Bad parameters are the API's problem answers.
  EXPECT_EQ(http_get(environment().port(), "/feed.atom?lang=xx").status, 400u);
  EXPECT_EQ(http_get(environment().port(), "/feed.atom?page=100").status, 400u);
}

// rel="alternate" is the HTML page of the same search (it was the home page for every feed).
TEST(Discovery, AtomFeedOfASearchLinksTheSameSearchPage) {
  const auto alternate = [](const std::string& target) {
    const HttpReply reply = http_get(environment().port(), target);
    EXPECT_EQ(reply.status, 200u) << reply.body;
    AutoPtr<Document> document = parse_xml(reply.body);
    if (!document) return std::string("(not XML)");
    for (Element* link : elements(*document, kAtomNs, "link")) {
      if (link->getAttribute("rel") == "alternate") return link->getAttribute("href");
    }
    return std::string("(none)");
  };
  const std::string base = "http://127.0.0.1:" + std::to_string(environment().port());
  const std::string page = alternate("/feed.atom?q=recusal&lang=fr&size=50");
  EXPECT_EQ(page, base + "/search?lang=fr&q=recusal&versions=all");
  EXPECT_EQ(alternate("/feed.atom"), base + "/");
  // The page it names is a real search page.
  const HttpReply html = http_get(environment().port(), page.substr(base.size()));
  EXPECT_EQ(html.status, 200u);
  EXPECT_EQ(html.header("Content-Type"), "text/html; charset=utf-8");
}

}  // namespace
}  // namespace jil::integration
