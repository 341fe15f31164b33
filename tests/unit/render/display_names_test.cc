// Tests render/display_names.cc: language and country names from ICU in the interface language,
// kept per thread, answer the language asked for when calls alternate between languages.
#include "render/display_names.h"

#include <gtest/gtest.h>

#include <string>

namespace jil::render {
namespace {

TEST(DisplayNames, AlternatingInterfaceLanguagesGetTheirOwnNames) {
  for (int round = 0; round < 2; ++round) {  // the second round reads what the first kept
    EXPECT_EQ(language_display_name("fr", "en"), "French") << round;
    EXPECT_EQ(language_display_name("fr", "fr"), "français") << round;
    EXPECT_EQ(language_display_name("fr", "ru"), "французский") << round;
    EXPECT_EQ(country_display_name("FR", "en"), "France") << round;
    EXPECT_EQ(country_display_name("FR", "ar"), "فرنسا") << round;
    EXPECT_EQ(country_display_name("FR", "zh"), "法国") << round;
  }
}

TEST(DisplayNames, LanguageAndCountryOfTheSameCodeStayApart) {
  // "es" is Spanish as a language and Spain as a country: one must not answer for the other.
  EXPECT_EQ(language_display_name("es", "en"), "Spanish");
  EXPECT_EQ(country_display_name("ES", "en"), "Spain");
  EXPECT_EQ(language_display_name("es", "en"), "Spanish");
}

TEST(DisplayNames, UnknownCodesFallBackToTheCodeEveryTime) {
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(country_display_name("QQ", "en"), "QQ") << round;
  }
}

TEST(DisplayNames, ManyDistinctCodesStillAnswerCorrectly) {
  // More codes than the per-thread bound: the cache starts afresh and answers stay right.
  for (int i = 0; i < 5000; ++i) {
    const std::string code = "Z" + std::to_string(i);
    ASSERT_EQ(country_display_name(code, "en"), code);
  }
  EXPECT_EQ(country_display_name("FR", "en"), "France");
}

}  // namespace
}  // namespace jil::render
