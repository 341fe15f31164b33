// Tests analysis/arabic_folding.cc: Arabic spelling variants fold alike, and a word lists its
// forms without the attached article, conjunctions and prepositions.
#include "analysis/arabic_folding.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace jil::analysis {
namespace {

icu::UnicodeString from_utf8(std::string_view text) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

std::string folded(std::string_view word) {
  std::string out;
  fold_arabic(from_utf8(word)).toUTF8String(out);
  return out;
}

std::vector<std::string> variants(std::string_view folded_word) {
  std::vector<std::string> out;
  for (const icu::UnicodeString& variant : arabic_clitic_variants(from_utf8(folded_word))) {
    out.emplace_back();
    variant.toUTF8String(out.back());
  }
  return out;
}

using Forms = std::vector<std::string>;

TEST(ArabicFolding, ArabicBlocksAreRecognized) {
  EXPECT_TRUE(is_arabic(0x0627));   // alef
  EXPECT_TRUE(is_arabic(0x064E));   // fatha
  EXPECT_TRUE(is_arabic(0x0750));   // Arabic Supplement
  EXPECT_TRUE(is_arabic(0xFEFB));   // lam-alef ligature
  EXPECT_FALSE(is_arabic(0x05D0));  // Hebrew alef
  EXPECT_FALSE(is_arabic('a'));
}

TEST(ArabicFolding, HarakatAreRemoved) {
  EXPECT_EQ(folded("القَاضِي"), "القاضي");
  EXPECT_EQ(folded("القُضَاةُ"), "القضاه");
  EXPECT_EQ(folded("مُحَكَّمٌ"), "محكم");  // shadda and tanwin too
}

TEST(ArabicFolding, TatweelIsRemoved) {
  EXPECT_EQ(folded("القضــاء"), "القضاء");
  EXPECT_EQ(folded("النـزاهـة"), "النزاهه");
}

TEST(ArabicFolding, AlefFormsBecomeBareAlef) {
  EXPECT_EQ(folded("أحكام"), "احكام");
  EXPECT_EQ(folded("إقرار"), "اقرار");
  EXPECT_EQ(folded("آليات"), "اليات");
  EXPECT_EQ(folded("ٱلقانون"), "القانون");  // alef wasla
}

TEST(ArabicFolding, AlefMaqsuraAndTaMarbutaFold) {
  EXPECT_EQ(folded("مستوى"), "مستوي");
  EXPECT_EQ(folded("محكمة"), "محكمه");
}

TEST(ArabicFolding, PersianKafAndYehBecomeArabic) {
  EXPECT_EQ(folded("کتاب"), "كتاب");  // keheh
  EXPECT_EQ(folded("قاضی"), "قاضي");  // Farsi yeh
}

TEST(ArabicFolding, ArticleIsStripped) {
  EXPECT_EQ(variants("القضاه"), (Forms{"قضاه"}));
  // ل + ال, and ل + a noun that starts with ل (للجنة = ل + اللجنة)
  EXPECT_EQ(variants("للقضاه"), (Forms{"قضاه", "لقضاه"}));
}

TEST(ArabicFolding, PrepositionWithArticleIsStripped) {
  EXPECT_EQ(variants("بالمحكمه"), (Forms{"المحكمه", "محكمه"}));
  EXPECT_EQ(variants("كالقاضي"), (Forms{"القاضي", "قاضي"}));
  EXPECT_EQ(variants("فالقضاء"), (Forms{"القضاء", "قضاء"}));
}

TEST(ArabicFolding, ConjunctionIsStrippedBeforeTheArticle) {
  EXPECT_EQ(variants("والقضاه"), (Forms{"القضاه", "قضاه"}));
  EXPECT_EQ(variants("وبالمحكمه"), (Forms{"بالمحكمه", "المحكمه", "محكمه"}));
  EXPECT_EQ(variants("وللقضاه"), (Forms{"للقضاه", "قضاه", "لقضاه"}));
}

TEST(ArabicFolding, BareNounHasNoVariants) {
  EXPECT_TRUE(variants("قضاه").empty());
  EXPECT_TRUE(variants("محكمه").empty());
}

TEST(ArabicFolding, ShortWordsKeepTheirFirstLetter) {
  // Under four letters, و ف ب ك ل are more likely root letters than proclitics.
  EXPECT_TRUE(variants("ولد").empty());
  EXPECT_TRUE(variants("بيت").empty());
  EXPECT_TRUE(variants("الي").empty());
}

TEST(ArabicFolding, VariantsNeverRepeatTheWordOrFallUnderTwoLetters) {
  for (std::string_view word : {"والقضاه", "وبالمحكمه", "للقضاه", "بها", "ولها", "فالا"}) {
    for (const std::string& variant : variants(word)) {
      EXPECT_NE(variant, word);
      EXPECT_GE(from_utf8(variant).countChar32(), 2) << word << " -> " << variant;
    }
  }
}

}  // namespace
}  // namespace jil::analysis
