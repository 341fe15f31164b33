// Tests extract/pdf_extractor.cc on PDFs LibreOffice made from the corpus (English, Arabic,
// Chinese) and on broken or lying ones (RELIABILITY T-P4).
#include "extract/pdf_extractor.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "bounded_child.h"
#include "format_fixture.h"

namespace jil::extract {
namespace {

ExtractedText extracted(const std::string& name) {
  Result<ExtractedText> result = extract_pdf(format_fixture(name));
  EXPECT_TRUE(result.is_ok()) << name << ": " << result.status().to_string();
  return result.is_ok() ? *result : ExtractedText{};
}

TEST(PdfExtractor, KeepsPageBoundariesAndOffsets) {
  const ExtractedText pdf = extracted("two-pages-en.pdf");
  ASSERT_EQ(pdf.page_offsets.size(), 2u);
  EXPECT_EQ(pdf.page_offsets[0], 0u);
  ASSERT_GT(pdf.page_offsets[1], 0u);
  ASSERT_LT(pdf.page_offsets[1], pdf.text.size());
  EXPECT_EQ(pdf.text[pdf.page_offsets[1] - 1], '\f');
  const std::string first = pdf.text.substr(0, pdf.page_offsets[1] - 1);
  const std::string second = pdf.text.substr(pdf.page_offsets[1]);
  EXPECT_TRUE(first.starts_with("Every judge will at some point")) << first;
  EXPECT_EQ(first.find('\f'), std::string::npos);
  EXPECT_TRUE(second.starts_with("A conflict of interest exists")) << second;
}

TEST(PdfExtractor, ReadsTitleFromDocumentInformation) {
  EXPECT_EQ(extracted("two-pages-en.pdf").title, "Guidance on Conflicts of Interest and Recusal");
  EXPECT_EQ(extracted("model-code-ar.pdf").title, "المدونة النموذجية لقواعد السلوك القضائي");
}

TEST(PdfExtractor, ArabicComesOutInLogicalOrder) {
  const ExtractedText pdf = extracted("model-code-ar.pdf");
  EXPECT_NE(pdf.text.find("المدونة النموذجية لقواعد السلوك القضائي"), std::string::npos);
  EXPECT_NE(pdf.text.find("الشبكة الدولية للنزاهة القضائية"), std::string::npos);
  EXPECT_EQ(pdf.text.find("\u202B"), std::string::npos);  // bidi embedding controls dropped
}

TEST(PdfExtractor, ChineseHasNoInsertedSpaces) {
  const ExtractedText pdf = extracted("coi-guidance-zh.pdf");
  EXPECT_NE(pdf.text.find("利益衝突與迴避指引"), std::string::npos) << pdf.text.substr(0, 300);
  EXPECT_GE(pdf.page_offsets.size(), 1u);
}

Status failure_of(const std::string& bytes) {
  Result<ExtractedText> result = extract_pdf(bytes);
  EXPECT_FALSE(result.is_ok());
  return result.is_ok() ? Status::ok() : result.status();
}

TEST(PdfExtractor, ReadsRussianText) {
  const ExtractedText pdf = extracted("asset-declaration-report-ru.pdf");
  EXPECT_NE(pdf.text.find("Декларирование имущества судей"), std::string::npos);
  EXPECT_NE(pdf.text.find("Евразийская ассоциация школ подготовки судей"), std::string::npos);
  EXPECT_FALSE(pdf.page_offsets.empty());
}

TEST(PdfExtractor, EncryptedPdfFailsWithReason) {
  const Status status = failure_of(format_fixture("encrypted.pdf"));
  EXPECT_EQ(status.message(), "PDF is encrypted");
}

TEST(PdfExtractor, UnreadablePdfsFailWithReason) {
  EXPECT_EQ(failure_of(format_fixture("truncated.pdf")).message(), "not a readable PDF");
  EXPECT_EQ(failure_of(format_fixture("text-named.pdf")).message(), "not a readable PDF");
  EXPECT_EQ(failure_of("").message(), "not a readable PDF");
}

// A valid PDF whose pages draw nothing: what a scan without OCR looks like to a text extractor.
std::string blank_pdf(int pages) {
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  auto add = [&](const std::string& object) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(offsets.size()) + " 0 obj\n" + object + "\nendobj\n";
  };
  add("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (int page = 0; page < pages; ++page) kids += std::to_string(3 + page) + " 0 R ";
  add("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
  for (int page = 0; page < pages; ++page) {
    add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

TEST(PdfExtractor, PdfWithoutTextLayerFailsUntilOcr) {
  const ChildOutcome outcome = run_bounded([] {
    Result<ExtractedText> result = extract_pdf(blank_pdf(10'000));
    return result.is_ok() ? std::string("text") : result.status().message();
  });
  ASSERT_TRUE(outcome.finished) << outcome.failure;
  EXPECT_EQ(outcome.output, "PDF has no text layer (scanned?)");
}

}  // namespace
}  // namespace jil::extract
