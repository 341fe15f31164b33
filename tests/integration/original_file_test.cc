// GET /doc/{id}/original over real HTTP (RFC 9110 8.8.3, 13, 14): a strong ETag from the sha256
// of the stored bytes that revalidates to a 304; single byte ranges as 206 with exactly the
// file's bytes, 416 past the end, the whole file for ranges to ignore and for an If-Range that
// does not match; HEAD with GET's headers; PDFs inline (so `#page=N` opens in the browser) and
// every other type an attachment; never gzipped; the strict security headers throughout.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "http_client.h"
#include "indexer_test_files.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

constexpr const char* kPdfTarget = "/doc/original-pdf/original";
constexpr const char* kTextTarget = "/doc/original-txt/original";
constexpr const char* kHtmlTarget = "/doc/original-html/original";

// A PDF, a text file large enough to be worth gzipping, and an HTML page, in an index of their
// own (the shared corpus has no PDF).
class OriginalFile : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::filesystem::path root = environment().make_temp_dir("original-file");
    const std::filesystem::path source = root / "source";
    std::filesystem::create_directories(source);
    std::filesystem::copy_file(kSourceDir / "tests/fixtures/formats/two-pages-en.pdf",
                               source / "two-pages-en.pdf");
    write_bytes(source / "two-pages-en.pdf.json", sidecar_json("original-pdf").dump());
    pdf_ = read_bytes(source / "two-pages-en.pdf");
    for (int line = 0; text_.size() < 20000; ++line) {
      text_ += "Line " + std::to_string(line) + ": judges recuse themselves from their cases.\n";
    }
    write_source_document(source, "recusal-notes.txt", text_, sidecar_json("original-txt"));
    write_source_document(source, "page.html",
                          "<html><body><p>Judicial integrity, shown as a page.</p></body></html>",
                          sidecar_json("original-html"));
    const ProgramResult indexed = index_folders(root / "index", root / "store", {source});
    ASSERT_EQ(indexed.exit_code, kIndexerOk) << indexed.err;
    searchd_ = std::make_unique<PrivateSearchd>(root / "index", root / "store");
  }
  static void TearDownTestSuite() { searchd_.reset(); }
  void SetUp() override { ASSERT_NE(searchd_->port(), 0) << searchd_->error(); }

  static HttpReply get(const std::string& target, const HeaderList& headers = {}) {
    return http_request(searchd_->port(), "GET", target, headers);
  }
  static HttpReply get_range(const std::string& target, const std::string& range) {
    return get(target, {{"Range", range}});
  }
  static std::string pdf_etag() { return "\"sha256-" + sha256_hex_of(pdf_) + "\""; }

  static std::unique_ptr<PrivateSearchd> searchd_;
  static std::string pdf_;
  static std::string text_;
};
std::unique_ptr<PrivateSearchd> OriginalFile::searchd_;
std::string OriginalFile::pdf_;
std::string OriginalFile::text_;

// A 206 of `file`'s bytes first..last, with its Content-Range and Content-Length.
void expect_part(const HttpReply& reply, const std::string& file, size_t first, size_t last,
                 const std::string& context) {
  ASSERT_EQ(reply.status, 206u) << context << ": " << reply.error << reply.body.substr(0, 200);
  EXPECT_EQ(reply.header("Content-Range"), "bytes " + std::to_string(first) + "-" +
                                               std::to_string(last) + "/" +
                                               std::to_string(file.size()))
      << context;
  EXPECT_EQ(reply.header("Content-Length"), std::to_string(last - first + 1)) << context;
  EXPECT_TRUE(reply.body == file.substr(first, last - first + 1))
      << context << ": " << reply.body.size() << " bytes that are not the file's";
  EXPECT_EQ(reply.header("Content-Encoding"), "") << context;
}

void expect_whole(const HttpReply& reply, const std::string& file, const std::string& context) {
  ASSERT_EQ(reply.status, 200u) << context << ": " << reply.error;
  EXPECT_TRUE(reply.body == file) << context << ": " << reply.body.size() << " bytes";
  EXPECT_EQ(reply.header("Content-Range"), "") << context;
}

TEST_F(OriginalFile, StrongEtagIsTheSha256OfTheBytesAndRevalidatesTo304) {
  const HttpReply first = get(kPdfTarget);
  expect_whole(first, pdf_, "plain GET");
  EXPECT_EQ(first.header("ETag"), pdf_etag());
  EXPECT_EQ(first.header("Cache-Control"), "public, max-age=86400");
  EXPECT_EQ(first.header("Accept-Ranges"), "bytes");

  const HttpReply not_modified = get(kPdfTarget, {{"If-None-Match", pdf_etag()}});
  EXPECT_EQ(not_modified.status, 304u);
  EXPECT_TRUE(not_modified.body.empty());
  EXPECT_EQ(not_modified.header("ETag"), pdf_etag());
  EXPECT_EQ(get(kPdfTarget, {{"If-None-Match", "\"x\", W/" + pdf_etag()}}).status, 304u);
  expect_whole(get(kPdfTarget, {{"If-None-Match", "\"sha256-other\""}}), pdf_, "other tag");
  // If-None-Match goes before Range (RFC 9110 13.2.2).
  EXPECT_EQ(get(kPdfTarget, {{"If-None-Match", pdf_etag()}, {"Range", "bytes=0-9"}}).status, 304u);

  const HttpReply text = get(kTextTarget);
  EXPECT_EQ(text.header("ETag"), "\"sha256-" + sha256_hex_of(text_) + "\"");
  EXPECT_EQ(get(kTextTarget, {{"If-None-Match", text.header("ETag")}}).status, 304u);
}

TEST_F(OriginalFile, EachSingleRangeFormIsA206OfExactlyThoseBytes) {
  const size_t size = pdf_.size();
  ASSERT_GT(size, 1000u);
  expect_part(get_range(kPdfTarget, "bytes=0-0"), pdf_, 0, 0, "0-0");
  expect_part(get_range(kPdfTarget, "bytes=0-99"), pdf_, 0, 99, "0-99");
  expect_part(get_range(kPdfTarget, "bytes=500-999"), pdf_, 500, 999, "500-999");
  expect_part(get_range(kPdfTarget, "bytes=100-"), pdf_, 100, size - 1, "100-");
  expect_part(get_range(kPdfTarget, "bytes=-50"), pdf_, size - 50, size - 1, "-50");
  expect_part(get_range(kPdfTarget, "bytes=-999999999"), pdf_, 0, size - 1, "suffix too long");
  expect_part(get_range(kPdfTarget, "bytes=10-99999999999999999999999"), pdf_, 10, size - 1,
              "past the end");
  expect_part(get_range(kPdfTarget, "bytes=" + std::to_string(size - 1) + "-"), pdf_, size - 1,
              size - 1, "last byte");
  const HttpReply part = get_range(kPdfTarget, "bytes=0-99");
  EXPECT_EQ(part.header("Content-Type"), "application/pdf");
  EXPECT_EQ(part.header("ETag"), pdf_etag());
  EXPECT_EQ(part.header("Accept-Ranges"), "bytes");
  EXPECT_EQ(part.header("Content-Disposition").rfind("inline;", 0), 0u);
}

TEST_F(OriginalFile, ARangePastTheEndIs416NamingTheLength) {
  const std::string length = std::to_string(pdf_.size());
  const std::vector<std::string> ranges = {"bytes=" + length + "-",
                                           "bytes=" + length + "-" + length,
                                           "bytes=99999999999999999999-", "bytes=-0"};
  for (const std::string& range : ranges) {
    const HttpReply reply = get_range(kPdfTarget, range);
    EXPECT_EQ(reply.status, 416u) << range;
    EXPECT_EQ(reply.header("Content-Range"), "bytes */" + length) << range;
    EXPECT_EQ(reply.body.find("%PDF"), std::string::npos) << range;
  }
}

TEST_F(OriginalFile, RangesToIgnoreGetTheWholeFile) {
  for (const char* range :
       {"bytes=20-10", "bytes=0-9,20-29", "items=0-9", "bytes=abc", "bytes", "bytes=1 - 5"}) {
    expect_whole(get_range(kPdfTarget, range), pdf_, range);
  }
}

TEST_F(OriginalFile, IfRangeHonoursTheRangeOnlyForTheSameStrongEtag) {
  expect_part(get(kPdfTarget, {{"Range", "bytes=0-9"}, {"If-Range", pdf_etag()}}), pdf_, 0, 9,
              "same tag");
  const std::vector<std::string> others = {"\"sha256-changed\"", "W/" + pdf_etag(),
                                           "Wed, 21 Oct 2015 07:28:00 GMT"};
  for (const std::string& other : others) {
    expect_whole(get(kPdfTarget, {{"Range", "bytes=0-9"}, {"If-Range", other}}), pdf_, other);
  }
}

TEST_F(OriginalFile, HeadHasTheHeadersOfGetWithoutTheBody) {
  const HttpReply got = get(kPdfTarget);
  const HttpReply head = http_request(searchd_->port(), "HEAD", kPdfTarget);
  ASSERT_EQ(head.status, 200u) << head.error;
  EXPECT_TRUE(head.body.empty());
  for (const char* name : {"Content-Length", "Content-Type", "ETag", "Accept-Ranges",
                           "Content-Disposition", "Cache-Control", "X-Content-Type-Options"}) {
    EXPECT_EQ(head.header(name), got.header(name)) << name;
  }
  EXPECT_EQ(head.header("Content-Length"), std::to_string(pdf_.size()));

  const HttpReply part =
      http_request(searchd_->port(), "HEAD", kPdfTarget, {{"Range", "bytes=-7"}});
  EXPECT_EQ(part.status, 206u);
  EXPECT_TRUE(part.body.empty());
  EXPECT_EQ(part.header("Content-Length"), "7");
  EXPECT_EQ(part.header("Content-Range"), "bytes " + std::to_string(pdf_.size() - 7) + "-" +
                                              std::to_string(pdf_.size() - 1) + "/" +
                                              std::to_string(pdf_.size()));
}

TEST_F(OriginalFile, PdfIsInlineAndOtherTypesAreAttachmentsUnderTheStrictPolicy) {
  const HttpReply pdf = get(kPdfTarget);
  EXPECT_EQ(pdf.header("Content-Disposition"),
            "inline; filename=\"two-pages-en.pdf\"; filename*=UTF-8''two-pages-en.pdf");
  const HttpReply text = get(kTextTarget);
  EXPECT_EQ(
      text.header("Content-Disposition").rfind("attachment; filename=\"recusal-notes.txt\"", 0), 0u)
      << text.header("Content-Disposition");
  const HttpReply html = get(kHtmlTarget);
  EXPECT_EQ(html.header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(html.header("Content-Disposition").rfind("attachment; filename=\"page.html\"", 0), 0u)
      << html.header("Content-Disposition");
  // The answers' security headers are those of every page (api_errors_test.cc); none weakened.
  const HttpReply page = get("/search");
  for (const HttpReply* reply : {&pdf, &text, &html}) {
    EXPECT_EQ(reply->header("Content-Security-Policy"), page.header("Content-Security-Policy"));
    EXPECT_NE(reply->header("Content-Security-Policy").find("default-src 'none'"),
              std::string::npos);
    EXPECT_EQ(reply->header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(reply->header("X-Frame-Options"), "DENY");
  }
}

TEST_F(OriginalFile, NeverGzippedWholeOrInPart) {
  const HeaderList gzip = {{"Accept-Encoding", "gzip"}};
  const HttpReply whole = get(kTextTarget, gzip);
  expect_whole(whole, text_, "text with gzip");
  EXPECT_EQ(whole.header("Content-Encoding"), "");
  EXPECT_EQ(whole.header("Content-Length"), std::to_string(text_.size()));
  expect_part(get(kTextTarget, {{"Accept-Encoding", "gzip"}, {"Range", "bytes=1000-2999"}}), text_,
              1000, 2999, "text range with gzip");
  EXPECT_EQ(get(kHtmlTarget, gzip).header("Content-Encoding"), "");
  EXPECT_EQ(get(kPdfTarget, gzip).header("Content-Encoding"), "");
}

}  // namespace
}  // namespace jil::integration
