// Tests api/problem.cc: the one table from StatusCode to HTTP status, and RFC 9457 bodies that
// never carry a server-side detail.
#include "api/problem.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

namespace jil::api {
namespace {

TEST(HttpStatusFor, MapsEveryStatusCode) {
  const std::vector<std::pair<StatusCode, unsigned>> table = {
      {StatusCode::kOk, 200},
      {StatusCode::kInvalidArgument, 400},
      {StatusCode::kLimitExceeded, 400},
      {StatusCode::kUnsupported, 400},
      {StatusCode::kNotFound, 404},
      {StatusCode::kUnavailable, 503},
      {StatusCode::kLocked, 503},
      {StatusCode::kIncompatible, 503},
      {StatusCode::kCorrupt, 500},
      {StatusCode::kIoError, 500},
      {StatusCode::kInternal, 500},
  };
  for (const auto& [code, http_status] : table) {
    EXPECT_EQ(http_status_for(code), http_status) << status_code_name(code);
  }
}

TEST(ProblemResponse, IsProblemJsonWithTitleStatusAndDetail) {
  const HttpResponse response = problem_response(invalid_argument("unterminated phrase"));
  EXPECT_EQ(response.status, 400u);
  EXPECT_EQ(response.content_type, "application/problem+json; charset=utf-8");
  nlohmann::json body = nlohmann::json::parse(response.body);
  const std::string request_id = body.value("request_id", "");
  EXPECT_EQ(request_id.size(), 16u) << response.body;
  EXPECT_EQ(request_id.find_first_not_of("0123456789abcdef"), std::string::npos) << request_id;
  body.erase("request_id");
  EXPECT_EQ(body, (nlohmann::json{{"type", "about:blank"},
                                  {"title", "Bad Request"},
                                  {"status", 400},
                                  {"detail", "unterminated phrase"}}));
}

TEST(ProblemResponse, EachProblemHasItsOwnRequestId) {
  const auto id = [](const HttpResponse& response) {
    return nlohmann::json::parse(response.body).value("request_id", "");
  };
  EXPECT_NE(id(problem_response(404, "no such route")), id(problem_response(404, "no such route")));
  EXPECT_EQ(id(problem_response(400, "detail", "00112233aabbccdd")), "00112233aabbccdd");
}

TEST(ProblemResponse, ServerErrorsHideTheirDetail) {
  for (const Status& status :
       {internal_error("bug in /srv/jil/searchd.cc:42"), io_error("cannot read /var/secret"),
        Status(StatusCode::kCorrupt, "index /var/index is damaged")}) {
    ::testing::internal::CaptureStderr();
    const HttpResponse response = problem_response(status);
    const std::string log = ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(response.status, 500u);
    const auto body = nlohmann::json::parse(response.body);
    // The log keeps the cause under the id the client got.
    EXPECT_NE(log.find(body.value("request_id", "?")), std::string::npos) << log;
    EXPECT_NE(log.find(status.message()), std::string::npos) << log;
    EXPECT_EQ(body["title"], "Internal Server Error");
    EXPECT_EQ(body["detail"], "the server failed to answer this request");
    EXPECT_EQ(response.body.find("/var"), std::string::npos) << response.body;
    EXPECT_EQ(response.body.find("/srv"), std::string::npos) << response.body;
  }
}

TEST(ProblemResponse, UnavailableKeepsItsDetail) {
  const HttpResponse response =
      problem_response(Status(StatusCode::kUnavailable, "the index is being updated: try again"));
  EXPECT_EQ(response.status, 503u);
  EXPECT_EQ(nlohmann::json::parse(response.body)["detail"],
            "the index is being updated: try again");
}

TEST(ProblemResponse, TitlesNameEachStatus) {
  const std::vector<std::pair<unsigned, const char*>> titles = {
      {400, "Bad Request"},
      {404, "Not Found"},
      {405, "Method Not Allowed"},
      {413, "Content Too Large"},
      {414, "URI Too Long"},
      {416, "Range Not Satisfiable"},
      {431, "Request Header Fields Too Large"},
      {503, "Service Unavailable"},
      {500, "Internal Server Error"},
  };
  for (const auto& [http_status, title] : titles) {
    const HttpResponse response = problem_response(http_status, "detail");
    EXPECT_EQ(response.status, http_status);
    EXPECT_EQ(nlohmann::json::parse(response.body)["title"], title) << http_status;
  }
}

TEST(ProblemResponse, InvalidUtf8InDetailIsReplacedNotThrown) {
  const HttpResponse response = problem_response(400, "bad \xFF byte");
  EXPECT_EQ(nlohmann::json::parse(response.body)["detail"], "bad \xEF\xBF\xBD byte");
}

}  // namespace
}  // namespace jil::api
