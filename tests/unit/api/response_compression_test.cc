// Tests api/response_compression.cc: which Accept-Encoding values admit gzip, which answers are
// compressed (text, 1 KiB to 8 MiB, not downloads), that the body inflates back to the same
// bytes with Poco's own inflater, and the Vary and ETag headers of both representations.
#include "api/response_compression.h"

#include <gtest/gtest.h>

#include <string>

#include "gzip_inflate.h"

namespace jil::api {
namespace {

const std::string* header(const HttpResponse& response, const std::string& name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return &value;
  }
  return nullptr;
}

HttpResponse page(std::string content_type, size_t bytes) {
  HttpResponse response;
  response.content_type = std::move(content_type);
  for (size_t index = 0; response.body.size() < bytes; ++index) {
    response.body += "<li>juge " + std::to_string(index) + " قاضي 法官</li>\n";
  }
  response.body.resize(bytes);
  return response;
}

HttpRequest asking(std::string accept_encoding) {
  HttpRequest request;
  request.method = "GET";
  request.target = "/search?q=juge";
  request.accept_encoding = std::move(accept_encoding);
  return request;
}

TEST(ResponseCompression, AcceptEncodingAdmitsGzipByNameOrStarWithAPositiveQuality) {
  EXPECT_TRUE(accepts_gzip("gzip"));
  EXPECT_TRUE(accepts_gzip("gzip, deflate, br"));
  EXPECT_TRUE(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
  EXPECT_TRUE(accepts_gzip("x-gzip"));
  EXPECT_TRUE(accepts_gzip("*"));
  EXPECT_TRUE(accepts_gzip("identity, *;q=0.1"));
  EXPECT_FALSE(accepts_gzip(""));
  EXPECT_FALSE(accepts_gzip("identity"));
  EXPECT_FALSE(accepts_gzip("br, deflate"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0, *"));  // refused by name: the star does not override
  EXPECT_FALSE(accepts_gzip("*;q=0"));
  EXPECT_FALSE(accepts_gzip("gzip;q=abc"));  // an unreadable quality counts as 0
  EXPECT_FALSE(accepts_gzip("gzip;q=2"));
}

TEST(ResponseCompression, ATextAnswerIsGzippedAndInflatesToTheSameBytes) {
  for (const std::string type :
       {"text/html; charset=utf-8", "application/json", "application/problem+json", "text/css",
        "image/svg+xml", "application/atom+xml; charset=utf-8",
        "text/xml; charset=utf-8" /* OAI-PMH */, "application/xml"}) {
    HttpResponse response = page(type, 30000);
    const std::string original = response.body;
    compress_if_accepted(asking("gzip, deflate, br"), response);
    ASSERT_NE(header(response, "Content-Encoding"), nullptr) << type;
    EXPECT_EQ(*header(response, "Content-Encoding"), "gzip");
    EXPECT_LT(response.body.size(), original.size() / 3) << type;
    EXPECT_EQ(gzip_inflated(response.body), original) << type;
    ASSERT_NE(header(response, "Vary"), nullptr);
    EXPECT_EQ(*header(response, "Vary"), "Accept-Encoding");
  }
}

TEST(ResponseCompression, OnlyWhenAskedAndWorthItButVaryAlwaysSaysSo) {
  HttpResponse plain = page("text/html; charset=utf-8", 30000);
  plain.set_header("Vary", "Accept-Language, Cookie");
  const std::string original = plain.body;
  compress_if_accepted(asking(""), plain);
  EXPECT_EQ(plain.body, original);
  EXPECT_EQ(header(plain, "Content-Encoding"), nullptr);
  EXPECT_EQ(*header(plain, "Vary"), "Accept-Language, Cookie, Accept-Encoding");

  HttpResponse small = page("application/json", kMinCompressedBytes - 1);
  compress_if_accepted(asking("gzip"), small);
  EXPECT_EQ(header(small, "Content-Encoding"), nullptr);
  EXPECT_EQ(small.body.size(), kMinCompressedBytes - 1);
  EXPECT_NE(header(small, "Vary"), nullptr);

  HttpResponse huge = page("application/json", kMaxCompressedBytes + 1);
  compress_if_accepted(asking("gzip"), huge);
  EXPECT_EQ(header(huge, "Content-Encoding"), nullptr);
}

TEST(ResponseCompression, FilesImagesAndDownloadsKeepTheirBytes) {
  HttpResponse pdf = page("application/pdf", 30000);
  compress_if_accepted(asking("gzip"), pdf);
  EXPECT_EQ(header(pdf, "Content-Encoding"), nullptr);
  EXPECT_EQ(header(pdf, "Vary"), nullptr);

  HttpResponse original = page("text/plain; charset=utf-8", 30000);  // an original .txt file
  original.set_header("Content-Disposition", "attachment; filename=\"a.txt\"");
  compress_if_accepted(asking("gzip"), original);
  EXPECT_EQ(header(original, "Content-Encoding"), nullptr);

  HttpResponse ranged = page("text/plain; charset=utf-8", 30000);
  ranged.set_header("Accept-Ranges", "bytes");
  compress_if_accepted(asking("gzip"), ranged);
  EXPECT_EQ(header(ranged, "Content-Encoding"), nullptr);

  // An inline disposition (PDF originals) is still a file; a part of a file is never gzipped.
  HttpResponse shown = page("text/plain; charset=utf-8", 30000);
  shown.set_header("Content-Disposition", "inline; filename=\"a.txt\"");
  compress_if_accepted(asking("gzip"), shown);
  EXPECT_EQ(header(shown, "Content-Encoding"), nullptr);
  for (const unsigned status : {206u, 416u}) {
    HttpResponse part = page("text/plain; charset=utf-8", 30000);
    part.status = status;
    compress_if_accepted(asking("gzip"), part);
    EXPECT_EQ(header(part, "Content-Encoding"), nullptr) << status;
  }
}

TEST(ResponseCompression, AnOwnETagNamesTheGzipRepresentation) {
  HttpResponse css = page("text/css", 5000);
  css.set_header("ETag", "\"abc123\"");
  compress_if_accepted(asking("gzip"), css);
  EXPECT_EQ(*header(css, "ETag"), "\"abc123-gzip\"");
  HttpResponse weak = page("text/css", 5000);
  weak.set_header("ETag", "W/\"abc123\"");
  compress_if_accepted(asking("gzip"), weak);
  EXPECT_EQ(*header(weak, "ETag"), "W/\"abc123-gzip\"");
  HttpResponse identity = page("text/css", 5000);
  identity.set_header("ETag", "\"abc123\"");
  compress_if_accepted(asking("identity"), identity);
  EXPECT_EQ(*header(identity, "ETag"), "\"abc123\"");
}

}  // namespace
}  // namespace jil::api
