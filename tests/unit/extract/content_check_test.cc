// Tests extract/content_check.cc on the real fixture files: each is what its name says, a file of
// one format named as another is refused with what it is and the name to give it (T-P8), and
// text in any charset or a ZIP archive with a damaged inside is left to the extractors.
#include "extract/content_check.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "extract/extractor.h"
#include "format_fixture.h"

namespace jil::extract {
namespace {

// check_content_kind's message for `bytes` named as `named`, or "ok".
std::string verdict(DocumentFormat named, const std::string& bytes) {
  const Status status = check_content_kind(named, content_media_type(bytes));
  if (status.is_ok()) return "ok";
  EXPECT_EQ(status.code(), StatusCode::kUnsupported);
  return status.message();
}

TEST(ContentCheck, EveryFormatFixtureIsWhatItsNameSays) {
  size_t checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(JIL_FORMAT_FIXTURES)) {
    const std::optional<DocumentFormat> named = format_of(entry.path());
    const std::string name = entry.path().filename().string();
    if (!named || name == "text-named.pdf") continue;  // the one that lies, below
    EXPECT_EQ(verdict(*named, read_whole_file(entry.path())), "ok") << name;
    ++checked;
  }
  EXPECT_GE(checked, 20u);
}

TEST(ContentCheck, TextInEveryCharsetIsLeftToTheDecoder) {
  // UTF-16 without a byte order mark is "application/octet-stream" to libmagic, legacy
  // charsets are text/plain: neither may be refused as a .txt, .md or .html.
  size_t checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(JIL_ENCODING_FIXTURES)) {
    if (entry.path().extension() != ".txt") continue;
    const std::string bytes = read_whole_file(entry.path());
    for (const DocumentFormat named :
         {DocumentFormat::kText, DocumentFormat::kMarkdown, DocumentFormat::kHtml}) {
      EXPECT_EQ(verdict(named, bytes), "ok") << entry.path().filename();
    }
    ++checked;
  }
  EXPECT_GE(checked, 20u);
  EXPECT_EQ(verdict(DocumentFormat::kMarkdown, format_fixture("EMBEDDED-PROPERTIES.md")), "ok");
}

TEST(ContentCheck, AFileOfOneFormatNamedAsAnotherIsRefusedWithTheNameToGiveIt) {
  EXPECT_EQ(verdict(DocumentFormat::kText, format_fixture("two-pages-en.pdf")),
            "the content is a PDF document, not the txt its name says: rename it .pdf");
  EXPECT_EQ(verdict(DocumentFormat::kMarkdown, format_fixture("model-code-ar.pdf")),
            "the content is a PDF document, not the md its name says: rename it .pdf");
  EXPECT_EQ(verdict(DocumentFormat::kPdf, format_fixture("text-named.pdf")),
            "the content is plain text, not the pdf its name says: rename it .txt");
  EXPECT_EQ(verdict(DocumentFormat::kPdf, format_fixture("embedded-properties-fr.html")),
            "the content is an HTML page, not the pdf its name says: rename it .html");
  EXPECT_EQ(verdict(DocumentFormat::kPdf, format_fixture("coi-guidance-en.docx")),
            "the content is a Word document, not the pdf its name says: rename it .docx");
  EXPECT_EQ(verdict(DocumentFormat::kOdt, format_fixture("coi-guidance-en.docx")),
            "the content is a Word document, not the odt its name says: rename it .docx");
  EXPECT_EQ(verdict(DocumentFormat::kDocx, format_fixture("coi-guidance-zh.odt")),
            "the content is an OpenDocument text, not the docx its name says: rename it .odt");
  EXPECT_EQ(verdict(DocumentFormat::kEpub, format_fixture("model-code-ar.odt")),
            "the content is an OpenDocument text, not the epub its name says: rename it .odt");
  EXPECT_EQ(verdict(DocumentFormat::kDocx, format_fixture("judicial-integrity-sample.epub")),
            "the content is an EPUB book, not the docx its name says: rename it .epub");
  EXPECT_EQ(verdict(DocumentFormat::kDocx, hostile_fixture("not-a-zip.docx")),
            "the content is plain text, not the docx its name says: rename it .txt");
}

TEST(ContentCheck, WhatJilDoesNotReadIsNamedAsSuch) {
  // A PNG's signature and header chunk: libmagic needs no more to name it.
  const std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0", 29);
  EXPECT_EQ(verdict(DocumentFormat::kPdf, png),
            "the content is not a document (image/png), not the pdf its name says; JIL reads "
            "html, md, txt, pdf, docx, odt and epub files");
  EXPECT_EQ(verdict(DocumentFormat::kText, png),
            "the content is not a document (image/png), not the txt its name says; JIL reads "
            "html, md, txt, pdf, docx, odt and epub files");
}

TEST(ContentCheck, DamagedFilesOfTheRightKindAreLeftToTheirExtractor) {
  // A ZIP whose inside is damaged or missing is the extractor's to judge ("no content.xml");
  // so are bytes libmagic cannot name and an empty file.
  EXPECT_EQ(verdict(DocumentFormat::kOdt, hostile_fixture("truncated.odt")), "ok");
  EXPECT_EQ(verdict(DocumentFormat::kDocx, hostile_fixture("zip-bomb-forged-sizes.docx")), "ok");
  EXPECT_EQ(verdict(DocumentFormat::kPdf, format_fixture("truncated.pdf")), "ok");
  EXPECT_EQ(verdict(DocumentFormat::kPdf, std::string("\x01\x02\x03\xfe\xff\x00\x7f", 7)), "ok");
  EXPECT_EQ(verdict(DocumentFormat::kText, ""), "ok");
}

TEST(ContentCheck, OnlyWhatCouldBeAnotherFormatIsShownToLibmagic) {
  // Valid UTF-8 in a text format is text without asking; a PDF made only of ASCII is still
  // asked about, and so is text in a legacy charset (then found to be text).
  EXPECT_TRUE(check_content(DocumentFormat::kText, "<p>Judicial ethics</p>").is_ok());
  const Status ascii_pdf = check_content(DocumentFormat::kText, "%PDF-1.4\n%ascii only\n");
  EXPECT_EQ(ascii_pdf.message(),
            "the content is a PDF document, not the txt its name says: rename it .pdf");
  EXPECT_TRUE(check_content(DocumentFormat::kText, "caf\xE9 et th\xE9\n").is_ok());
  EXPECT_EQ(check_content(DocumentFormat::kPdf, format_fixture("text-named.pdf")).message(),
            "the content is plain text, not the pdf its name says: rename it .txt");
}

TEST(ContentCheck, ExtractRefusesAMismatchBeforeAnyExtractorReadsIt) {
  // Before the check, a PDF named .txt was decoded as a legacy charset and indexed as noise.
  Result<ExtractedText> pdf_as_text =
      extract(DocumentFormat::kText, format_fixture("two-pages-en.pdf"));
  ASSERT_FALSE(pdf_as_text.is_ok());
  EXPECT_EQ(pdf_as_text.status().code(), StatusCode::kUnsupported);
  EXPECT_EQ(pdf_as_text.status().message(),
            "the content is a PDF document, not the txt its name says: rename it .pdf");
  Result<ExtractedText> pdf = extract(DocumentFormat::kPdf, format_fixture("two-pages-en.pdf"));
  EXPECT_TRUE(pdf.is_ok()) << pdf.status().to_string();
}

}  // namespace
}  // namespace jil::extract
