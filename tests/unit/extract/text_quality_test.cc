// Tests extract/text_quality.cc: each reason for "suspect" and "repaired" is seen and named,
// and OCR stays "ocr".
#include "extract/text_quality.h"

#include <gtest/gtest.h>

namespace jil::extract {
namespace {

ExtractedText with_text(std::string text) {
  ExtractedText extracted;
  extracted.text = std::move(text);
  return extracted;
}

TEST(TextQuality, CleanTextIsOk) {
  ExtractedText extracted = with_text("Judges shall be independent and impartial.");
  assess_quality(extracted, {});
  EXPECT_EQ(extracted.quality, "ok");
  EXPECT_EQ(extracted.quality_notes, "");
}

TEST(TextQuality, ManyReplacementCharactersAreSuspect) {
  ExtractedText extracted = with_text("Judges \uFFFD\uFFFD\uFFFD shall be independent.");
  assess_quality(extracted, {});
  EXPECT_EQ(extracted.quality, "suspect");
  EXPECT_EQ(extracted.quality_notes, "3 undecodable characters for 24 letters");
}

TEST(TextQuality, ThinTextLayerIsSuspect) {
  ExtractedText extracted = with_text("12\f13\f14");
  extracted.page_offsets = {0, 3, 6};
  assess_quality(extracted, {});
  EXPECT_EQ(extracted.quality, "suspect");
  EXPECT_EQ(extracted.quality_notes, "0 letters on 3 pages");
}

TEST(TextQuality, RepairsAreNamed) {
  ExtractedText extracted = with_text("الإعلان");
  ArabicRepairs repairs;
  repairs.lam_alef_pairs = 2;
  repairs.presentation_forms = 5;
  assess_quality(extracted, repairs);
  EXPECT_EQ(extracted.quality, "repaired");
  EXPECT_EQ(extracted.quality_notes,
            "2 Arabic lam-alef pairs put back in order; 5 Arabic presentation forms made letters");
}

TEST(TextQuality, LegacyCharsetIsNotedAndAWeakGuessIsSuspect) {
  ExtractedText sure = with_text("Кодекс судейской этики");
  sure.charset = "KOI8-R";
  sure.charset_confidence = 62;
  assess_quality(sure, {});
  EXPECT_EQ(sure.quality, "ok");
  EXPECT_EQ(sure.quality_notes, "decoded from KOI8-R (confidence 62)");
  ExtractedText guess = with_text("Кодекс");
  guess.charset = "windows-1251";
  guess.charset_confidence = 10;
  assess_quality(guess, {});
  EXPECT_EQ(guess.quality, "suspect");
  EXPECT_EQ(guess.quality_notes, "decoded from windows-1251, a guess (confidence 10)");
}

TEST(TextQuality, OcrStaysOcr) {
  ExtractedText extracted = with_text("Judges shall be independent.");
  extracted.page_offsets = {0};
  extracted.quality = "ocr";
  extracted.quality_notes = "1 page recognised (eng)";
  assess_quality(extracted, {});
  EXPECT_EQ(extracted.quality, "ocr");
  EXPECT_EQ(extracted.quality_notes, "1 page recognised (eng); 24 letters on 1 page");
}

}  // namespace
}  // namespace jil::extract
