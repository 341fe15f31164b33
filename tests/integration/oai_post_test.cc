// OAI-PMH over POST (OAI-PMH 2.0 section 3.1.1.2) against the shared searchd: the arguments sent
// as an application/x-www-form-urlencoded body get the answer a GET with them in the URL gets,
// byte for byte but the responseDate (every verb, each page of a harvest, the errors). The faults
// only a POST can have (another Content-Type, a query in the URL, a form over 8 KiB) are OAI
// badArgument answers; a body over 64 KiB is the edge's 413; other methods are still 405.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "http_client.h"
#include "raw_socket.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

const HeaderList kForm = {{"Content-Type", "application/x-www-form-urlencoded"}};

HttpReply post(const std::string& body, const HeaderList& headers = kForm,
               const std::string& target = "/oai") {
  return http_request(environment().port(), "POST", target, headers, body);
}

// `xml` with its one responseDate emptied: the only part two answers may differ in.
std::string without_response_date(const std::string& xml) {
  static const std::regex date(
      "<responseDate>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ</responseDate>");
  EXPECT_EQ(
      std::distance(std::sregex_iterator(xml.begin(), xml.end(), date), std::sregex_iterator()), 1)
      << xml;
  return std::regex_replace(xml, date, "<responseDate/>");
}

// The code of the answer's error element, "" when it has none.
std::string error_code(const std::string& xml) {
  std::smatch match;
  static const std::regex error("<error code=\"([^\"]+)\">");
  return std::regex_search(xml, match, error) ? match[1].str() : "";
}

std::string resumption_token(const std::string& xml) {
  std::smatch match;
  static const std::regex token(R"(<resumptionToken[^>]*>([^<]+)</resumptionToken>)");
  return std::regex_search(xml, match, token) ? match[1].str() : "";
}

// POST `arguments` and GET /oai?`arguments`: the same status, type and XML but the date.
void expect_post_answers_as_get(const std::string& arguments) {
  const HttpReply got = http_get(environment().port(), "/oai?" + arguments);
  const HttpReply posted = post(arguments);
  ASSERT_EQ(got.status, 200u) << arguments;
  ASSERT_EQ(posted.status, 200u) << arguments << ": " << posted.body;
  EXPECT_EQ(posted.header("Content-Type"), got.header("Content-Type")) << arguments;
  EXPECT_EQ(without_response_date(posted.body), without_response_date(got.body)) << arguments;
}

TEST(OaiPost, EveryVerbAndErrorAnswersAsGetDoes) {
  for (const std::string arguments : {
           "verb=Identify",
           "verb=ListMetadataFormats&identifier=oai%3Ajil%3Acoi-guidance-en",
           "verb=ListSets",
           "verb=GetRecord&identifier=oai:jil:coi-guidance-ar&metadataPrefix=oai_dc",
           "verb=ListIdentifiers&metadataPrefix=oai_dc&set=language:fr",
           "verb=ListRecords&metadataPrefix=oai_dc&set=type:guidance&from=2000-01-01",
           // Errors, each code once.
           "",
           "verb=Harvest",
           "verb=Identify&extra=1",
           "verb=Identify&verb=Identify",
           "verb=ListRecords&metadataPrefix=marc21",
           "verb=GetRecord&identifier=oai:jil:no-such-document&metadataPrefix=oai_dc",
           "verb=ListRecords&metadataPrefix=oai_dc&until=1900-01-01",
           "verb=ListRecords&resumptionToken=not-a-token",
       }) {
    expect_post_answers_as_get(arguments);
  }
  // Undecodable arguments are badArgument from the same decoder, which names where they were.
  const std::string posted = post("verb=Identify&x=%ZZ").body;
  EXPECT_EQ(error_code(posted), "badArgument") << posted;
  EXPECT_NE(posted.find("malformed percent-escape in the form"), std::string::npos) << posted;
}

TEST(OaiPost, AHarvestFollowsResumptionTokensAsGetDoes) {
  std::string arguments = "verb=ListRecords&metadataPrefix=oai_dc";
  size_t records = 0;
  int pages = 0;
  for (; pages < 100; ++pages) {
    expect_post_answers_as_get(arguments);
    const std::string xml = post(arguments).body;
    for (size_t at = xml.find("<record>"); at != std::string::npos;
         at = xml.find("<record>", at + 1)) {
      ++records;
    }
    const std::string token = resumption_token(xml);
    if (token.empty()) break;
    arguments = "verb=ListRecords&resumptionToken=" + percent_encoded(token);
  }
  EXPECT_GE(pages, 1) << "the corpus is larger than one page";
  EXPECT_EQ(records, environment().catalog().documents().size());
}

TEST(OaiPost, TheFormTypeMayBeInAnyCaseWithParameters) {
  const HttpReply reply =
      post("verb=Identify", {{"Content-Type", "Application/X-WWW-Form-URLencoded; charset=UTF-8"}});
  EXPECT_EQ(reply.status, 200u);
  EXPECT_EQ(error_code(reply.body), "") << reply.body;
  EXPECT_NE(reply.body.find("<Identify>"), std::string::npos) << reply.body;
}

TEST(OaiPost, AnotherContentTypeIsBadArgumentNamingTheFormType) {
  const std::vector<HeaderList> types = {{},
                                         {{"Content-Type", "text/plain"}},
                                         {{"Content-Type", "application/json"}},
                                         {{"Content-Type", "multipart/form-data; boundary=x"}}};
  for (const HeaderList& headers : types) {
    const HttpReply reply = post("verb=Identify", headers);
    const std::string type = headers.empty() ? "(none)" : headers[0].second;
    EXPECT_EQ(reply.status, 200u) << type;
    EXPECT_EQ(error_code(reply.body), "badArgument") << type << ": " << reply.body;
    EXPECT_NE(reply.body.find("Content-Type: application/x-www-form-urlencoded"), std::string::npos)
        << type << ": " << reply.body;
    EXPECT_NE(reply.body.find("<request>"), std::string::npos) << "no arguments echoed";
  }
}

TEST(OaiPost, ArgumentsInTheUrlOfAPostAreBadArgument) {
  // The protocol puts a POST's arguments in its body; which of two to believe would be a guess.
  for (const std::string body : {"", "verb=Identify", "verb=ListSets"}) {
    const HttpReply reply = post(body, kForm, "/oai?verb=Identify");
    EXPECT_EQ(reply.status, 200u) << body;
    EXPECT_EQ(error_code(reply.body), "badArgument") << body << ": " << reply.body;
    EXPECT_NE(reply.body.find("the URL has a query"), std::string::npos) << reply.body;
  }
}

TEST(OaiPost, AFormOver8KiBIsBadArgumentAndABodyOver64KiBIs413) {
  // Empty pairs ("&&") are skipped, so the padding changes no argument.
  const auto padded = [](size_t bytes) {
    std::string body = "verb=Identify";
    return body + std::string(bytes - body.size(), '&');
  };
  const HttpReply largest = post(padded(8 * 1024));
  EXPECT_EQ(largest.status, 200u);
  EXPECT_EQ(error_code(largest.body), "") << largest.body;

  const HttpReply over = post(padded(8 * 1024 + 1));
  EXPECT_EQ(over.status, 200u);
  EXPECT_EQ(error_code(over.body), "badArgument");
  EXPECT_NE(over.body.find("the form is longer than 8192 bytes"), std::string::npos) << over.body;

  // The edge refuses on the announced length, before reading the body (so none is sent).
  const RawExchange edge = raw_exchange(
      environment().port(),
      "POST /oai HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded"
      "\r\nContent-Length: 65537\r\n\r\n");
  EXPECT_EQ(edge.status_line(), "HTTP/1.1 413 Content Too Large") << edge.response;
  EXPECT_EQ(edge.parsed().header("Content-Type"), "application/problem+json; charset=utf-8");
}

// A client that sends `Expect: 100-continue` waits for "100 Continue" before its body (curl for
// bodies over 1 KiB, .NET's HttpClient for every POST); without it, each POST waited a second.
TEST(OaiPost, AClientThatExpects100ContinueGetsItBeforeSendingTheBody) {
  const std::string body = "verb=Identify";
  RawSocket client(environment().port());
  ASSERT_TRUE(client.connected());
  ASSERT_TRUE(client.send_all(
      "POST /oai HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
      "application/x-www-form-urlencoded\r\nExpect: 100-Continue\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n"));
  // Within the socket's bounded wait (kSocketWait), with no body sent yet.
  ASSERT_TRUE(client.read_until("\r\n\r\n")) << client.received();
  EXPECT_EQ(client.received(), "HTTP/1.1 100 Continue\r\n\r\n");
  ASSERT_TRUE(client.send_all(body));
  ASSERT_TRUE(client.read_until("</OAI-PMH>")) << client.received();
  EXPECT_NE(client.received().find("HTTP/1.1 200 OK\r\n"), std::string::npos);
  EXPECT_NE(client.received().find("<Identify>"), std::string::npos) << client.received();
}

TEST(OaiPost, AnExpectationOtherThan100ContinueIs417) {
  const RawExchange refused = raw_exchange(
      environment().port(),
      "POST /oai HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded"
      "\r\nExpect: 200-ok\r\nContent-Length: 13\r\n\r\nverb=Identify");
  EXPECT_EQ(refused.status_line(), "HTTP/1.1 417 Expectation Failed") << refused.response;
  EXPECT_EQ(refused.parsed().header("Content-Type"), "application/problem+json; charset=utf-8");
  EXPECT_NE(refused.response.find("Expect: 100-continue"), std::string::npos) << refused.response;
}

TEST(OaiPost, OtherMethodsAre405AllowingPost) {
  for (const std::string method : {"PUT", "DELETE", "PATCH"}) {
    const HttpReply reply = http_request(environment().port(), method, "/oai?verb=Identify");
    EXPECT_EQ(reply.status, 405u) << method;
    EXPECT_EQ(reply.header("Allow"), "GET, HEAD, POST") << method;
  }
  // POST stays refused everywhere else.
  const HttpReply search = post("q=judge", kForm, "/search");
  EXPECT_EQ(search.status, 405u);
  EXPECT_EQ(search.header("Allow"), "GET, HEAD");
}

}  // namespace
}  // namespace jil::integration
