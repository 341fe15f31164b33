// Error answers of jil-searchd (routes in searchd/api/request_handler.h): malformed queries and
// parameters get 400 problem+json, hostile query strings never a 5xx (RELIABILITY.md T-H11),
// unknown routes 404, other methods 405, and every answer carries the security headers.
#include <gtest/gtest.h>

#include <iterator>
#include <nlohmann/json.hpp>
#include <set>

#include "http_client.h"
#include "own_searchd.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

// A 400 (or `status`) answer in RFC 9457 problem+json form with a useful detail.
void expect_problem(const HttpReply& reply, unsigned status, const std::string& context) {
  ASSERT_EQ(reply.error, "") << context;
  EXPECT_EQ(reply.status, status) << context << ": " << reply.body;
  EXPECT_EQ(reply.header("Content-Type").rfind("application/problem+json", 0), 0u)
      << context << ": " << reply.header("Content-Type");
  const nlohmann::json body = nlohmann::json::parse(reply.body, nullptr, false);
  ASSERT_TRUE(body.is_object()) << context << ": " << reply.body;
  EXPECT_EQ(body.value("status", 0u), status) << context;
  EXPECT_FALSE(body.value("detail", "").empty()) << context;
  EXPECT_FALSE(body.value("title", "").empty()) << context;
}

class MalformedQuery : public ::testing::TestWithParam<const char*> {};

TEST_P(MalformedQuery, IsA400Problem) {
  const std::string target = "/api/v1/search?q=" + percent_encoded(GetParam());
  expect_problem(http_get(environment().port(), target), 400, GetParam());
}

INSTANTIATE_TEST_SUITE_P(SearchApi, MalformedQuery,
                         ::testing::Values("\"unterminated phrase", "-word", "-a -\"b c\"",
                                           "(judge ethics", "judge)", "((a)", "=\""));

class BadParameter : public ::testing::TestWithParam<const char*> {};

TEST_P(BadParameter, IsA400Problem) {
  const std::string target = std::string("/api/v1/search?q=judge&") + GetParam();
  expect_problem(http_get(environment().port(), target), 400, GetParam());
}

INSTANTIATE_TEST_SUITE_P(SearchApi, BadParameter,
                         ::testing::Values("page=0", "page=-1", "page=abc", "page=1000000000",
                                           "page=101", "size=0", "size=51", "size=1000000",
                                           "size=5x", "sort=bogus", "lang=xx", "lang=EN",
                                           "type=pamphlet", "topic=nothing", "country=zz",
                                           "country=ZZ", "year=20", "year=abcd", "value=honesty",
                                           "region=mars", "language=fr", "q=ethics", "hl=xx",
                                           "sort=title&sort=newest"));

// A partner's typo or a parameter another endpoint reads is named, never silently ignored.
TEST(ApiParameters, EachJsonEndpointRefusesWhatItDoesNotRead) {
  for (const char* target :
       {"/api/v1/documents/coi-guidance-en?hl=fr", "/api/v1/documents/coi-guidance-en?text=2",
        "/api/v1/documents/coi-guidance-en?text=1&text=1", "/api/v1/suggest?q=jud&size=3",
        "/api/v1/facets?q=judge&language=fr", "/api/v1/facets?q=judge&size=5",
        "/api/v1/facets/type?q=judge&q=ethics", "/api/v1/concepts?x=1",
        "/api/v1/translation-gaps?x=1", "/api/v1/openapi.json?x=1", "/api/v1/concepts?lang=fr"}) {
    expect_problem(http_get(environment().port(), target), 400, target);
  }
  const HttpReply reply = http_get(environment().port(), "/api/v1/search?q=judge&language=fr");
  EXPECT_NE(reply.body.find("unknown parameter 'language'"), std::string::npos) << reply.body;
  for (const char* target :
       {"/api/v1/documents/coi-guidance-en?text=1&fields=id,text&ui=fr",
        "/api/v1/suggest?q=jud&lang=en", "/api/v1/facets/type?q=judge&versions=all",
        "/api/v1/concepts?ui=fr", "/api/v1/translation-gaps?ui=fr", "/api/v1/openapi.json?ui=fr"}) {
    EXPECT_EQ(http_get(environment().port(), target).status, 200u) << target;
  }
}

class InvalidEncoding : public ::testing::TestWithParam<const char*> {};

TEST_P(InvalidEncoding, IsA400Problem) {
  const std::string target = std::string("/api/v1/search?") + GetParam();
  expect_problem(http_get(environment().port(), target), 400, GetParam());
}

INSTANTIATE_TEST_SUITE_P(SearchApi, InvalidEncoding,
                         ::testing::Values("q=%FF", "q=%C3%28", "q=%ED%A0%80", "q=%C0%AF",
                                           "q=judge%00", "q=%4", "q=%GG", "lang=%FF"));

// T-H11: whatever the query string, the answer is 200 or a 400 problem, never a server error.
class HostileQueryString : public ::testing::TestWithParam<std::string> {};

TEST_P(HostileQueryString, IsAnsweredWithoutServerError) {
  const HttpReply reply = http_get(environment().port(), "/api/v1/search?" + GetParam());
  ASSERT_EQ(reply.error, "");
  EXPECT_TRUE(reply.status == 200 || reply.status == 400)
      << reply.status << " for " << GetParam().substr(0, 80) << ": " << reply.body;
  if (reply.status == 400) expect_problem(reply, 400, GetParam().substr(0, 80));
}

std::string repeated(const std::string& text, size_t times) {
  std::string out;
  for (size_t index = 0; index < times; ++index) out += text;
  return out;
}

INSTANTIATE_TEST_SUITE_P(
    SearchApi, HostileQueryString,
    ::testing::Values("q=" + repeated("a", 2000),  // over kMaxQueryBytes
                      "q=" + repeated("a+", 400),  // 400 terms
                      "q=" + repeated("%28", 300) + "a" + repeated("%29", 300),  // deep nesting
                      "q=" + repeated("%28", 9) + "a" + repeated("%29", 9),
                      "q=" + repeated("-", 500) + "a", "q=a*", "q=%E2%80%AEjudge%E2%80%AC",
                      "q=" + repeated("%22", 501), "q=OR", "q=a+OR", "q=OR+OR+OR", "q=%3D",
                      "q=%3D%3D%3Da", "q=" + repeated("%CC%81", 400),
                      "q=judge&" + repeated("lang=fr&", 21),  // more values than allowed
                      "q=judge&" + repeated("x=1&", 300),     // many parameters
                      "q=judge&q=ethics", "q=judge&page=100&size=10", "q=judge&page=20&size=50",
                      "q=" + repeated("(", 499) + "a" + repeated(")", 499),  // unescaped
                      "q=" + repeated("judg*+", 150), "q=*", "q=%2A%2A%2A", "q=j*e*",
                      "q=judge&" + repeated("lang=fr&", 1000),  // 1,000 values in one facet
                      "q=judge&size=1000000&page=1000000000", "q=%EF%BF%BF%F4%8F%BF%BF"));

// T-H11 as the plan states it, with each cap named: 10,000 terms, 10,000 nested parentheses and
// a facet with 10,000 values do not fit in kMaxTargetBytes (8 KiB), so they are refused at the
// edge (414) before any parsing; the smaller versions above reach the query caps (400).
TEST(SearchApi, TenThousandOfAnythingIsRefusedAtTheEdge) {
  for (const std::string& query :
       {"q=" + repeated("a+", 10000), "q=" + repeated("(", 10000) + "a" + repeated(")", 10000),
        "q=judge&" + repeated("lang=fr&", 10000)}) {
    const RawExchange exchange =
        raw_exchange(environment().port(),
                     "GET /api/v1/search?" + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    ASSERT_EQ(exchange.error, "");
    EXPECT_EQ(exchange.status_line(), "HTTP/1.1 414 URI Too Long") << query.substr(0, 40);
  }
}

TEST(SearchApi, EachQueryCapGivesA400NamingIt) {
  const struct {
    std::string query;
    std::string detail;
  } cases[] = {
      {"q=" + repeated("a", 1001), "the query is longer than 1000 bytes"},
      {"q=" + repeated("a+", 33), "the query has more than 32 words and phrases"},
      {"q=" + repeated("(", 9) + "a" + repeated(")", 9),
       "the query nests brackets deeper than 8 levels"},
      {"q=judge&page=101&size=10", "page"},
      {"q=judge&" + repeated("lang=fr&", 21), "lang"},
      {"q=judge&" + repeated("x=1&", 101), "more than 100"},
  };
  for (const auto& test : cases) {
    const HttpReply reply = http_get(environment().port(), "/api/v1/search?" + test.query);
    expect_problem(reply, 400, test.query.substr(0, 40));
    EXPECT_NE(nlohmann::json::parse(reply.body).value("detail", "").find(test.detail),
              std::string::npos)
        << reply.body;
  }
}

TEST(SearchApi, OneMebibyteQueryIsRefusedAsBadRequestOrUriTooLong) {
  // T-H11 asks for 400; 414 is the HTTP status for a too-long target. Never 431 or 5xx.
  const RawExchange exchange =
      raw_exchange(environment().port(), "GET /api/v1/search?q=" + std::string(1 << 20, 'a') +
                                             " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  ASSERT_EQ(exchange.error, "");
  const std::string line = exchange.status_line();
  EXPECT_TRUE(line.rfind("HTTP/1.1 400 ", 0) == 0 || line.rfind("HTTP/1.1 414 ", 0) == 0)
      << "got: " << line;
  EXPECT_TRUE(exchange.closed_by_server);
}

TEST(ApiRoutes, UnknownApiRouteIs404Problem) {
  expect_problem(http_get(environment().port(), "/api/v1/nothing-here"), 404, "/api/v1/nothing");
  expect_problem(http_get(environment().port(), "/api/v2/search?q=judge"), 404, "/api/v2");
  expect_problem(http_get(environment().port(), "/api/v1/documents/no-such-document"), 404,
                 "unknown document id");
  expect_problem(http_get(environment().port(), "/api/v1/documents/..%2F..%2Fetc"), 404,
                 "invalid document id");
}

TEST(ApiRoutes, OtherMethodsAre405WithAllow) {
  for (const std::string method : {"POST", "PUT", "DELETE", "PATCH"}) {
    const HttpReply reply = http_request(environment().port(), method, "/api/v1/search?q=judge");
    expect_problem(reply, 405, method);
    EXPECT_EQ(reply.header("Allow"), "GET, HEAD") << method;
  }
  const HttpReply html = http_request(environment().port(), "POST", "/search?q=judge");
  EXPECT_EQ(html.status, 405u);
  EXPECT_EQ(html.header("Allow"), "GET, HEAD");
}

TEST(HtmlRoutes, UnknownDocumentIs404Html) {
  for (const std::string target :
       {"/doc/unknown-id", "/doc/unknown-id/original", "/doc/UPPER", "/doc/x", "/no/such/page"}) {
    const HttpReply reply = http_get(environment().port(), target);
    ASSERT_EQ(reply.error, "") << target;
    EXPECT_EQ(reply.status, 404u) << target;
    EXPECT_EQ(reply.header("Content-Type").rfind("text/html", 0), 0u) << target;
    EXPECT_NE(reply.body.find("<html"), std::string::npos) << target;
  }
}

void expect_security_headers(const HttpReply& reply, const std::string& context) {
  const std::string policy = reply.header("Content-Security-Policy");
  EXPECT_NE(policy.find("default-src 'none'"), std::string::npos) << context << ": " << policy;
  EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << context;
  EXPECT_NE(policy.find("base-uri 'none'"), std::string::npos) << context;
  EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos) << context;
  EXPECT_EQ(reply.header_count("Content-Security-Policy"), 1u) << context;
  EXPECT_EQ(reply.header("X-Content-Type-Options"), "nosniff") << context;
  EXPECT_FALSE(reply.header("Referrer-Policy").empty()) << context;
  const std::string type = reply.header("Content-Type");
  if (type.rfind("text/", 0) == 0 || type.find("json") != std::string::npos) {
    EXPECT_NE(type.find("charset=utf-8"), std::string::npos) << context << ": " << type;
  }
}

TEST(SecurityHeaders, EveryRouteAndErrorCarriesThem) {
  struct Case {
    std::string method;
    std::string target;
    unsigned status;
  };
  const Case cases[] = {
      {"GET", "/", 200},
      {"GET", "/search?q=judges", 200},
      {"GET", "/search?q=%22unterminated", 400},
      {"GET", "/search?page=0", 400},
      {"GET", "/api/v1/search?q=judge", 200},
      {"GET", "/api/v1/search?q=%22", 400},
      {"GET", "/api/v1/documents/coi-guidance-en", 200},
      {"GET", "/api/v1/documents/unknown-id", 404},
      {"GET", "/api/v1/unknown", 404},
      {"GET", "/doc/coi-guidance-en", 200},
      {"GET", "/doc/coi-guidance-en/original", 200},
      {"GET", "/doc/unknown-id", 404},
      {"GET", "/static/jil.css", 200},
      {"GET", "/static/missing.css", 404},
      {"GET", "/healthz", 200},
      {"POST", "/api/v1/search", 405},
  };
  for (const Case& test : cases) {
    const std::string context = test.method + " " + test.target;
    const HttpReply reply = http_request(environment().port(), test.method, test.target);
    ASSERT_EQ(reply.error, "") << context;
    EXPECT_EQ(reply.status, test.status) << context;
    expect_security_headers(reply, context);
  }
}

TEST(SecurityHeaders, RefusedRequestsCarryThemToo) {
  const RawExchange exchange = raw_exchange(
      environment().port(),
      "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
  ASSERT_EQ(exchange.error, "");
  const HttpReply reply = exchange.parsed();
  EXPECT_EQ(reply.status, 400u);
  expect_security_headers(reply, "refused chunked GET");
}

// T-H12: every error status searchd answers, each provoked for real. A searchd of the test's own
// has a tiny anonymous limit (for the 429) and the test-only fault route (for the 500; the
// option exists only in builds with the tests, see server/searchd_options.h).
TEST(ErrorResponses, EachStatusIsAGenericProblemWithARequestIdAndNoBanner) {
  OwnSearchd own(environment().index_dir(),
                 {"--test-fault-route", "--anonymous-rate", "0.001", "--anonymous-burst", "1"});
  ASSERT_NE(own.port(), 0) << "searchd did not start";
  ASSERT_EQ(http_get(own.port(), "/api/v1/concepts").status, 200u);  // the one anonymous token
  // Connection: close, so that raw_exchange's read ends with the answer, not at the idle deadline.
  const std::string head = " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  std::string many_fields;
  for (int field = 0; field < 150; ++field)
    many_fields += "X-F" + std::to_string(field) + ": v\r\n";
  const struct {
    unsigned status;
    unsigned short port;
    std::string request;
  } cases[] = {
      {400, environment().port(), "GET /api/v1/search?q=%22unterminated" + head + "\r\n"},
      {404, environment().port(), "GET /api/v1/no-such-route" + head + "\r\n"},
      {405, environment().port(), "DELETE /api/v1/search?q=judge" + head + "\r\n"},
      {413, environment().port(),
       "GET /healthz" + head + "Content-Length: 1000000\r\n\r\n" + std::string(100, 'x')},
      {414, environment().port(),
       "GET /api/v1/search?q=" + std::string(20000, 'a') + head + "\r\n"},
      {429, own.port(), "GET /api/v1/concepts" + head + "\r\n"},
      {431, environment().port(), "GET /healthz" + head + many_fields + "\r\n"},
      {500, own.port(), "GET /__test/fault" + head + "\r\n"},
  };
  std::set<std::string> request_ids;
  for (const auto& test : cases) {
    const std::string context = std::to_string(test.status);
    const RawExchange exchange = raw_exchange(test.port, test.request);
    ASSERT_EQ(exchange.error, "") << context;
    const HttpReply reply = exchange.parsed();
    ASSERT_EQ(reply.status, test.status) << exchange.response.substr(0, 300);
    EXPECT_EQ(reply.header("Content-Type"), "application/problem+json; charset=utf-8") << context;
    expect_security_headers(reply, context);
    EXPECT_EQ(reply.header("X-Frame-Options"), "DENY") << context;
    EXPECT_EQ(reply.header_count("Server"), 0u) << context << ": no version banner";
    EXPECT_EQ(reply.header_count("X-Powered-By"), 0u) << context;
    const nlohmann::json body = nlohmann::json::parse(reply.body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << context << ": " << reply.body;
    EXPECT_EQ(body.value("status", 0u), test.status) << context;
    const std::string request_id = body.value("request_id", "");
    EXPECT_EQ(request_id.size(), 16u) << context << ": " << reply.body;
    request_ids.insert(request_id);
    // No stack trace, source path, internal message or software name and version.
    for (const char* leak : {".cc", ".h:", "std::", "exception", "test fault hook", "jil-searchd",
                             "Boost", "Beast", "0.1.0", "/work/", "/tmp/"}) {
      EXPECT_EQ(reply.body.find(leak), std::string::npos) << context << ": " << reply.body;
    }
  }
  EXPECT_EQ(request_ids.size(), std::size(cases)) << "each answer its own id";
  // The server survived the fault and still answers.
  EXPECT_EQ(http_get(own.port(), "/healthz").status, 200u);
}

// The fault route does not exist without the option (the shared searchd has none).
TEST(ErrorResponses, TheFaultRouteIsAbsentWithoutItsOption) {
  EXPECT_EQ(http_get(environment().port(), "/__test/fault").status, 404u);
}

TEST(Health, ReportsTheIndexedDocumentCount) {
  const HttpReply reply = http_get(environment().port(), "/healthz");
  ASSERT_EQ(reply.status, 200u);
  const nlohmann::json body = nlohmann::json::parse(reply.body, nullptr, false);
  EXPECT_EQ(body.value("status", ""), "ok");
  EXPECT_EQ(body.value("documents", size_t{0}), environment().catalog().documents().size());
}

}  // namespace
}  // namespace jil::integration
