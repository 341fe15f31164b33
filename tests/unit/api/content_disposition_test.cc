// Tests api/content_disposition.cc: RFC 6266 attachment and inline headers with an ASCII fallback
// name and the RFC 8187 UTF-8 name, for Latin, Arabic and Chinese file names and hostile ones;
// only PDF originals are inline.
#include "api/content_disposition.h"

#include <gtest/gtest.h>

namespace jil::api {
namespace {

TEST(AttachmentDisposition, AsciiNameIsKeptInBothForms) {
  EXPECT_EQ(attachment_disposition("model-code_2019.pdf", "model-code-en"),
            "attachment; filename=\"model-code_2019.pdf\"; filename*=UTF-8''model-code_2019.pdf");
}

TEST(AttachmentDisposition, ArabicNameFallsBackToTheIdWithItsExtension) {
  // "مدونة السلوك.txt"
  EXPECT_EQ(attachment_disposition("مدونة السلوك.txt", "code-ar"),
            "attachment; filename=\"code-ar.txt\"; "
            "filename*=UTF-8''%D9%85%D8%AF%D9%88%D9%86%D8%A9%20%D8%A7%D9%84%D8%B3%D9%84%D9%88%D9%83"
            ".txt");
}

TEST(AttachmentDisposition, ChineseNameFallsBackToTheIdWithItsExtension) {
  EXPECT_EQ(attachment_disposition("司法行为守则.md", "code-zh"),
            "attachment; filename=\"code-zh.md\"; "
            "filename*=UTF-8''%E5%8F%B8%E6%B3%95%E8%A1%8C%E4%B8%BA%E5%AE%88%E5%88%99.md");
}

TEST(AttachmentDisposition, MixedNameKeepsItsLatinPartWithRunsJoined) {
  EXPECT_EQ(attachment_disposition("Code 司法 2020.pdf", "x-id"),
            "attachment; filename=\"Code_2020.pdf\"; "
            "filename*=UTF-8''Code%20%E5%8F%B8%E6%B3%95%202020.pdf");
}

TEST(AttachmentDisposition, NothingCanEndTheHeaderOrNameAFolder) {
  const std::string header = attachment_disposition("../a\"b\r\nX-Evil: 1;.txt", "doc-id");
  EXPECT_EQ(header.find('\r'), std::string::npos);
  EXPECT_EQ(header.find('\n'), std::string::npos);
  EXPECT_EQ(header.find("/"), std::string::npos) << header;
  EXPECT_EQ(header.rfind("attachment; filename=\"a_b_X-Evil_1_.txt\"; filename*=UTF-8''", 0), 0u)
      << header;
}

TEST(AttachmentDisposition, EmptyAndDotNamesUseTheFallback) {
  EXPECT_EQ(attachment_disposition("", "doc-id"),
            "attachment; filename=\"doc-id\"; filename*=UTF-8''doc-id");
  EXPECT_EQ(attachment_disposition(".hidden", "doc-id")
                .rfind("attachment; filename=\"doc-id.hidden\"", 0),
            0u);
}

TEST(ContentDisposition, InlineKeepsTheSameFileNames) {
  EXPECT_EQ(
      content_disposition(DispositionType::kInline, "مدونة السلوك.pdf", "code-ar"),
      "inline; filename=\"code-ar.pdf\"; "
      "filename*=UTF-8''%D9%85%D8%AF%D9%88%D9%86%D8%A9%20%D8%A7%D9%84%D8%B3%D9%84%D9%88%D9%83.pdf");
  EXPECT_EQ(content_disposition(DispositionType::kAttachment, "a.txt", "x"),
            attachment_disposition("a.txt", "x"));
}

TEST(OriginalDispositionType, OnlyPdfIsInline) {
  for (const char* pdf : {"application/pdf", "Application/PDF", "application/pdf; x=y"}) {
    EXPECT_EQ(original_disposition_type(pdf), DispositionType::kInline) << pdf;
  }
  for (const char* other :
       {"text/html; charset=utf-8", "image/svg+xml", "application/xhtml+xml", "text/plain",
        "text/markdown; charset=utf-8", "application/octet-stream", "", "application/pdfx",
        "application/x-pdf"}) {
    EXPECT_EQ(original_disposition_type(other), DispositionType::kAttachment) << other;
  }
}

}  // namespace
}  // namespace jil::api
