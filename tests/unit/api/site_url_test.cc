// Tests api/site_url.cc: the configured public URL wins over any Host header; without it the
// base is "http://" + a plain Host, or the fallback host for anything else.
#include "api/site_url.h"

#include <gtest/gtest.h>

namespace jil::api {
namespace {

HttpRequest request_with(std::string host) {
  HttpRequest request;
  request.method = "GET";
  request.target = "/sitemap.xml";
  request.host = std::move(host);
  return request;
}

TEST(SiteUrl, WithoutPublicUrlTheHostHeaderNamesTheSiteOverHttp) {
  EXPECT_EQ(site_base_url(request_with("library.example:8080"), ""), "http://library.example:8080");
  EXPECT_EQ(site_base_url(request_with("[2001:db8::1]:8080"), ""), "http://[2001:db8::1]:8080");
}

TEST(SiteUrl, WithoutPublicUrlAHostileOrMissingHostFallsBackToLocalhost) {
  EXPECT_EQ(site_base_url(request_with(""), ""), "http://localhost");
  EXPECT_EQ(site_base_url(request_with("evil.example\"><x"), ""), "http://localhost");
  EXPECT_EQ(site_base_url(request_with("evil.example/path"), ""), "http://localhost");
  EXPECT_EQ(site_base_url(request_with(std::string(kMaxHostBytes + 1, 'a')), ""),
            "http://localhost");
}

TEST(SiteUrl, PublicUrlIgnoresTheHostHeader) {
  for (const char* host : {"", "jil.example.org", "evil.example", "evil.example\"><x"}) {
    EXPECT_EQ(site_base_url(request_with(host), "https://jil.example.org"),
              "https://jil.example.org")
        << host;
  }
}

}  // namespace
}  // namespace jil::api
