// Tests server/framing_checks.cc on requests parsed by Beast from raw bytes, with the parser set
// up as HttpSession::read_request sets it (header and body limits from searchd_options.h).
#include "server/framing_checks.h"

#include <gtest/gtest.h>

#include <string>

#include "server/searchd_options.h"

namespace jil::server {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;

struct Outcome {
  beast::error_code parse_error;          // Beast refused the header itself
  std::optional<FramingProblem> problem;  // check_framing's answer when Beast accepted it
};

// Parses the header of `raw` (which must end with an empty line) and checks its framing.
Outcome check_raw(const std::string& raw) {
  http::request_parser<http::string_body> parser;
  parser.header_limit(kMaxHeaderBytes);
  parser.body_limit(kMaxBodyBytes);
  Outcome outcome;
  parser.put(boost::asio::buffer(raw), outcome.parse_error);
  if (outcome.parse_error) return outcome;
  EXPECT_TRUE(parser.is_header_done()) << raw.substr(0, 200);
  outcome.problem = check_framing(parser.get());
  return outcome;
}

std::string request_with(const std::string& headers, const std::string& target = "/search?q=x") {
  return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\n";
}

TEST(FramingChecks, PlainGetPasses) {
  const Outcome outcome = check_raw(request_with(""));
  EXPECT_FALSE(outcome.parse_error) << outcome.parse_error.message();
  EXPECT_FALSE(outcome.problem.has_value());
}

TEST(FramingChecks, OneContentLengthWithinTheLimitPasses) {
  for (const std::string& length :
       {std::string("0"), std::string("5"), std::to_string(kMaxBodyBytes)}) {
    const Outcome outcome = check_raw(request_with("Content-Length: " + length + "\r\n"));
    EXPECT_FALSE(outcome.parse_error) << length << ": " << outcome.parse_error.message();
    EXPECT_FALSE(outcome.problem.has_value()) << length;
  }
}

TEST(FramingChecks, Only100ContinueIsAnExpectationUnderstood) {
  for (const char* value : {"100-continue", "100-Continue", "100-CONTINUE"}) {
    const Outcome outcome = check_raw(request_with(std::string("Expect: ") + value + "\r\n"));
    EXPECT_FALSE(outcome.problem.has_value()) << value;
  }
  for (const std::string& fields :
       {std::string("Expect: 200-ok\r\n"), std::string("Expect: \r\n"),
        std::string("Expect: 100-continue\r\nExpect: 100-continue\r\n")}) {
    const Outcome outcome = check_raw(request_with(fields));
    ASSERT_TRUE(outcome.problem.has_value()) << fields;
    EXPECT_EQ(outcome.problem->status, 417u) << fields;
  }
}

TEST(FramingChecks, OnlyAnHttp11ClientWaitsFor100Continue) {
  const auto waits = [](const std::string& raw) {
    http::request_parser<http::string_body> parser;
    beast::error_code error;
    parser.put(boost::asio::buffer(raw), error);
    EXPECT_FALSE(error) << error.message();
    return waits_for_continue(parser.get());
  };
  EXPECT_TRUE(waits("POST /oai HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n"));
  EXPECT_FALSE(waits("POST /oai HTTP/1.1\r\nContent-Length: 3\r\n\r\n"));
  // RFC 9110: an HTTP/1.0 client cannot take an interim response.
  EXPECT_FALSE(waits("POST /oai HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n"));
}

TEST(FramingChecks, TransferEncodingIsRefusedWith400) {
  for (const char* coding : {"chunked", "gzip", "gzip, chunked", "identity"}) {
    const Outcome outcome =
        check_raw(request_with(std::string("Transfer-Encoding: ") + coding + "\r\n"));
    ASSERT_FALSE(outcome.parse_error) << coding << ": " << outcome.parse_error.message();
    ASSERT_TRUE(outcome.problem.has_value()) << coding;
    EXPECT_EQ(outcome.problem->status, 400u);
    EXPECT_STREQ(outcome.problem->detail, "Transfer-Encoding is not accepted");
  }
}

TEST(FramingChecks, TransferEncodingWithContentLengthIsRefused) {
  const Outcome outcome =
      check_raw(request_with("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"));
  EXPECT_TRUE(outcome.parse_error || (outcome.problem && outcome.problem->status == 400u));
}

TEST(FramingChecks, TwoEqualContentLengthsAreRefusedWith400) {
  const Outcome outcome = check_raw(request_with("Content-Length: 5\r\nContent-Length: 5\r\n"));
  ASSERT_FALSE(outcome.parse_error) << outcome.parse_error.message();
  ASSERT_TRUE(outcome.problem.has_value());
  EXPECT_EQ(outcome.problem->status, 400u);
  EXPECT_STREQ(outcome.problem->detail, "more than one Content-Length");
}

TEST(FramingChecks, ContentLengthListIsMalformed) {
  const Outcome outcome = check_raw(request_with("Content-Length: 5, 5\r\n"));
  ASSERT_FALSE(outcome.parse_error) << outcome.parse_error.message();
  ASSERT_TRUE(outcome.problem.has_value());
  EXPECT_EQ(outcome.problem->status, 400u);
  EXPECT_STREQ(outcome.problem->detail, "malformed Content-Length");
}

TEST(FramingChecks, ConflictingOrNonNumericContentLengthIsRefusedByTheParser) {
  EXPECT_EQ(check_raw(request_with("Content-Length: 5\r\nContent-Length: 6\r\n")).parse_error,
            http::error::multiple_content_length);
  for (const char* bad : {"abc", "-1", "1e3", "0x10"}) {
    EXPECT_EQ(check_raw(request_with(std::string("Content-Length: ") + bad + "\r\n")).parse_error,
              http::error::bad_content_length)
        << bad;
  }
}

TEST(FramingChecks, NonNumericContentLengthIsMalformedEvenWhenTheParserLetsItThrough) {
  for (const char* bad : {"abc", "-1", "", "1e3", "1234567890123456789"}) {
    http::request<http::string_body> request{http::verb::get, "/", 11};
    request.set(http::field::content_length, bad);
    const std::optional<FramingProblem> problem = check_framing(request);
    ASSERT_TRUE(problem.has_value()) << bad;
    EXPECT_EQ(problem->status, 400u) << bad;
    EXPECT_STREQ(problem->detail, "malformed Content-Length");
  }
}

TEST(FramingChecks, ContentLengthOverTheLimitIsRefusedByTheParserBodyLimit) {
  // Beast compares an announced length with body_limit while reading the header;
  // HttpSession::on_header answers that error with 413.
  const Outcome outcome =
      check_raw(request_with("Content-Length: " + std::to_string(kMaxBodyBytes + 1) + "\r\n"));
  EXPECT_EQ(outcome.parse_error, http::error::body_limit);
}

TEST(FramingChecks, LargeContentLengthThatReachesTheCheckIs413) {
  http::request<http::string_body> request{http::verb::get, "/", 11};
  request.set(http::field::content_length, std::to_string(kMaxBodyBytes + 1));
  const std::optional<FramingProblem> problem = check_framing(request);
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->status, 413u);
}

TEST(FramingChecks, TargetOverEightKibibytesIsRefusedWith414) {
  const std::string at_limit = "/search?q=" + std::string(kMaxTargetBytes - 10, 'a');
  ASSERT_EQ(at_limit.size(), kMaxTargetBytes);
  const Outcome fits = check_raw(request_with("", at_limit));
  EXPECT_FALSE(fits.parse_error) << fits.parse_error.message();
  EXPECT_FALSE(fits.problem.has_value());
  const Outcome outcome = check_raw(request_with("", at_limit + "a"));
  ASSERT_FALSE(outcome.parse_error) << outcome.parse_error.message();
  ASSERT_TRUE(outcome.problem.has_value());
  EXPECT_EQ(outcome.problem->status, 414u);
  EXPECT_STREQ(outcome.problem->detail, "the request target is too long");
}

TEST(FramingChecks, RequestLineOverTheHeaderLimitLeavesTheMethodUnset) {
  // HttpSession::on_header tells a long URI (414) from long headers (431) by this.
  http::request_parser<http::string_body> parser;
  parser.header_limit(kMaxHeaderBytes);
  beast::error_code error;
  const std::string raw = request_with("", "/search?q=" + std::string(kMaxHeaderBytes, 'a'));
  parser.put(boost::asio::buffer(raw), error);
  EXPECT_EQ(error, http::error::header_limit);
  EXPECT_TRUE(parser.get().method_string().empty());
}

TEST(FramingChecks, MoreHeaderFieldsThanTheLimitAreRefusedWith431) {
  auto fields = [](size_t count) {  // Host is one of them
    std::string headers;
    for (size_t index = 1; index < count; ++index) {
      headers += "X-F" + std::to_string(index) + ": v\r\n";
    }
    return request_with(headers);
  };
  const Outcome fits = check_raw(fields(kMaxHeaderFields));
  EXPECT_FALSE(fits.parse_error) << fits.parse_error.message();
  EXPECT_FALSE(fits.problem.has_value());
  const Outcome outcome = check_raw(fields(kMaxHeaderFields + 1));
  ASSERT_FALSE(outcome.parse_error) << outcome.parse_error.message();
  ASSERT_TRUE(outcome.problem.has_value());
  EXPECT_EQ(outcome.problem->status, 431u);
  EXPECT_STREQ(outcome.problem->detail, "the request has too many header fields");
}

TEST(FramingChecks, HeadersOverTheLimitAreRefusedByTheParser) {
  const Outcome outcome =
      check_raw(request_with("X-Padding: " + std::string(kMaxHeaderBytes, 'p') + "\r\n"));
  EXPECT_EQ(outcome.parse_error, http::error::header_limit);
}

}  // namespace
}  // namespace jil::server
