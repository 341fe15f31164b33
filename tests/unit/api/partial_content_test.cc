// Tests api/partial_content.cc: which answers become a 206 or a 416 and with which headers and
// bytes; If-Range by strong comparison; answers that never do (no Accept-Ranges, gzip, not 200,
// other methods).
#include "api/partial_content.h"

#include <gtest/gtest.h>

#include <string>

namespace jil::api {
namespace {

constexpr const char* kEtag = "\"sha256-abc\"";

HttpResponse original() {
  HttpResponse response;
  response.content_type = "application/pdf";
  response.body = "0123456789";
  response.set_header("ETag", kEtag);
  response.set_header("Accept-Ranges", "bytes");
  response.set_header("Content-Disposition", "inline; filename=\"a.pdf\"");
  response.set_header("Cache-Control", "public, max-age=86400");
  return response;
}

HttpRequest ranged(std::string range, std::string if_range = "", std::string method = "GET") {
  HttpRequest request;
  request.method = std::move(method);
  request.target = "/doc/a/original";
  request.range = std::move(range);
  request.if_range = std::move(if_range);
  return request;
}

std::string header(const HttpResponse& response, std::string_view name) {
  const std::string* value = response.header(name);
  return value ? *value : "";
}

TEST(PartialContent, OneRangeIsA206WithThoseBytesAndTheFilesHeaders) {
  HttpResponse response = original();
  answer_range_request(ranged("bytes=2-4"), response);
  EXPECT_EQ(response.status, 206u);
  EXPECT_EQ(response.body, "234");
  EXPECT_EQ(header(response, "Content-Range"), "bytes 2-4/10");
  EXPECT_EQ(response.content_type, "application/pdf");
  EXPECT_EQ(header(response, "ETag"), kEtag);
  EXPECT_EQ(header(response, "Accept-Ranges"), "bytes");
  EXPECT_EQ(header(response, "Content-Disposition"), "inline; filename=\"a.pdf\"");

  HttpResponse tail = original();
  answer_range_request(ranged("bytes=-3"), tail);
  EXPECT_EQ(tail.body, "789");
  EXPECT_EQ(header(tail, "Content-Range"), "bytes 7-9/10");
}

// An original sent from a file (api::FileSlice) narrows its slice; nothing is read here.
TEST(PartialContent, AFileBodyBecomesTheSliceOfTheRange) {
  HttpResponse response = original();
  response.body.clear();
  response.file = FileSlice{nullptr, 0, 10};
  answer_range_request(ranged("bytes=2-4"), response);
  EXPECT_EQ(response.status, 206u);
  ASSERT_TRUE(response.file.has_value());
  EXPECT_EQ(response.file->offset, 2u);
  EXPECT_EQ(response.file->length, 3u);
  EXPECT_EQ(response.body_size(), 3u);
  EXPECT_EQ(header(response, "Content-Range"), "bytes 2-4/10");

  HttpResponse past = original();
  past.body.clear();
  past.file = FileSlice{nullptr, 0, 10};
  answer_range_request(ranged("bytes=10-"), past);
  EXPECT_EQ(past.status, 416u);
  EXPECT_FALSE(past.file.has_value());
  EXPECT_EQ(header(past, "Content-Range"), "bytes */10");
}

TEST(PartialContent, HeadIsAnsweredAsGet) {
  HttpResponse response = original();
  answer_range_request(ranged("bytes=5-", "", "HEAD"), response);
  EXPECT_EQ(response.status, 206u);
  EXPECT_EQ(response.body, "56789");  // the server sends its length, not the bytes
  EXPECT_EQ(header(response, "Content-Range"), "bytes 5-9/10");
}

TEST(PartialContent, AnUnsatisfiableRangeIsA416NamingTheLength) {
  HttpResponse response = original();
  answer_range_request(ranged("bytes=10-"), response);
  EXPECT_EQ(response.status, 416u);
  EXPECT_EQ(header(response, "Content-Range"), "bytes */10");
  EXPECT_EQ(header(response, "Accept-Ranges"), "bytes");
  EXPECT_EQ(response.content_type.rfind("application/problem+json", 0), 0u);
  EXPECT_EQ(response.body.find("0123456789"), std::string::npos);
  EXPECT_EQ(response.header("ETag"), nullptr);
  EXPECT_EQ(response.header("Cache-Control"), nullptr);
  EXPECT_EQ(response.header("Content-Disposition"), nullptr);
}

TEST(PartialContent, IgnoredRangesLeaveTheWholeAnswer) {
  for (const char* range : {"bytes=0-1,3-4", "bytes=5-2", "items=0-1", "bytes=x"}) {
    HttpResponse response = original();
    answer_range_request(ranged(range), response);
    EXPECT_EQ(response.status, 200u) << range;
    EXPECT_EQ(response.body, "0123456789") << range;
    EXPECT_EQ(response.header("Content-Range"), nullptr) << range;
  }
}

TEST(PartialContent, IfRangeHonoursTheRangeOnlyForTheSameStrongTag) {
  HttpResponse same = original();
  answer_range_request(ranged("bytes=0-1", kEtag), same);
  EXPECT_EQ(same.status, 206u);
  EXPECT_EQ(same.body, "01");
  for (const char* other : {"\"sha256-other\"", "W/\"sha256-abc\"", "sha256-abc",
                            "Wed, 21 Oct 2015 07:28:00 GMT", "*"}) {
    HttpResponse changed = original();
    answer_range_request(ranged("bytes=0-1", other), changed);
    EXPECT_EQ(changed.status, 200u) << other;
    EXPECT_EQ(changed.body, "0123456789") << other;
  }
}

TEST(PartialContent, IfRangeComparesStrongly) {
  EXPECT_TRUE(if_range_matches(kEtag, kEtag));
  EXPECT_TRUE(if_range_matches(" \"sha256-abc\" ", kEtag));
  EXPECT_FALSE(if_range_matches("W/\"x\"", "W/\"x\""));
  EXPECT_FALSE(if_range_matches("\"x\"", "W/\"x\""));
  EXPECT_FALSE(if_range_matches("", ""));
}

TEST(PartialContent, OnlyA200ThatOffersBytesAndIsNotEncoded) {
  HttpResponse page;  // no Accept-Ranges: an HTML page
  page.body = "0123456789";
  answer_range_request(ranged("bytes=0-1"), page);
  EXPECT_EQ(page.status, 200u);
  EXPECT_EQ(page.body.size(), 10u);

  HttpResponse gzipped = original();
  gzipped.set_header("Content-Encoding", "gzip");
  answer_range_request(ranged("bytes=0-1"), gzipped);
  EXPECT_EQ(gzipped.status, 200u);

  HttpResponse not_modified = original();
  not_modified.status = 304;
  not_modified.body.clear();
  answer_range_request(ranged("bytes=0-1"), not_modified);
  EXPECT_EQ(not_modified.status, 304u);

  HttpResponse posted = original();
  answer_range_request(ranged("bytes=0-1", "", "POST"), posted);
  EXPECT_EQ(posted.status, 200u);

  HttpResponse no_range = original();
  answer_range_request(ranged(""), no_range);
  EXPECT_EQ(no_range.status, 200u);
  EXPECT_EQ(no_range.header("Content-Range"), nullptr);
}

}  // namespace
}  // namespace jil::api
