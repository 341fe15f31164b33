// Unit tests of api/cache_policy.h: which answers get which Cache-Control, ETags that differ by
// target, representation and index revision, and If-None-Match parsing (lists, weak tags, *).
#include "api/cache_policy.h"

#include <gtest/gtest.h>

namespace jil::api {
namespace {

std::string header(const HttpResponse& response, const std::string& name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return "";
}

HttpRequest get(const std::string& target, const std::string& accept_language = "") {
  HttpRequest request;
  request.method = "GET";
  request.target = target;
  request.accept_language = accept_language;
  return request;
}

HttpResponse ok(const std::string& content_type) {
  HttpResponse response;
  response.content_type = content_type;
  response.body = "body";
  return response;
}

TEST(CachePolicy, IfNoneMatchListsWeakTagsAndStar) {
  EXPECT_TRUE(if_none_match_matches("\"a\"", "\"a\""));
  EXPECT_TRUE(if_none_match_matches("\"x\", W/\"a\"", "\"a\""));
  EXPECT_TRUE(if_none_match_matches(" \"x\" ,\t\"a\" ", "\"a\""));
  EXPECT_TRUE(if_none_match_matches("*", "\"a\""));
  EXPECT_FALSE(if_none_match_matches("", "\"a\""));
  EXPECT_FALSE(if_none_match_matches("\"ab\"", "\"a\""));
  EXPECT_FALSE(if_none_match_matches(",,", "\"a\""));
}

TEST(CachePolicy, KindsOfAnswersGetTheirCacheControl) {
  HttpRequest request = get("/api/v1/search?q=x");
  HttpResponse api = ok("application/json");
  apply_cache_policy(request, 7, api);
  EXPECT_EQ(header(api, "Cache-Control"), kApiCacheControl);
  EXPECT_FALSE(header(api, "ETag").empty());

  request.target = "/search?q=x";
  HttpResponse html = ok("text/html; charset=utf-8");
  apply_cache_policy(request, 7, html);
  EXPECT_EQ(header(html, "Cache-Control"), kHtmlCacheControl);

  request.target = "/feed.atom";
  HttpResponse feed = ok("application/atom+xml");
  apply_cache_policy(request, 7, feed);
  EXPECT_EQ(header(feed, "Cache-Control"), kOtherCacheControl);

  HttpResponse error = ok("application/problem+json");
  error.status = 404;
  apply_cache_policy(request, 7, error);
  EXPECT_TRUE(error.headers.empty());

  HttpResponse own = ok("application/json");
  own.set_header("Cache-Control", "no-store");
  apply_cache_policy(request, 7, own);
  EXPECT_EQ(header(own, "Cache-Control"), "no-store");
  EXPECT_TRUE(header(own, "ETag").empty());
}

TEST(CachePolicy, EtagsDifferByRevisionTargetAndRepresentation) {
  const HttpRequest request = get("/search?q=x", "fr");
  HttpResponse page = ok("text/html; charset=utf-8");
  page.set_header("Vary", "Accept-Language, Cookie");
  const std::string etag = index_etag(request, page, 1);
  EXPECT_EQ(etag, index_etag(request, page, 1));
  EXPECT_NE(etag, index_etag(request, page, 2));
  HttpRequest other = request;
  other.target = "/search?q=y";
  EXPECT_NE(etag, index_etag(other, page, 1));
  other = request;
  other.accept_language = "en";
  EXPECT_NE(etag, index_etag(other, page, 1));
  other = request;
  other.cookie = "jil_ui=ar";
  EXPECT_NE(etag, index_etag(other, page, 1));
  // Without Vary, the language headers are not part of the representation.
  const HttpResponse json = ok("application/json");
  other = request;
  other.accept_language = "en";
  EXPECT_EQ(index_etag(request, json, 1), index_etag(other, json, 1));
}

TEST(CachePolicy, MatchingIfNoneMatchGivesAnEmpty304) {
  HttpRequest request = get("/api/v1/concepts");
  HttpResponse first = ok("application/json");
  apply_cache_policy(request, 3, first);
  request.if_none_match = header(first, "ETag");
  HttpResponse second = ok("application/json");
  apply_cache_policy(request, 3, second);
  EXPECT_EQ(second.status, 304u);
  EXPECT_TRUE(second.body.empty());
  EXPECT_EQ(header(second, "ETag"), request.if_none_match);
  HttpResponse changed = ok("application/json");
  apply_cache_policy(request, 4, changed);
  EXPECT_EQ(changed.status, 200u);
  EXPECT_EQ(changed.body, "body");
}

TEST(CachePolicy, ContentEtagNamesTheBytesAndKeepsItsOwnCacheControl) {
  const std::string sha256(64, 'a');
  EXPECT_EQ(content_etag(sha256), "\"sha256-" + sha256 + "\"");
  HttpRequest request = get("/doc/x/original");
  HttpResponse original = ok("application/pdf");
  original.set_header("ETag", content_etag(sha256));
  original.set_header("Cache-Control", "public, max-age=86400");
  apply_cache_policy(request, 3, original);
  EXPECT_EQ(original.status, 200u);
  EXPECT_EQ(header(original, "ETag"), content_etag(sha256)) << "not replaced by an index ETag";
  EXPECT_EQ(header(original, "Cache-Control"), "public, max-age=86400");
  request.if_none_match = content_etag(sha256);
  HttpResponse again = ok("application/pdf");
  again.set_header("ETag", content_etag(sha256));
  apply_cache_policy(request, 4, again);  // another index revision: the same bytes
  EXPECT_EQ(again.status, 304u);
  EXPECT_TRUE(again.body.empty());
}

}  // namespace
}  // namespace jil::api
