// The HTTP edge of jil-searchd with exact bytes on a raw socket (RELIABILITY.md T-H1, T-H2,
// T-H3): smuggling-prone framing, oversized heads and bodies are refused with the right status
// and the connection closed, and the server keeps serving afterwards.
#include <gtest/gtest.h>

#include <vector>

#include "http_client.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

using namespace std::string_literals;

const std::string kHead = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n";

struct EdgeCase {
  std::string name;
  std::string request;
  std::string status_line;  // expected
};

// GoogleTest names a failing case by this instead of dumping its bytes.
void PrintTo(const EdgeCase& test, std::ostream* out) { *out << test.name; }

void expect_server_alive() {
  const HttpReply reply = http_get(environment().port(), "/api/v1/search?q=judge&size=1");
  ASSERT_EQ(reply.error, "") << "searchd no longer answers";
  EXPECT_EQ(reply.status, 200u);
}

class RefusedRequest : public ::testing::TestWithParam<EdgeCase> {};

TEST_P(RefusedRequest, GetsItsStatusAndTheConnectionIsClosed) {
  const EdgeCase& test = GetParam();
  const RawExchange exchange = raw_exchange(environment().port(), test.request);
  ASSERT_EQ(exchange.error, "");
  EXPECT_EQ(exchange.status_line(), test.status_line);
  EXPECT_TRUE(exchange.closed_by_server) << "the connection was left open";
  const HttpReply reply = exchange.parsed();
  EXPECT_EQ(reply.header("Content-Type").rfind("application/problem+json", 0), 0u);
  EXPECT_EQ(reply.header("Connection"), "close");
  EXPECT_EQ(reply.header_count("Server"), 0u) << "no version banner (T-H12)";
  // Nothing after the refusal may be framed as a second response (smuggling).
  EXPECT_EQ(exchange.response.find("HTTP/1.1", 1), std::string::npos) << exchange.response;
  expect_server_alive();
}

const std::string k400 = "HTTP/1.1 400 Bad Request";

// T-H3: framing a proxy and searchd could read differently.
std::vector<EdgeCase> smuggling_cases() {
  return {
      {"ContentLengthThenChunked",
       kHead + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", k400},
      {"ChunkedThenContentLength",
       kHead + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n", k400},
      {"ChunkedGet", kHead + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", k400},
      {"ChunkedOnHttp10", "GET /healthz HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
       k400},
      {"TwoEqualContentLengths", kHead + "Content-Length: 1\r\nContent-Length: 1\r\n\r\nx", k400},
      {"TwoDifferentContentLengths", kHead + "Content-Length: 1\r\nContent-Length: 3\r\n\r\nxyz",
       k400},
      {"GzipWithContentLength", kHead + "Transfer-Encoding: gzip\r\nContent-Length: 3\r\n\r\nabc",
       k400},
      {"ChunkedIdentityList", kHead + "Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n",
       k400},
      {"ObsFoldedTransferEncoding", kHead + "Transfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n",
       k400},
      {"SpaceBeforeColon", kHead + "Transfer-Encoding : chunked\r\n\r\n0\r\n\r\n", k400},
      {"SignedContentLength", kHead + "Content-Length: +3\r\n\r\nabc", k400},
      {"HexContentLength", kHead + "Content-Length: 0x3\r\n\r\nabc", k400},
      {"ContentLengthList", kHead + "Content-Length: 3, 3\r\n\r\nabc", k400},
      {"ContentLengthThenGzip", kHead + "Content-Length: 3\r\nTransfer-Encoding: gzip\r\n\r\nabc",
       k400},
      {"ContentLengthWithInnerSpace", kHead + "Content-Length: 1 2\r\n\r\nabcdefghijkl", k400},
      {"ChunkedPost",
       "POST /api/v1/search HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
       "3\r\nabc\r\n0\r\n\r\n",
       k400},
  };
}

std::string two_hundred_headers() {
  std::string headers;
  for (int index = 0; index < 200; ++index) headers += "X-H" + std::to_string(index) + ": v\r\n";
  return headers;
}

// T-H1, T-H2: the limits of searchd_options.h (kMaxHeaderBytes = 16 KiB, kMaxTargetBytes =
// 8 KiB, kMaxHeaderFields = 100, kMaxBodyBytes = 64 KiB), and bytes that are not HTTP at all. No
// body is sent with the announced lengths: an answer at all shows it came before the body.
std::vector<EdgeCase> limit_cases() {
  return {
      {"TwentyKibHeader", kHead + "X-Filler: " + std::string(20 * 1024, 'a') + "\r\n\r\n",
       "HTTP/1.1 431 Request Header Fields Too Large"},
      // One byte over kMaxTargetBytes (8 KiB).
      {"TargetOneByteOverLimit",
       "GET /search?q=" + std::string(8 * 1024 - 9, 'a') + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
       "HTTP/1.1 414 URI Too Long"},
      // kMaxHeaderFields is 100.
      {"TwoHundredHeaders", kHead + two_hundred_headers() + "\r\n",
       "HTTP/1.1 431 Request Header Fields Too Large"},
      {"NineKibTarget",
       "GET /search?q=" + std::string(9 * 1024, 'a') + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
       "HTTP/1.1 414 URI Too Long"},
      // An announced body over the limit is refused before it is read.
      {"BodyOverLimit", kHead + "Content-Length: 65537\r\n\r\n", "HTTP/1.1 413 Content Too Large"},
      {"UploadOfTwoHundredMib",
       "POST /api/v1/search HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 209715200\r\n\r\n",
       "HTTP/1.1 413 Content Too Large"},
      {"NotHttp", "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n"s, k400},
  };
}

std::string case_name(const ::testing::TestParamInfo<EdgeCase>& param_info) {
  return param_info.param.name;
}

INSTANTIATE_TEST_SUITE_P(Smuggling, RefusedRequest, ::testing::ValuesIn(smuggling_cases()),
                         case_name);
INSTANTIATE_TEST_SUITE_P(Limits, RefusedRequest, ::testing::ValuesIn(limit_cases()), case_name);

TEST(HttpEdge, SmallBodyOnGetIsReadAndIgnored) {
  const RawExchange exchange = raw_exchange(
      environment().port(), kHead + "Content-Length: 3\r\nConnection: close\r\n\r\nabc");
  ASSERT_EQ(exchange.error, "");
  EXPECT_EQ(exchange.status_line(), "HTTP/1.1 200 OK");
  EXPECT_TRUE(exchange.closed_by_server);
}

TEST(HttpEdge, KeepAliveServesTwoRequestsOnOneConnection) {
  const RawExchange exchange =
      raw_exchange(environment().port(), kHead + "\r\n" + kHead + "Connection: close\r\n\r\n");
  ASSERT_EQ(exchange.error, "");
  size_t responses = 0;
  for (size_t at = exchange.response.find("HTTP/1.1 200 OK"); at != std::string::npos;
       at = exchange.response.find("HTTP/1.1 200 OK", at + 1)) {
    ++responses;
  }
  EXPECT_EQ(responses, 2u);
  EXPECT_TRUE(exchange.closed_by_server);
}

TEST(HttpEdge, MetricsAreForLocalScrapersNotForWhatAProxyForwards) {
  const HttpReply direct = http_get(environment().port(), "/metrics");
  ASSERT_EQ(direct.status, 200u);
  EXPECT_NE(direct.body.find("jil_result_cache_hits_total"), std::string::npos);
  // A reverse proxy on this machine connects from loopback too, and marks what it forwards.
  for (const char* mark : {"X-Forwarded-For", "X-Real-IP", "Forwarded"}) {
    const std::string client = std::string(mark) == "Forwarded" ? "for=203.0.113.5" : "203.0.113.5";
    const HttpReply forwarded =
        http_request(environment().port(), "GET", "/metrics", {{mark, client}});
    EXPECT_EQ(forwarded.status, 404u) << mark;
    EXPECT_EQ(forwarded.body.find("jil_result_cache_hits_total"), std::string::npos) << mark;
  }
}

TEST(HttpEdge, ServerStillAnswersAfterEveryRefusal) {
  std::vector<EdgeCase> cases = smuggling_cases();
  for (const EdgeCase& test : limit_cases()) cases.push_back(test);
  for (const EdgeCase& test : cases) {
    EXPECT_TRUE(raw_exchange(environment().port(), test.request).closed_by_server) << test.name;
  }
  expect_server_alive();
  const HttpReply health = http_get(environment().port(), "/healthz");
  EXPECT_EQ(health.status, 200u);
}

}  // namespace
}  // namespace jil::integration
