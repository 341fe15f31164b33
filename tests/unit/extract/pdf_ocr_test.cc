// Tests extract/pdf_ocr.cc and the OCR step of extract_sandbox.cc with real scans: the first
// page of a corpus PDF rendered to a 1-bit image and wrapped into an image-only PDF
// (tests/fixtures/formats/README.md). OCR is approximate, so each test looks for a few
// distinctive words, not the whole text.
#include "extract/pdf_ocr.h"

#include <gtest/gtest.h>

#include "extract/extract_sandbox.h"
#include "extract/pdf_extractor.h"
#include "format_fixture.h"

namespace jil::extract {
namespace {

struct ScanCase {
  const char* fixture;
  const char* language;
  std::vector<std::string> words;
};

TEST(PdfOcr, ScannedPagesAreRecognisedInTheirLanguage) {
  const ScanCase kCases[] = {
      {"scanned-en.pdf", "en", {"recusal", "disclosure", "judge"}},
      {"scanned-ru.pdf", "ru", {"кодекс", "судей", "Преамбула"}},
      {"scanned-ar.pdf", "ar", {"القضاء", "القاضي"}},
      {"scanned-zh.pdf", "zh", {"法官", "利益"}},
  };
  for (const ScanCase& scan : kCases) {
    SCOPED_TRACE(scan.fixture);
    const std::string pdf = format_fixture(scan.fixture);
    // The scan really has no text layer.
    Result<ExtractedText> layer = extract_pdf(pdf);
    ASSERT_FALSE(layer.is_ok());
    Result<ExtractedText> recognised = extract_sandboxed(DocumentFormat::kPdf, pdf, scan.language);
    ASSERT_TRUE(recognised.is_ok()) << recognised.status().to_string();
    EXPECT_EQ(recognised->quality, "ocr");
    EXPECT_NE(recognised->quality_notes.find("1 page recognised"), std::string::npos)
        << recognised->quality_notes;
    EXPECT_EQ(recognised->page_offsets.size(), 1u);
    for (const std::string& word : scan.words) {
      EXPECT_NE(recognised->text.find(word), std::string::npos) << word << " not in:\n"
                                                                << recognised->text;
    }
  }
}

TEST(PdfOcr, LanguagesForTesseract) {
  EXPECT_EQ(tesseract_languages("ar"), "ara");
  EXPECT_EQ(tesseract_languages("zh"), "chi_sim");
  EXPECT_EQ(tesseract_languages("zh-Hant"), "chi_tra");
  EXPECT_EQ(tesseract_languages(""), "eng+fra+spa+rus");
  EXPECT_EQ(tesseract_languages("und"), "eng+fra+spa+rus");
}

TEST(PdfOcr, PdfWithATextLayerIsNotRecognisedAgain) {
  Result<ExtractedText> result =
      extract_sandboxed(DocumentFormat::kPdf, format_fixture("two-pages-en.pdf"), "en");
  ASSERT_TRUE(result.is_ok()) << result.status().to_string();
  EXPECT_NE(result->quality, "ocr");
}

TEST(PdfOcr, UnreadablePdfIsRefusedAsBefore) {
  Result<ExtractedText> result = ocr_pdf(format_fixture("truncated.pdf"), "en");
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().message(), "not a readable PDF");
}

}  // namespace
}  // namespace jil::extract
