// Tests api/cors_policy.cc: which origins may be listed, the anonymous "*" (never for "null"),
// Vary: Origin kept with other Vary values, and preflight answers.
#include "api/cors_policy.h"

#include <gtest/gtest.h>

namespace jil::api {
namespace {

std::string header(const HttpResponse& response, const std::string& name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return "";
}

TEST(CorsPolicy, OriginFormsAreThoseBrowsersSend) {
  for (const char* good : {"https://portal.example", "http://127.0.0.1:8000", "http://localhost",
                           "https://a-b.example.org:8443", "http://[::1]:3000", "http://[::1]"}) {
    EXPECT_TRUE(is_allowed_origin_form(good)) << good;
  }
  for (const char* bad :
       {"null", "", "*", "https://portal.example/", "https://portal.example/path",
        "https://Portal.example", "ftp://portal.example", "https://", "https://:80",
        "https://portal.example:0", "https://portal.example:65536", "https://portal.example:08",
        "https://user@portal.example", "https://portal.example\r\nX: y", "file://", "http://[::1",
        "https://.example", "https://portal..example:x"}) {
    EXPECT_FALSE(is_allowed_origin_form(bad)) << bad;
  }
}

TEST(CorsPolicy, AnonymousAnswersAreOpenButNeverToNull) {
  EXPECT_EQ(anonymous_allow_origin("https://anywhere.example"), "*");
  EXPECT_EQ(anonymous_allow_origin("null"), "");
  EXPECT_EQ(anonymous_allow_origin(""), "");
}

TEST(CorsPolicy, HeadersNameTheOriginAndVaryOnIt) {
  HttpResponse response;
  response.set_header("Vary", "Accept-Language");
  add_cors_headers("https://portal.example", response);
  EXPECT_EQ(header(response, "Vary"), "Accept-Language, Origin");
  EXPECT_EQ(header(response, "Access-Control-Allow-Origin"), "https://portal.example");
  EXPECT_EQ(header(response, "Access-Control-Allow-Credentials"), "");
  EXPECT_NE(header(response, "Access-Control-Expose-Headers").find("Retry-After"),
            std::string::npos);

  HttpResponse none;
  add_cors_headers("", none);
  EXPECT_EQ(header(none, "Vary"), "Origin");
  EXPECT_EQ(header(none, "Access-Control-Allow-Origin"), "");
}

TEST(CorsPolicy, PreflightAllowsOnlyGetHeadAndTheKeyHeaders) {
  const HttpResponse allowed = preflight_response("https://portal.example", true);
  EXPECT_EQ(allowed.status, 204u);
  EXPECT_TRUE(allowed.body.empty());
  EXPECT_EQ(header(allowed, "Access-Control-Allow-Origin"), "https://portal.example");
  EXPECT_EQ(header(allowed, "Access-Control-Allow-Methods"), "GET, HEAD");
  EXPECT_EQ(header(allowed, "Access-Control-Allow-Headers"), "Authorization, X-API-Key");
  EXPECT_EQ(header(allowed, "Access-Control-Max-Age"), "600");
  EXPECT_EQ(header(allowed, "Access-Control-Allow-Credentials"), "");

  const HttpResponse refused = preflight_response("https://other.example", false);
  EXPECT_EQ(refused.status, 403u);
  EXPECT_EQ(header(refused, "Access-Control-Allow-Origin"), "");
}

}  // namespace
}  // namespace jil::api
