// Tests extract/document_format.cc: formats recognised by extension, their names and media types.
#include "extract/document_format.h"

#include <gtest/gtest.h>

namespace jil::extract {
namespace {

TEST(FormatOf, RecognisesExtensionsInAnyCase) {
  EXPECT_EQ(format_of("a/b/code.html"), DocumentFormat::kHtml);
  EXPECT_EQ(format_of("code.HTM"), DocumentFormat::kHtml);
  EXPECT_EQ(format_of("notes.md"), DocumentFormat::kMarkdown);
  EXPECT_EQ(format_of("notes.Markdown"), DocumentFormat::kMarkdown);
  EXPECT_EQ(format_of("plain.txt"), DocumentFormat::kText);
  EXPECT_EQ(format_of("report.PDF"), DocumentFormat::kPdf);
  EXPECT_EQ(format_of("code.docx"), DocumentFormat::kDocx);
  EXPECT_EQ(format_of("code.odt"), DocumentFormat::kOdt);
  EXPECT_EQ(format_of("book.epub"), DocumentFormat::kEpub);
}

TEST(FormatOf, OtherFilesHaveNoFormat) {
  EXPECT_EQ(format_of("code.doc"), std::nullopt);  // legacy Word: not read
  EXPECT_EQ(format_of("code.json"), std::nullopt);
  EXPECT_EQ(format_of("README"), std::nullopt);
  EXPECT_EQ(format_of(".html"), std::nullopt);  // a hidden file named ".html" has no extension
}

TEST(FormatName, NamesEachFormat) {
  EXPECT_EQ(format_name(DocumentFormat::kHtml), "html");
  EXPECT_EQ(format_name(DocumentFormat::kMarkdown), "md");
  EXPECT_EQ(format_name(DocumentFormat::kText), "txt");
  EXPECT_EQ(format_name(DocumentFormat::kPdf), "pdf");
  EXPECT_EQ(format_name(DocumentFormat::kDocx), "docx");
  EXPECT_EQ(format_name(DocumentFormat::kOdt), "odt");
  EXPECT_EQ(format_name(DocumentFormat::kEpub), "epub");
}

TEST(MediaType, IsUtf8TextOfEachFormat) {
  EXPECT_EQ(media_type(DocumentFormat::kHtml), "text/html; charset=utf-8");
  EXPECT_EQ(media_type(DocumentFormat::kMarkdown), "text/markdown; charset=utf-8");
  EXPECT_EQ(media_type(DocumentFormat::kText), "text/plain; charset=utf-8");
}

TEST(MediaType, IsTheRegisteredTypeOfEachBinaryFormat) {
  EXPECT_EQ(media_type(DocumentFormat::kPdf), "application/pdf");
  EXPECT_EQ(media_type(DocumentFormat::kDocx),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(media_type(DocumentFormat::kOdt), "application/vnd.oasis.opendocument.text");
  EXPECT_EQ(media_type(DocumentFormat::kEpub), "application/epub+zip");
}

}  // namespace
}  // namespace jil::extract
