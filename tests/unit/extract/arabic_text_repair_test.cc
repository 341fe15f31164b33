// Tests extract/arabic_text_repair.cc: presentation forms become letters, and the lam-alef order
// poppler produces is put back only where no Arabic word could have it.
#include "extract/arabic_text_repair.h"

#include <gtest/gtest.h>

#include "extract/extractor.h"
#include "format_fixture.h"

namespace jil::extract {
namespace {

std::string repaired(std::string_view text, ArabicRepairs& repairs) {
  return repaired_arabic(text, repairs);
}

TEST(ArabicTextRepair, PutsLamAlefBackAfterTheArticle) {
  ArabicRepairs repairs;
  // "الإعلان": the article's lam-alef with hamza comes back; the pair inside the word stays.
  EXPECT_EQ(repaired("اإلعالن", repairs), "الإعالن");
  EXPECT_EQ(repaired("االستقالل", repairs), "الاستقالل");  // الاستقلال
  EXPECT_EQ(repaired("واألخالق", repairs), "والأخالق");    // after the proclitic و
  EXPECT_EQ(repaired("اآلخر", repairs), "الآخر");
  EXPECT_EQ(repaired("إال", repairs), "إلا");  // except
  EXPECT_EQ(repairs.lam_alef_pairs, 5u);
}

TEST(ArabicTextRepair, PutsTheWordLaBack) {
  ArabicRepairs repairs;
  EXPECT_EQ(repaired("فالقاضي ال يستمد سلطته", repairs), "فالقاضي لا يستمد سلطته");
  EXPECT_EQ(repaired("ال،", repairs), "لا،");
  EXPECT_EQ(repaired("ال", repairs), "لا");
  EXPECT_EQ(repairs.lam_alef_pairs, 3u);
  EXPECT_EQ(repaired("العدل والقضاء", repairs), "العدل والقضاء");  // the article stays
  EXPECT_EQ(repairs.lam_alef_pairs, 3u);
}

TEST(ArabicTextRepair, LeavesCorrectTextAlone) {
  ArabicRepairs repairs;
  const std::string correct = "الإعلان العالمي لاستقلال القضاء إلى الأمام ألف عالم";
  EXPECT_EQ(repaired(correct, repairs), correct);
  EXPECT_EQ(repairs.lam_alef_pairs, 0u);
  EXPECT_EQ(repairs.presentation_forms, 0u);
}

TEST(ArabicTextRepair, PresentationFormsBecomeLetters) {
  ArabicRepairs repairs;
  // ﺍﻟﻘﻀﺎﺀ in presentation forms, and the lam-alef ligature ﻻ.
  EXPECT_EQ(repaired("\uFE8D\uFEDF\uFED8\uFEC0\uFE8E\uFE80 \uFEFB", repairs), "القضاء لا");
  EXPECT_EQ(repairs.presentation_forms, 7u);
}

// A real poppler text layer: model-code-ar.pdf was made by LibreOffice from the corpus HTML, and
// poppler gives its lam-alef ligatures back in visual order.
TEST(ArabicTextRepair, RepairsARealPdfTextLayer) {
  Result<ExtractedText> extracted =
      extract(DocumentFormat::kPdf, format_fixture("model-code-ar.pdf"));
  ASSERT_TRUE(extracted.is_ok()) << extracted.status().to_string();
  EXPECT_EQ(extracted->quality, "repaired");
  EXPECT_NE(extracted->quality_notes.find("Arabic lam-alef pairs put back in order"),
            std::string::npos);
  EXPECT_NE(extracted->text.find("فالقاضي لا يستمد سلطته"), std::string::npos);
  EXPECT_NE(extracted->text.find("الأساسية"), std::string::npos);
  EXPECT_EQ(extracted->text.find("اإل"), std::string::npos);
  EXPECT_EQ(extracted->text.find("األ"), std::string::npos);
  EXPECT_EQ(extracted->text.find("االست"), std::string::npos);
}

TEST(ArabicTextRepair, KeepsPageBreaksAndOtherScripts) {
  ArabicRepairs repairs;
  EXPECT_EQ(repaired("page\fاإلعالن\nجديد", repairs), "page\fالإعالن\nجديد");
  EXPECT_EQ(repaired("juge 法官 судья", repairs), "juge 法官 судья");
}

}  // namespace
}  // namespace jil::extract
