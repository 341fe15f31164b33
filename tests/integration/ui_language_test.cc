// The interface language over HTTP (issue 5, item 6): Accept-Language, the ui parameter and the
// jil_ui cookie it sets, an invalid ui value, and the JSON API left alone.
#include <gtest/gtest.h>

#include "http_client.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

HttpReply get_with(const std::string& target, const HeaderList& headers) {
  return http_request(environment().port(), "GET", target, headers);
}

TEST(UiLanguage, AcceptLanguageArabicGivesARightToLeftArabicPage) {
  const HttpReply reply = get_with("/search?q=judges", {{"Accept-Language", "ar"}});
  ASSERT_EQ(reply.error, "");
  EXPECT_EQ(reply.status, 200u);
  EXPECT_TRUE(contains(reply.body, "<html lang=\"ar\" dir=\"rtl\">"));
  EXPECT_TRUE(contains(reply.body, "<h1>النتائج</h1>")) << "results heading in Arabic";
  EXPECT_TRUE(contains(reply.body, ">بحث</button>")) << "search button in Arabic";
  EXPECT_TRUE(contains(reply.body, "<h3>اللغة</h3>")) << "language facet label in Arabic";
  EXPECT_TRUE(contains(reply.body, "الإنجليزية")) << "language names from ICU in Arabic";
  EXPECT_EQ(reply.header("Vary"), "Accept-Language, Cookie, Accept-Encoding");
  EXPECT_EQ(reply.header("Set-Cookie"), "") << "only an explicit ?ui= is remembered";
}

TEST(UiLanguage, AcceptLanguageUsesQValuesAndLanguagePrefixes) {
  const HttpReply french = get_with("/", {{"Accept-Language", "fr-CH, en;q=0.8"}});
  EXPECT_TRUE(contains(french.body, "<html lang=\"fr\" dir=\"ltr\">"));
  const HttpReply russian = get_with("/", {{"Accept-Language", "de;q=1, en;q=0.2, ru;q=0.5"}});
  EXPECT_TRUE(contains(russian.body, "<html lang=\"ru\" dir=\"ltr\">"));
  const HttpReply none = get_with("/", {{"Accept-Language", "de, ja"}});
  EXPECT_TRUE(contains(none.body, "<html lang=\"en\" dir=\"ltr\">"));
}

TEST(UiLanguage, UiParameterShowsChineseAndSetsTheCookie) {
  const HttpReply reply =
      get_with("/search?q=judges&ui=zh", {{"Accept-Language", "ar"}, {"Cookie", "jil_ui=fr"}});
  ASSERT_EQ(reply.error, "");
  EXPECT_EQ(reply.status, 200u);
  EXPECT_TRUE(contains(reply.body, "<html lang=\"zh\" dir=\"ltr\">"));
  EXPECT_TRUE(contains(reply.body, "<h1>结果</h1>"));
  EXPECT_TRUE(contains(reply.body, "条结果")) << "the count (of works) in Chinese";
  EXPECT_EQ(reply.header("Set-Cookie"), "jil_ui=zh; Path=/; Max-Age=31536000; SameSite=Lax");
  EXPECT_TRUE(contains(reply.body, "href=\"/search?q=judges&amp;ui=ar\"")) << "switcher link";
  EXPECT_TRUE(contains(reply.body, "aria-current=\"true\">中文</a>"));
}

TEST(UiLanguage, TheCookieIsHonouredOnOtherPages) {
  const HttpReply document = get_with(
      "/doc/coi-guidance-en", {{"Cookie", "theme=x; jil_ui=ru"}, {"Accept-Language", "es"}});
  EXPECT_EQ(document.status, 200u);
  EXPECT_TRUE(contains(document.body, "<html lang=\"ru\" dir=\"ltr\">"));
  EXPECT_TRUE(contains(document.body, "Скачать оригинал"));
  EXPECT_EQ(document.header("Set-Cookie"), "");
  const HttpReply missing = get_with("/nowhere", {{"Cookie", "jil_ui=es"}});
  EXPECT_EQ(missing.status, 404u);
  EXPECT_TRUE(contains(missing.body, "No hay ninguna página en esta dirección."));
}

TEST(UiLanguage, AnInvalidUiValueIsIgnored) {
  for (const std::string value : {"de", "EN", "zh-Hant", "%3Cscript%3E", ""}) {
    const HttpReply reply =
        get_with("/search?q=judges&ui=" + value, {{"Accept-Language", "es-MX"}});
    EXPECT_EQ(reply.status, 200u) << value;
    EXPECT_TRUE(contains(reply.body, "<html lang=\"es\" dir=\"ltr\">")) << value;
    EXPECT_EQ(reply.header("Set-Cookie"), "") << value;
  }
}

// A label's colon as each language writes it: French puts a no-break space before it, Chinese
// uses the full-width colon.
TEST(UiLanguage, ALabelsColonIsTheInterfaceLanguagesOwn) {
  const HttpReply french = http_get(environment().port(), "/search?q=juges&ui=fr");
  ASSERT_EQ(french.status, 200u);
  EXPECT_TRUE(contains(french.body, "Trier par\u00a0:")) << french.body;
  const HttpReply chinese = http_get(environment().port(), "/doc/coi-guidance-zh?ui=zh");
  ASSERT_EQ(chinese.status, 200u);
  EXPECT_TRUE(contains(chinese.body, "摘要：</strong>")) << chinese.body;
  const HttpReply english = http_get(environment().port(), "/search?q=judges&ui=en");
  EXPECT_TRUE(contains(english.body, "Sort by:")) << english.body;
}

TEST(UiLanguage, TheJsonApiIsTheSameInEveryUiLanguage) {
  const HttpReply plain = get_with("/api/v1/search?q=judges", {});
  const HttpReply arabic = get_with("/api/v1/search?q=judges&ui=ar",
                                    {{"Accept-Language", "ar"}, {"Cookie", "jil_ui=ar"}});
  EXPECT_EQ(arabic.status, 200u);
  EXPECT_EQ(arabic.body, plain.body);
  EXPECT_EQ(arabic.header("Set-Cookie"), "");
  // The API varies on gzip and Origin (CORS), never on the headers that choose the UI language.
  EXPECT_EQ(arabic.header("Vary"), "Accept-Encoding, Origin");
}

}  // namespace
}  // namespace jil::integration
