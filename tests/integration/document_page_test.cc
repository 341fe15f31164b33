// The document page's reading aids over HTTP (issue 5 item 5): permanent URL and rel=canonical,
// the citation line and its copy button (an external script), RIS and BibTeX downloads, the link
// to the first match, related documents ("more like this"), and RFC 6266 download names for
// Arabic and Chinese originals.
#include <gtest/gtest.h>

#include <regex>

#include "http_client.h"
#include "indexer_test_files.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

size_t occurrences(const std::string& text, const std::string& part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

std::string base_url() { return "http://127.0.0.1:" + std::to_string(environment().port()); }

struct Link {
  std::string id;
  std::string lang;
};

// The links of the page's "related documents" section, in order.
std::vector<Link> related_links(const std::string& page) {
  const size_t start = page.find("<section class=\"related\"");
  if (start == std::string::npos) return {};
  const std::string section = page.substr(start, page.find("</section>", start) - start);
  std::vector<Link> links;
  const std::regex link(R"re(<a href="/doc/([a-z0-9-]+)" lang="([a-z]+)")re");
  for (auto match = std::sregex_iterator(section.begin(), section.end(), link);
       match != std::sregex_iterator(); ++match) {
    links.push_back({(*match)[1].str(), (*match)[2].str()});
  }
  return links;
}

TEST(DocumentPage, ShowsThePermanentUrlAsTextAndAsCanonicalLink) {
  const HttpReply reply = http_get(environment().port(), "/doc/coi-guidance-en");
  ASSERT_EQ(reply.status, 200u) << reply.error;
  const std::string url = base_url() + "/doc/coi-guidance-en";
  EXPECT_EQ(occurrences(reply.body, "<link rel=\"canonical\" href=\"" + url + "\">"), 1u);
  EXPECT_TRUE(contains(reply.body, "<a href=\"" + url + "\" dir=\"ltr\">" + url + "</a>"));
  // Other parameters (the query, the interface language) do not change the canonical address.
  const HttpReply with_query = http_get(environment().port(), "/doc/coi-guidance-en?q=recusal");
  EXPECT_TRUE(contains(with_query.body, "<link rel=\"canonical\" href=\"" + url + "\">"));
  const HttpReply search = http_get(environment().port(), "/search?q=judges");
  EXPECT_FALSE(contains(search.body, "rel=\"canonical\"")) << "only document pages have one";
}

TEST(DocumentPage, CitationIsSelectableTextWithACopyButtonFromAnExternalScript) {
  const HttpReply reply = http_get(environment().port(), "/doc/coi-guidance-en");
  ASSERT_EQ(reply.status, 200u) << reply.error;
  const std::string line =
      "Conference of Court Ethics Advisers. Guidance on Conflicts of Interest and Recusal. 2022. "
      "Guidance. " +
      base_url() + "/doc/coi-guidance-en";
  EXPECT_TRUE(
      contains(reply.body, "<p id=\"citation\" class=\"citation\" dir=\"auto\">" + line + "</p>"))
      << "citation line missing";
  // The button is hidden until copy.js shows it; the script is a file, never inline.
  EXPECT_TRUE(contains(reply.body, "data-copy=\"citation\""));
  EXPECT_TRUE(contains(reply.body, "hidden>Copy the citation</button>"));
  EXPECT_TRUE(contains(reply.body, "<script src=\"/static/copy.js\" defer></script>"));
  EXPECT_FALSE(std::regex_search(reply.body, std::regex("<script>|<script [^s]")))
      << "an inline script";
  EXPECT_TRUE(contains(reply.body, "href=\"/doc/coi-guidance-en/cite.ris\" download"));
  EXPECT_TRUE(contains(reply.body, "href=\"/doc/coi-guidance-en/cite.bib\" download"));
  const HttpReply script = http_get(environment().port(), "/static/copy.js");
  EXPECT_EQ(script.status, 200u);
  EXPECT_EQ(script.header("Content-Type"), "text/javascript; charset=utf-8");
  // In Arabic the labels are Arabic; the title stays in the document's language.
  const HttpReply arabic = http_get(environment().port(), "/doc/coi-guidance-en?ui=ar");
  EXPECT_TRUE(contains(arabic.body, "الاستشهاد بهذه الوثيقة"));
  EXPECT_TRUE(contains(arabic.body, ". Guidance on Conflicts of Interest and Recusal. 2022. "));
}

// A reader who opens a result on page 2 of a filtered search and goes back lands on that page,
// filters and all, and the search box still holds the words.
TEST(DocumentPage, TheWayBackReturnsToTheSamePageOfTheSameSearch) {
  const HttpReply results =
      http_get(environment().port(), "/search?q=judges&lang=en&size=5&page=2");
  ASSERT_EQ(results.status, 200u) << results.error;
  static const std::regex result_link(
      R"re(href="(/doc/[a-z0-9-]+\?q=judges&amp;lang=en&amp;size=5&amp;page=2)")re");
  std::smatch link;
  ASSERT_TRUE(std::regex_search(results.body, link, result_link))
      << "no result link keeps the search";
  std::string target = link[1].str();
  for (size_t at = target.find("&amp;"); at != std::string::npos; at = target.find("&amp;")) {
    target.replace(at, 5, "&");
  }
  const HttpReply document = http_get(environment().port(), target);
  ASSERT_EQ(document.status, 200u) << target;
  EXPECT_TRUE(
      contains(document.body, "<a href=\"/search?q=judges&amp;lang=en&amp;size=5&amp;page=2\">"))
      << "the way back lost the search";
  EXPECT_TRUE(contains(document.body, "value=\"judges\""));
  EXPECT_TRUE(contains(document.body, "name=\"lang\" value=\"en\""));
  // Parameters a search cannot take leave the words alone.
  const HttpReply odd = http_get(environment().port(), "/doc/coi-guidance-en?q=recusal&page=0");
  ASSERT_EQ(odd.status, 200u);
  EXPECT_TRUE(contains(odd.body, "<a href=\"/search?q=recusal\">"));
}

TEST(DocumentPage, LinksToTheFirstMatchOfTheQuery) {
  const HttpReply reply = http_get(environment().port(), "/doc/coi-guidance-en?q=recusal");
  ASSERT_EQ(reply.status, 200u) << reply.error;
  EXPECT_EQ(occurrences(reply.body, "id=\"first-match\""), 1u);
  EXPECT_TRUE(contains(reply.body, "<a href=\"#first-match\">Go to the first match</a>"));
  // The anchor is the first highlighted word of the full text past its opening line, which
  // repeats the title shown above ("Guidance on Conflicts of Interest and Recusal").
  const size_t text = reply.body.find("<section class=\"fulltext\"");
  const size_t anchor = reply.body.find("<mark id=\"first-match\">");
  ASSERT_NE(text, std::string::npos);
  ASSERT_NE(anchor, std::string::npos);
  EXPECT_GT(anchor, text);
  const size_t title_line = reply.body.find(
      "<p>Guidance on Conflicts of Interest and <mark>Recusal"
      "</mark></p>",
      text);
  ASSERT_NE(title_line, std::string::npos) << "the text opens with its title";
  const size_t past_title = reply.body.find("</p>", title_line);
  EXPECT_GT(anchor, past_title);
  EXPECT_GT(reply.body.find("<mark>", past_title), anchor)
      << "the anchor is the first match past the title";
  // A text whose only match is its title line anchors there.
  const HttpReply title_only = http_get(environment().port(), "/doc/coi-guidance-en?q=guidance");
  EXPECT_EQ(occurrences(title_only.body, "id=\"first-match\""), 1u);
  const HttpReply plain = http_get(environment().port(), "/doc/coi-guidance-en");
  EXPECT_FALSE(contains(plain.body, "first-match")) << "no query, no link";
}

TEST(DocumentPage, RelatedDocumentsLeaveOutTheDocumentAndItsTranslations) {
  const HttpReply reply = http_get(environment().port(), "/doc/coi-guidance-en?ui=en");
  ASSERT_EQ(reply.status, 200u) << reply.error;
  EXPECT_TRUE(contains(reply.body, "<h2 id=\"related-heading\">Related documents</h2>"));
  const std::vector<Link> links = related_links(reply.body);
  ASSERT_FALSE(links.empty()) << "no related documents";
  EXPECT_LE(links.size(), 5u);
  for (const Link& link : links) {
    EXPECT_NE(link.id.rfind("coi-guidance-", 0), 0u) << link.id << " is this work";
  }
  // A conflict-of-interest guide's neighbours are about conflicts of interest or ethics.
  EXPECT_EQ(links.front().lang, "en");
}

TEST(DocumentPage, RelatedDocumentsComeInTheReadersLanguageFirst) {
  // An English document read with the French interface: the work has a French version, whose
  // words find French neighbours; they are listed before any other language.
  const HttpReply reply = http_get(environment().port(), "/doc/coi-guidance-en?ui=fr");
  ASSERT_EQ(reply.status, 200u) << reply.error;
  EXPECT_TRUE(contains(reply.body, "Documents apparentés"));
  const std::vector<Link> links = related_links(reply.body);
  ASSERT_FALSE(links.empty());
  EXPECT_EQ(links.front().lang, "fr");
  bool other_seen = false;
  for (const Link& link : links) {
    if (link.lang != "fr") other_seen = true;
    EXPECT_FALSE(other_seen && link.lang == "fr") << "a French document after another language";
    EXPECT_NE(link.id.rfind("coi-guidance-", 0), 0u) << link.id << " is this work";
  }
}

TEST(CitationFiles, RisIsAUtf8AttachmentWithTheDocumentsFields) {
  const HttpReply reply = http_get(environment().port(), "/doc/coi-guidance-ar/cite.ris");
  ASSERT_EQ(reply.status, 200u) << reply.error;
  EXPECT_EQ(reply.header("Content-Type"), "application/x-research-info-systems; charset=utf-8");
  EXPECT_EQ(reply.header("Content-Disposition"),
            "attachment; filename=\"coi-guidance-ar.ris\"; filename*=UTF-8''coi-guidance-ar.ris");
  EXPECT_EQ(reply.header("X-Content-Type-Options"), "nosniff");
  const CorpusDocument& document = environment().catalog().document("coi-guidance-ar");
  EXPECT_EQ(reply.body.rfind("TY  - GOVDOC\r\nID  - coi-guidance-ar\r\n", 0), 0u) << reply.body;
  EXPECT_TRUE(contains(reply.body, "\r\nTI  - " + document.title + "\r\n")) << reply.body;
  EXPECT_TRUE(contains(reply.body, "\r\nLA  - ar\r\n"));
  EXPECT_TRUE(contains(reply.body, "\r\nUR  - " + base_url() + "/doc/coi-guidance-ar\r\n"));
  EXPECT_EQ(reply.body.substr(reply.body.size() - 8), "ER  - \r\n");
}

TEST(CitationFiles, BibtexIsAUtf8AttachmentKeyedByTheId) {
  const HttpReply reply = http_get(environment().port(), "/doc/coi-guidance-zh/cite.bib");
  ASSERT_EQ(reply.status, 200u) << reply.error;
  EXPECT_EQ(reply.header("Content-Type"), "application/x-bibtex; charset=utf-8");
  EXPECT_EQ(reply.header("Content-Disposition"),
            "attachment; filename=\"coi-guidance-zh.bib\"; filename*=UTF-8''coi-guidance-zh.bib");
  const CorpusDocument& document = environment().catalog().document("coi-guidance-zh");
  EXPECT_EQ(reply.body.rfind("@misc{jil:coi-guidance-zh,\n", 0), 0u) << reply.body;
  EXPECT_TRUE(contains(reply.body, "  title = {{" + document.title + "}},\n")) << reply.body;
  EXPECT_TRUE(contains(reply.body, "  langid = {chinese},\n"));
  EXPECT_TRUE(contains(reply.body, "  url = {" + base_url() + "/doc/coi-guidance-zh},\n"));
}

TEST(CitationFiles, UnknownOrMalformedIdsAre404Problems) {
  for (const std::string target :
       {"/doc/no-such-document/cite.ris", "/doc/no-such-document/cite.bib", "/doc/..%2F/cite.bib",
        "/doc/%3Cscript%3E/cite.ris"}) {
    const HttpReply reply = http_get(environment().port(), target);
    ASSERT_EQ(reply.error, "") << target;
    EXPECT_EQ(reply.status, 404u) << target;
    EXPECT_EQ(reply.header("Content-Type"), "application/problem+json; charset=utf-8") << target;
    EXPECT_FALSE(contains(reply.body, "<script>")) << target;
  }
  EXPECT_EQ(http_get(environment().port(), "/doc/coi-guidance-en/cite.txt").status, 404u);
}

// Originals named in Arabic and Chinese, and citation fields with BibTeX's special characters,
// in an index of their own.
class NamedOriginals : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::filesystem::path root = environment().make_temp_dir("named-originals");
    const std::filesystem::path source = root / "source";
    std::filesystem::create_directories(source);
    nlohmann::json arabic = sidecar_json("named-ar", "ar");
    arabic["title"] = "مدونة السلوك القضائي";
    write_source_document(source, "مدونة السلوك القضائي.txt", "نص المدونة عن نزاهة القضاة.",
                          arabic);
    nlohmann::json chinese = sidecar_json("named-zh", "zh");
    chinese["title"] = "司法行为守则";
    write_source_document(source, "司法行为守则.md", "# 司法行为守则\n\n法官应当廉洁。", chinese);
    nlohmann::json special = sidecar_json("named-special", "en");
    special["title"] = "Fees & costs: 50% {draft} #2 under_score";
    special["type"] = "report";
    write_source_document(source, "fees.txt", "Judges and fees.", special);
    const ProgramResult indexed = index_folders(root / "index", root / "store", {source});
    ASSERT_EQ(indexed.exit_code, kIndexerOk) << indexed.err;
    searchd_ = std::make_unique<PrivateSearchd>(root / "index", root / "store");
    ASSERT_NE(searchd_->port(), 0) << searchd_->error();
  }
  static void TearDownTestSuite() { searchd_.reset(); }
  static std::unique_ptr<PrivateSearchd> searchd_;
};
std::unique_ptr<PrivateSearchd> NamedOriginals::searchd_;

TEST_F(NamedOriginals, ArabicNameIsRfc6266WithAnAsciiFallback) {
  const HttpReply reply = http_get(searchd_->port(), "/doc/named-ar/original");
  ASSERT_EQ(reply.status, 200u) << reply.error;
  EXPECT_EQ(reply.header("Content-Disposition"),
            "attachment; filename=\"named-ar.txt\"; filename*=UTF-8''"
            "%D9%85%D8%AF%D9%88%D9%86%D8%A9%20%D8%A7%D9%84%D8%B3%D9%84%D9%88%D9%83%20"
            "%D8%A7%D9%84%D9%82%D8%B6%D8%A7%D8%A6%D9%8A.txt");
  EXPECT_EQ(reply.body, "نص المدونة عن نزاهة القضاة.");
}

TEST_F(NamedOriginals, ChineseNameIsRfc6266WithAnAsciiFallback) {
  const HttpReply reply = http_get(searchd_->port(), "/doc/named-zh/original");
  ASSERT_EQ(reply.status, 200u) << reply.error;
  EXPECT_EQ(reply.header("Content-Disposition"),
            "attachment; filename=\"named-zh.md\"; filename*=UTF-8''"
            "%E5%8F%B8%E6%B3%95%E8%A1%8C%E4%B8%BA%E5%AE%88%E5%88%99.md");
  // The page offers the file under its own name.
  const HttpReply page = http_get(searchd_->port(), "/doc/named-zh");
  EXPECT_TRUE(contains(page.body, "(司法行为守则.md)"));
}

TEST_F(NamedOriginals, BibtexEscapesSpecialCharactersOfTheTitle) {
  const HttpReply reply = http_get(searchd_->port(), "/doc/named-special/cite.bib");
  ASSERT_EQ(reply.status, 200u) << reply.error;
  EXPECT_EQ(reply.body.rfind("@techreport{jil:named-special,\n", 0), 0u) << reply.body;
  EXPECT_TRUE(
      contains(reply.body, "  title = {{Fees \\& costs: 50\\% \\{draft\\} \\#2 under\\_score}},\n"))
      << reply.body;
  EXPECT_TRUE(
      contains(reply.body, "  institution = {International Judicial Integrity Network},\n"));
  const HttpReply ris = http_get(searchd_->port(), "/doc/named-special/cite.ris");
  EXPECT_TRUE(contains(ris.body, "TI  - Fees & costs: 50% {draft} #2 under_score\r\n"));
  EXPECT_TRUE(contains(ris.body, "TY  - RPRT\r\n"));
  // The Arabic record is UTF-8 as it is.
  const HttpReply arabic = http_get(searchd_->port(), "/doc/named-ar/cite.bib");
  EXPECT_TRUE(contains(arabic.body, "  title = {{مدونة السلوك القضائي}},\n")) << arabic.body;
  EXPECT_TRUE(contains(arabic.body, "  langid = {arabic},\n"));
}

}  // namespace
}  // namespace jil::integration
