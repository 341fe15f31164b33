// Tests extract/docx_extractor.cc on DOCX files LibreOffice made from the corpus (English,
// Chinese) and on hostile ones (RELIABILITY T-P2 zip bombs, T-P3 XML attacks), each in a bounded
// child process so that a blow-up fails one test.
#include "extract/docx_extractor.h"

#include <gtest/gtest.h>

#include <string>

#include "bounded_child.h"
#include "format_fixture.h"

namespace jil::extract {
namespace {

ExtractedText extracted(const std::string& name) {
  Result<ExtractedText> result = extract_docx(format_fixture(name));
  EXPECT_TRUE(result.is_ok()) << name << ": " << result.status().to_string();
  return result.is_ok() ? *result : ExtractedText{};
}

TEST(DocxExtractor, ReadsEnglishTextParagraphsAndTitle) {
  const ExtractedText docx = extracted("coi-guidance-en.docx");
  EXPECT_EQ(docx.title, "Guidance on Conflicts of Interest and Recusal");
  EXPECT_NE(docx.text.find("Every judge will at some point be assigned a case"), std::string::npos);
  EXPECT_NE(docx.text.find("\n\n"), std::string::npos);  // paragraphs stay apart
  EXPECT_TRUE(docx.page_offsets.empty());
}

TEST(DocxExtractor, ChineseHasNoInsertedSpaces) {
  const ExtractedText docx = extracted("coi-guidance-zh.docx");
  EXPECT_NE(docx.text.find("利益衝突與迴避指引"), std::string::npos);
  EXPECT_NE(docx.text.find("法院倫理顧問會議"), std::string::npos);
}

TEST(DocxExtractor, ArabicComesOutInLogicalOrderWithTitle) {
  const ExtractedText docx = extracted("model-code-ar.docx");
  EXPECT_EQ(docx.title, "المدونة النموذجية لقواعد السلوك القضائي");
  EXPECT_NE(docx.text.find("بأن نزاعاتهم ستُنظر بعدل وتجرد"), std::string::npos);
}

TEST(DocxExtractor, ReadsRussianText) {
  const ExtractedText docx = extracted("asset-declaration-report-ru.docx");
  EXPECT_NE(docx.text.find("Декларирование имущества судей"), std::string::npos);
  EXPECT_NE(docx.text.find("однако её содержание, порядок"), std::string::npos);
}

// The extractor's reason for `name`, found in a child under a memory and CPU cap.
std::string hostile_outcome(const std::string& name) {
  const ChildOutcome outcome = run_bounded([&] {
    Result<ExtractedText> result = extract_docx(hostile_fixture(name));
    return result.is_ok() ? "text: " + result->text : result.status().to_string();
  });
  EXPECT_TRUE(outcome.finished) << name << ": " << outcome.failure;
  return outcome.output;
}

TEST(DocxExtractor, ZipBombWithForgedSizesHitsRatioLimit) {
  EXPECT_EQ(hostile_outcome("zip-bomb-forged-sizes.docx"),
            "limit-exceeded: zip entry word/document.xml: ratio limit (100:1)");
}

TEST(DocxExtractor, HugeEntryHitsDecompressedSizeLimit) {
  EXPECT_EQ(hostile_outcome("big-entry.docx"),
            "limit-exceeded: zip entry word/document.xml: decompressed size limit (64 MiB per "
            "entry)");
}

TEST(DocxExtractor, TooManyEntriesAreRefused) {
  EXPECT_EQ(hostile_outcome("many-entries.docx"),
            "limit-exceeded: zip archive has too many entries (more than 10000)");
}

TEST(DocxExtractor, DoctypeIsRefusedSoEntitiesNeverExpand) {
  for (const char* name : {"billion-laughs.docx", "quadratic-blowup.docx", "xxe-passwd.docx",
                           "xxe-parameter-entity.docx", "external-dtd.docx"}) {
    const std::string outcome = hostile_outcome(name);
    EXPECT_EQ(outcome, "corrupt: word/document.xml: XML document type declarations are refused")
        << name;
    EXPECT_EQ(outcome.find("root:x:0:0"), std::string::npos) << name;
  }
}

TEST(DocxExtractor, DeepNestingIsReadWithinBounds) {
  const std::string outcome = hostile_outcome("deep-nesting.docx");
  EXPECT_TRUE(outcome == "text: " || outcome.starts_with("corrupt: ")) << outcome.substr(0, 200);
}

TEST(DocxExtractor, NonZipFailsWithReason) {
  EXPECT_EQ(hostile_outcome("not-a-zip.docx"), "corrupt: not a readable zip archive");
  EXPECT_EQ(extract_docx(format_fixture("judicial-integrity-sample.epub")).status().message(),
            "not a DOCX document (no word/document.xml)");
}

}  // namespace
}  // namespace jil::extract
