// Tests api/ui_language.cc: ?ui= beats the cookie, which beats Accept-Language, which beats
// English; q-values and language prefixes; cookie parsing; the switcher's base address.
#include "api/ui_language.h"

#include <gtest/gtest.h>

namespace jil::api {
namespace {

TEST(UiLanguage, ParameterBeatsCookieBeatsAcceptLanguageBeatsEnglish) {
  EXPECT_EQ(choose_ui_language("zh", "jil_ui=fr", "ru").language, "zh");
  EXPECT_TRUE(choose_ui_language("zh", "jil_ui=fr", "ru").from_parameter);
  EXPECT_EQ(choose_ui_language("", "jil_ui=fr", "ru").language, "fr");
  EXPECT_FALSE(choose_ui_language("", "jil_ui=fr", "ru").from_parameter);
  EXPECT_EQ(choose_ui_language("", "", "ru").language, "ru");
  EXPECT_EQ(choose_ui_language("", "", "").language, "en");
  EXPECT_FALSE(choose_ui_language("", "", "").from_parameter);
}

TEST(UiLanguage, InvalidParameterOrCookieIsIgnored) {
  for (const char* bad : {"de", "EN", "fr-CH", "ar ", "<script>", "en;", "../fr"}) {
    const UiLanguageChoice choice = choose_ui_language(bad, "jil_ui=es", "ru");
    EXPECT_EQ(choice.language, "es") << bad;
    EXPECT_FALSE(choice.from_parameter) << bad;
  }
  // In a Cookie header, spaces around a value and a following ';' are separators, not part of it.
  for (const char* bad : {"de", "EN", "fr-CH", "<script>", "../fr", ""}) {
    EXPECT_EQ(choose_ui_language("", std::string("jil_ui=") + bad, "ru").language, "ru") << bad;
  }
}

TEST(UiLanguage, AcceptLanguageMatchesTheLanguagePrefix) {
  EXPECT_EQ(accept_language_match("fr-CH, en;q=0.8"), "fr");
  EXPECT_EQ(accept_language_match("zh-Hant-TW"), "zh");
  EXPECT_EQ(accept_language_match("AR-eg"), "ar");
  EXPECT_EQ(accept_language_match("de-DE, es;q=0.5"), "es");
  EXPECT_EQ(accept_language_match("frisian, fr;q=0.2"), "fr") << "prefix means the whole subtag";
}

TEST(UiLanguage, AcceptLanguageOrdersByQValue) {
  EXPECT_EQ(accept_language_match("en;q=0.5, ru;q=0.9, ar;q=0.7"), "ru");
  EXPECT_EQ(accept_language_match("es;q=0.8,fr;q=0.8"), "es") << "the earlier wins a tie";
  EXPECT_EQ(accept_language_match("es ; q=0.3 , zh ; Q=1"), "zh");
  EXPECT_EQ(accept_language_match("fr;q=1.000, en"), "fr");
}

TEST(UiLanguage, AcceptLanguageSkipsZeroAndMalformedQValues) {
  EXPECT_EQ(accept_language_match("fr;q=0"), "");
  EXPECT_EQ(accept_language_match("fr;q=0, es;q=0.1"), "es");
  EXPECT_EQ(accept_language_match("ru;q=2, es;q=0.1"), "es");
  EXPECT_EQ(accept_language_match("ru;q=0.0001, es;q=0.1"), "es");
  EXPECT_EQ(accept_language_match("ru;q=abc, es;q=0.1"), "es");
  EXPECT_EQ(accept_language_match("ru;q=1.5, es;q=0.1"), "es");
  EXPECT_EQ(accept_language_match("de, ja"), "");
  EXPECT_EQ(accept_language_match(""), "");
  EXPECT_EQ(accept_language_match(",,;;q=,"), "");
}

TEST(UiLanguage, AcceptLanguageStarMeansEnglish) {
  EXPECT_EQ(accept_language_match("de, *;q=0.5"), "en");
  EXPECT_EQ(accept_language_match("*;q=0.1, ar;q=0.9"), "ar");
}

TEST(UiLanguage, CookieValueFindsTheNamedCookie) {
  EXPECT_EQ(cookie_value("jil_ui=ar", "jil_ui"), "ar");
  EXPECT_EQ(cookie_value("a=1; jil_ui=zh; b=2", "jil_ui"), "zh");
  EXPECT_EQ(cookie_value("a=1;jil_ui=\"ru\"", "jil_ui"), "ru");
  EXPECT_EQ(cookie_value("xjil_ui=fr; jil_uix=es", "jil_ui"), "");
  EXPECT_EQ(cookie_value("", "jil_ui"), "");
  EXPECT_EQ(cookie_value("jil_ui", "jil_ui"), "");
}

TEST(UiLanguage, TargetWithoutUiKeepsEveryOtherParameter) {
  EXPECT_EQ(target_without_ui("/search?q=x&ui=fr&lang=en"), "/search?q=x&lang=en");
  EXPECT_EQ(target_without_ui("/search?ui=fr&q=x"), "/search?q=x");
  EXPECT_EQ(target_without_ui("/?ui=ar"), "/");
  EXPECT_EQ(target_without_ui("/doc/a-b?ui&uid=3"), "/doc/a-b?uid=3");
  EXPECT_EQ(target_without_ui("/doc/a-b"), "/doc/a-b");
}

TEST(UiLanguage, TargetThatIsNotALocalPathBecomesTheHomePage) {
  EXPECT_EQ(target_without_ui("//evil.example/x"), "/");
  EXPECT_EQ(target_without_ui("/\\evil.example/x"), "/");
  EXPECT_EQ(target_without_ui("http://evil.example/"), "/");
  EXPECT_EQ(target_without_ui("*"), "/");
  EXPECT_EQ(target_without_ui(""), "/");
}

}  // namespace
}  // namespace jil::api
