// Tests analysis/arabic_broken_plurals.cc with the real analyzer: the table is written in the
// analyzer's own folding, a plural (bare, with proclitics, with a possessive pronoun) gets its
// singular as a form at its own position, and words that only look like one do not.
#include "analysis/arabic_broken_plurals.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "test_analyzer.h"

namespace jil::analysis {
namespace {

bool has_form(const Token& token, const std::string& form) {
  return std::find(token.forms.begin(), token.forms.end(), form) != token.forms.end();
}

// Otherwise a listed plural could never meet the analyzer's forms (a hamza or alef it folds
// another way), and a singular would be a form no text has.
TEST(ArabicBrokenPlurals, EachPluralAndSingularIsItsOwnFolding) {
  auto analyzer = new_analyzer();
  ASSERT_GE(arabic_broken_plurals().size(), 75u);
  for (const std::string& plural : arabic_broken_plurals()) {
    EXPECT_EQ(only_token(*analyzer, plural, Language::kAr).forms.front(), plural);
    const auto singulars = arabic_singulars_of(plural);
    ASSERT_FALSE(singulars.empty()) << plural;
    for (const std::string& singular : singulars) {
      EXPECT_EQ(only_token(*analyzer, singular, Language::kAr).forms.front(), singular);
      EXPECT_NE(singular, plural);
    }
  }
}

TEST(ArabicBrokenPlurals, APluralAlsoHasItsSingularAsAForm) {
  auto analyzer = new_analyzer();
  EXPECT_TRUE(has_form(only_token(*analyzer, "القضاة", Language::kAr), "قاضي"));
  EXPECT_TRUE(has_form(only_token(*analyzer, "وللمحاكم", Language::kAr), "محكمه"));
  EXPECT_TRUE(has_form(only_token(*analyzer, "الشكاوى", Language::kAr), "شكوي"));
  // Both spellings of woman: امرأة, and مرأة as المرأة has it without its article.
  const Token women = only_token(*analyzer, "النساء", Language::kAr);
  EXPECT_TRUE(has_form(women, "امراه"));
  EXPECT_TRUE(has_form(women, "مراه"));
  // Harakat and tatweel are gone before the table is read.
  EXPECT_TRUE(has_form(only_token(*analyzer, "المَحَاكِـــم", Language::kAr), "محكمه"));
}

TEST(ArabicBrokenPlurals, APossessivePronounIsLookedPast) {
  auto analyzer = new_analyzer();
  EXPECT_TRUE(has_form(only_token(*analyzer, "أحكامها", Language::kAr), "حكم"));
  EXPECT_TRUE(has_form(only_token(*analyzer, "ومصالحهم", Language::kAr), "مصلحه"));
  EXPECT_TRUE(has_form(only_token(*analyzer, "حقوقكم", Language::kAr), "حق"));
  EXPECT_TRUE(has_form(only_token(*analyzer, "أعمالنا", Language::kAr), "عمل"));
  // Not ه: مصادره is also مصادرة (confiscation), folded alike.
  EXPECT_FALSE(has_form(only_token(*analyzer, "مصادرة", Language::kAr), "مصدر"));
  EXPECT_FALSE(has_form(only_token(*analyzer, "مصادره", Language::kAr), "مصدر"));
}

TEST(ArabicBrokenPlurals, SingularsAndOtherWordsGetNoOtherForm) {
  auto analyzer = new_analyzer();
  // The singular itself and its article-less form only.
  EXPECT_EQ(only_token(*analyzer, "القاضي", Language::kAr).forms,
            (std::vector<std::string>{"القاضي", "قاضي"}));
  EXPECT_EQ(only_token(*analyzer, "دولي", Language::kAr).forms, std::vector<std::string>{"دولي"});
  EXPECT_TRUE(arabic_singulars_of("judges").empty());
  // Outside Arabic script nothing is looked up.
  EXPECT_EQ(only_token(*analyzer, "judges", Language::kEn).forms,
            std::vector<std::string>{"judges"});
}

}  // namespace
}  // namespace jil::analysis
