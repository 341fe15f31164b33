// Tests extract/odt_extractor.cc on ODT files LibreOffice made from the corpus (Arabic, Russian)
// and on hostile ones, each hostile file in a bounded child process.
#include "extract/odt_extractor.h"

#include <gtest/gtest.h>

#include <string>

#include "bounded_child.h"
#include "format_fixture.h"

namespace jil::extract {
namespace {

ExtractedText extracted(const std::string& name) {
  Result<ExtractedText> result = extract_odt(format_fixture(name));
  EXPECT_TRUE(result.is_ok()) << name << ": " << result.status().to_string();
  return result.is_ok() ? *result : ExtractedText{};
}

TEST(OdtExtractor, ArabicComesOutInLogicalOrderWithTitle) {
  const ExtractedText odt = extracted("model-code-ar.odt");
  EXPECT_EQ(odt.title, "المدونة النموذجية لقواعد السلوك القضائي");
  EXPECT_TRUE(odt.text.starts_with("المدونة النموذجية لقواعد السلوك القضائي\n\n"))
      << odt.text.substr(0, 200);
  EXPECT_NE(odt.text.find("إن ثقة الناس في القضاء هي الرصيد الحقيقي"), std::string::npos);
}

TEST(OdtExtractor, ReadsRussianText) {
  const ExtractedText odt = extracted("asset-declaration-report-ru.odt");
  EXPECT_FALSE(odt.title.empty());
  EXPECT_NE(odt.text.find("декларац"), std::string::npos) << odt.text.substr(0, 300);
}

std::string hostile_outcome(const std::string& name) {
  const ChildOutcome outcome = run_bounded([&] {
    Result<ExtractedText> result = extract_odt(hostile_fixture(name));
    return result.is_ok() ? "text: " + result->text : result.status().to_string();
  });
  EXPECT_TRUE(outcome.finished) << name << ": " << outcome.failure;
  return outcome.output;
}

TEST(OdtExtractor, ReadsEnglishTextWithTitle) {
  const ExtractedText odt = extracted("coi-guidance-en.odt");
  EXPECT_EQ(odt.title, "Guidance on Conflicts of Interest and Recusal");
  EXPECT_NE(odt.text.find("relationship touches the dispute. This guidance helps judges"),
            std::string::npos);
}

TEST(OdtExtractor, ChineseHasNoInsertedSpaces) {
  const ExtractedText odt = extracted("coi-guidance-zh.odt");
  EXPECT_NE(odt.text.find("利益衝突與迴避指引"), std::string::npos);
  EXPECT_NE(odt.text.find("足以影響法官公正履行職務"), std::string::npos);
}

TEST(OdtExtractor, BillionLaughsIsRefused) {
  EXPECT_EQ(hostile_outcome("billion-laughs.odt"),
            "corrupt: content.xml: XML document type declarations are refused");
}

TEST(OdtExtractor, TruncatedZipFailsWithReason) {
  EXPECT_TRUE(hostile_outcome("truncated.odt").starts_with("corrupt: "));
}

}  // namespace
}  // namespace jil::extract
