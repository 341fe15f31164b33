// Tests render/html_view.cc in each UI language with the real web/ templates and catalogs:
// <html lang dir>, translated labels and counts, the language switcher, and the fallback to the
// English vocabulary label for an id a catalog does not translate.
#include "render/html_view.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace jil::render {
namespace {

const std::filesystem::path kWebDirectory = std::filesystem::path(JIL_SOURCE_DIR) / "web";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const HtmlRenderer& renderer() {
  static const HtmlRenderer loaded = [] {
    Result<HtmlRenderer> result = HtmlRenderer::load(kWebDirectory);
    if (!result.is_ok()) {
      ADD_FAILURE() << result.status().to_string();
      std::abort();
    }
    return std::move(result).value();
  }();
  return loaded;
}

schema::DocRecord sample_record() {
  schema::DocRecord record;
  record.id = "gifts-guide-en";
  record.work = "gifts-guide";
  record.title = "Guidance on gifts";
  record.language = analysis::Language::kEn;
  record.type = "code-of-conduct";
  record.organisation = "ijin";
  record.country = "FR";
  record.region = "europe-central-asia";
  record.year = 2020;
  record.topics = {"gifts", "judicial-ethics"};
  record.values = {"integrity"};
  record.original_name = "gifts.txt";
  return record;
}

search::SearchResults sample_results(uint64_t total) {
  search::SearchResults results;
  results.total = total;
  search::SearchHit hit;
  hit.record = sample_record();
  hit.title = {{"Guidance on gifts", false}};
  hit.snippet = {{"Judges refuse ", false}, {"gifts", true}};
  results.hits.push_back(hit);
  results.facets.push_back({schema::Facet::kTopic, {{"gifts", total, false}}});
  return results;
}

search::SearchRequest searched(std::string query) {
  search::SearchRequest request;
  request.query = std::move(query);
  return request;
}

// Every language version apart: the count says documents (collapsed pages have their tests).
std::string search_page(std::string_view ui_language, uint64_t total = 5) {
  search::SearchRequest request;
  request.query = "gifts";
  request.collapse_translations = false;
  return renderer().search_page(PageContext{std::string(ui_language), "/search?q=gifts"}, request,
                                sample_results(total), "");
}

TEST(HtmlView, ArabicPagesAreRightToLeftAndInArabic) {
  const std::string page = search_page("ar", 5);
  EXPECT_TRUE(contains(page, "<html lang=\"ar\" dir=\"rtl\">"));
  EXPECT_TRUE(contains(page, "<h1>النتائج</h1>"));
  EXPECT_TRUE(contains(page, "٥ وثائق")) << "the count in Arabic digits and its few form";
  EXPECT_TRUE(contains(page, "الهدايا والضيافة")) << "the topic label in Arabic";
  EXPECT_TRUE(contains(page, "مدونة سلوك")) << "the type label in Arabic";
  EXPECT_TRUE(contains(page, "فرنسا")) << "the country name from ICU in Arabic";
}

TEST(HtmlView, EveryUiLanguageSetsHtmlLangAndDir) {
  for (std::string_view language : kUiLanguages) {
    const std::string expected = "<html lang=\"" + std::string(language) + "\" dir=\"" +
                                 (language == "ar" ? "rtl" : "ltr") + "\">";
    EXPECT_TRUE(contains(search_page(language), expected)) << language;
  }
}

// The texts, names and count patterns each language shares are made once (per renderer or per
// thread) and reused: pages alternating between languages in one thread keep their own.
TEST(HtmlView, AlternatingLanguagesInOneThreadKeepEachLanguagesTexts) {
  const std::string first_english = search_page("en", 5);
  for (int round = 0; round < 2; ++round) {
    const std::string arabic = search_page("ar", 5);
    EXPECT_TRUE(contains(arabic, "<html lang=\"ar\" dir=\"rtl\">"));
    EXPECT_TRUE(contains(arabic, "٥ وثائق"));
    EXPECT_TRUE(contains(arabic, "فرنسا"));
    EXPECT_FALSE(contains(arabic, "5 documents"));
    const std::string russian = search_page("ru", 5);
    EXPECT_TRUE(contains(russian, "<html lang=\"ru\" dir=\"ltr\">"));
    EXPECT_TRUE(contains(russian, "5 документов"));
    EXPECT_TRUE(contains(russian, "Франция"));
    EXPECT_FALSE(contains(russian, "٥"));
    EXPECT_EQ(search_page("en", 5), first_english) << "round " << round;
  }
  EXPECT_TRUE(contains(first_english, "5 documents"));
  EXPECT_TRUE(contains(first_english, "France"));
}

TEST(HtmlView, RussianAndChineseLabelsAndCounts) {
  const std::string russian = search_page("ru", 5);
  EXPECT_TRUE(contains(russian, "5 документов"));
  EXPECT_TRUE(contains(russian, "Подарки и знаки гостеприимства"));
  const std::string chinese = search_page("zh", 2);
  EXPECT_TRUE(contains(chinese, "2 份文件"));
  EXPECT_TRUE(contains(chinese, "行为守则"));
  EXPECT_TRUE(contains(chinese, "法国"));
}

TEST(HtmlView, LanguageSwitcherLinksThisPageInEachLanguage) {
  const std::string page = search_page("fr");
  EXPECT_TRUE(contains(page,
                       "href=\"/search?q=gifts&amp;ui=ar\" lang=\"ar\" hreflang=\"ar\" "
                       "dir=\"rtl\">العربية</a>"));
  EXPECT_TRUE(contains(page,
                       "href=\"/search?q=gifts&amp;ui=zh\" lang=\"zh\" hreflang=\"zh\" "
                       "dir=\"ltr\">中文</a>"));
  EXPECT_TRUE(contains(page,
                       "href=\"/search?q=gifts&amp;ui=fr\" lang=\"fr\" hreflang=\"fr\" "
                       "dir=\"ltr\" aria-current=\"true\">Français</a>"));
  EXPECT_EQ(page.find("aria-current=\"true\">English"), std::string::npos);
  const std::string error = renderer().error_page(PageContext{"es", "/nowhere"}, 404, "x");
  EXPECT_TRUE(contains(error, "href=\"/nowhere?ui=ru\""));
  EXPECT_TRUE(contains(error, "No encontrado"));
}

TEST(HtmlView, DocumentPageListsTopicsWithTheLanguageSeparator) {
  const schema::DocRecord record = sample_record();
  const std::vector<schema::DocRecord> versions = {record};
  const std::vector<std::vector<search::TextPart>> paragraphs;
  const std::vector<schema::DocRecord> related;
  const std::string page = renderer().document_page(
      PageContext{"zh", "/doc/gifts-guide-en"},
      {record, versions, paragraphs, {}, {}, "http://localhost/doc/gifts-guide-en", related});
  EXPECT_TRUE(contains(page, "礼品与款待、司法伦理"));
  EXPECT_TRUE(contains(page, "廉洁"));
  EXPECT_TRUE(contains(page, "<html lang=\"zh\" dir=\"ltr\">"));
}

TEST(HtmlView, DocumentPageHasCanonicalCitationFirstMatchAndRelated) {
  const schema::DocRecord record = sample_record();
  schema::DocRecord other = sample_record();
  other.id = "report-ar";
  other.title = "تقرير <b>";
  other.language = analysis::Language::kAr;
  other.year = 2019;
  const std::vector<schema::DocRecord> versions = {record};
  const std::vector<std::vector<search::TextPart>> paragraphs = {
      {{"No match here.", false}},
      {{"Judges refuse ", false}, {"gifts", true}, {" and ", false}, {"gifts", true}}};
  const std::vector<schema::DocRecord> related = {other};
  const std::string page = renderer().document_page(
      PageContext{"en", "/doc/gifts-guide-en?q=gifts"}, {record,
                                                         versions,
                                                         paragraphs,
                                                         {},
                                                         searched("gifts"),
                                                         "http://localhost/doc/gifts-guide-en",
                                                         related});
  EXPECT_TRUE(
      contains(page, "<link rel=\"canonical\" href=\"http://localhost/doc/gifts-guide-en\">"));
  EXPECT_TRUE(contains(page,
                       "International Judicial Integrity Network. Guidance on gifts. 2020. "
                       "Code of conduct. http://localhost/doc/gifts-guide-en</p>"));
  EXPECT_TRUE(contains(page,
                       "<p>Judges refuse <mark id=\"first-match\">gifts</mark> and "
                       "<mark>gifts</mark></p>"));
  EXPECT_TRUE(contains(page, "<a href=\"#first-match\">"));
  EXPECT_TRUE(
      contains(page, "<a href=\"/doc/report-ar\" lang=\"ar\" dir=\"rtl\">تقرير &lt;b&gt;</a>"));
  EXPECT_TRUE(contains(page, "href=\"/doc/gifts-guide-en/cite.bib\""));
  // Without matches, no anchor and no link to it; without related documents, no section.
  const std::vector<std::vector<search::TextPart>> plain = {{{"No match here.", false}}};
  const std::vector<schema::DocRecord> none;
  const std::string quiet = renderer().document_page(
      PageContext{"ar", "/doc/gifts-guide-en"},
      {record, versions, plain, {}, {}, "http://localhost/doc/gifts-guide-en", none});
  EXPECT_FALSE(contains(quiet, "first-match"));
  EXPECT_FALSE(contains(quiet, "class=\"related\""));
  EXPECT_TRUE(contains(quiet, "الاستشهاد بهذه الوثيقة"));
}

// A heading does not read into the sentence after it: the snippet's line and paragraph breaks
// show as " · " on the results page (the API keeps them as they are).
// Facet values and chips are list items: capitalised in every UI language, though ICU names
// languages in lower case in French, Spanish and Russian ("chinois").
TEST(HtmlView, FacetValuesAreCapitalisedAsListItems) {
  search::SearchResults results = sample_results(3);
  results.facets.push_back({schema::Facet::kLanguage, {{"zh", 2, false}, {"ar", 1, true}}});
  search::SearchRequest request = searched("x");
  request.filters[schema::Facet::kLanguage] = {"ar"};
  const std::string french =
      renderer().search_page(PageContext{"fr", "/search?q=x"}, request, results, "");
  EXPECT_TRUE(contains(french, ">Chinois<")) << "facet value";
  EXPECT_TRUE(contains(french, "Arabe")) << "chip";
  EXPECT_FALSE(contains(french, ">chinois<"));
  const std::string russian =
      renderer().search_page(PageContext{"ru", "/search?q=x"}, request, results, "");
  EXPECT_TRUE(contains(russian, ">Китайский<"));
  EXPECT_TRUE(contains(
      renderer().search_page(PageContext{"ar", "/search?q=x"}, request, results, ""), "الصينية"))
      << "a script without case is left as it is";
}

TEST(HtmlView, SnippetBreaksShowAsASeparator) {
  search::SearchResults results = sample_results(1);
  results.hits[0].snippet = {{"… application.\n\n2. What is a ", false},
                             {"conflict", true},
                             {"\n\n", false},
                             {"Conflict", true},
                             {" arises\n when …\n", false}};
  const std::string page =
      renderer().search_page(PageContext{"en", "/search?q=x"}, searched("x"), results, "");
  EXPECT_TRUE(contains(page,
                       "<p class=\"snippet\">… application. · 2. What is a <mark>conflict</mark> · "
                       "<mark>Conflict</mark> arises · when …</p>"));
}

TEST(HtmlView, APagePastTheEndSaysSoAndLeadsToTheLastPage) {
  search::SearchRequest request = searched("gifts");
  request.size = 2;
  request.page = 9;
  search::SearchResults results = sample_results(5);  // 3 pages of 2
  results.hits.clear();
  const std::string page =
      renderer().search_page(PageContext{"en", "/search?q=gifts"}, request, results, "");
  EXPECT_TRUE(contains(page,
                       "There is no page 9: this search has 3 pages of results. "
                       "<a href=\"/search?q=gifts&amp;size=2&amp;page=3\">Go to the last "
                       "page</a>"));
  EXPECT_FALSE(contains(page, "Page 9 of")) << "no pager over an empty list";
  const std::string russian =
      renderer().search_page(PageContext{"ru", "/search?q=gifts"}, request, results, "");
  EXPECT_TRUE(contains(russian, "результаты этого поиска занимают 3 страницы."));
  request.page = 3;  // the last page itself has its pager
  results.hits = sample_results(5).hits;
  EXPECT_FALSE(
      contains(renderer().search_page(PageContext{"en", "/search?q=gifts"}, request, results, ""),
               "There is no page"));
}

TEST(HtmlView, TraditionalChineseTextIsMarkedZhHant) {
  schema::DocRecord record = sample_record();
  record.language = analysis::Language::kZh;
  record.script = "Hant";
  record.title = "法官社群媒體使用指引";
  const std::vector<schema::DocRecord> versions = {record};
  const std::vector<std::vector<search::TextPart>> paragraphs = {{{"法官應謹慎。", false}}};
  const std::vector<schema::DocRecord> related;
  const std::string page = renderer().document_page(
      PageContext{"en", "/doc/gifts-guide-en"},
      {record, versions, paragraphs, {}, {}, "http://localhost/doc/gifts-guide-en", related});
  EXPECT_TRUE(contains(page, "<article lang=\"zh-Hant\" dir=\"ltr\">"))
      << "Traditional glyphs and punctuation";
  search::SearchResults results = sample_results(1);
  results.hits[0].record = record;
  const std::string listed =
      renderer().search_page(PageContext{"en", "/search?q=x"}, searched("x"), results, "");
  EXPECT_TRUE(contains(listed, "<li class=\"hit\" lang=\"zh-Hant\" dir=\"ltr\">"));
}

TEST(HtmlView, TheWayBackFromADocumentReturnsToTheSamePageOfTheSameSearch) {
  const schema::DocRecord record = sample_record();
  const std::vector<schema::DocRecord> versions = {record};
  const std::vector<std::vector<search::TextPart>> paragraphs;
  const std::vector<schema::DocRecord> related;
  search::SearchRequest search = searched("gifts & hospitality");
  search.filters[schema::Facet::kLanguage] = {"en"};
  search.year_from = 2015;
  search.sort = search::SortOrder::kNewest;
  search.page = 2;
  const std::string page = renderer().document_page(
      PageContext{"en", "/doc/gifts-guide-en"},
      {record, versions, paragraphs, {}, search, "http://localhost/doc/gifts-guide-en", related});
  EXPECT_TRUE(contains(page,
                       "<a href=\"/search?q=gifts%20%26%20hospitality&amp;lang=en&amp;"
                       "year_from=2015&amp;sort=newest&amp;page=2\">"));
  // The search box holds the words, and searching again keeps the filters.
  EXPECT_TRUE(contains(page, "value=\"gifts &amp; hospitality\""));
  EXPECT_TRUE(contains(page, "name=\"lang\" value=\"en\""));
  // The result links carry the search that made them.
  const std::string results =
      renderer().search_page(PageContext{"en", "/search?q=gifts"}, search, sample_results(1), "");
  EXPECT_TRUE(contains(results,
                       "href=\"/doc/gifts-guide-en?q=gifts%20%26%20hospitality&amp;lang=en&amp;"
                       "year_from=2015&amp;sort=newest&amp;page=2\""));
}

TEST(HtmlView, UntranslatedVocabularyIdFallsBackToTheEnglishLabel) {
  std::string pattern = (std::filesystem::temp_directory_path() / "jil-web-XXXXXX").string();
  ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
  const std::filesystem::path web = pattern;
  std::filesystem::copy(kWebDirectory, web, std::filesystem::copy_options::recursive);
  for (std::string_view language : kUiLanguages) {
    const std::filesystem::path file = web / "i18n" / (std::string(language) + ".json");
    std::stringstream bytes;
    bytes << std::ifstream(file).rdbuf();
    nlohmann::json texts = nlohmann::json::parse(bytes.str());
    texts.erase("topic.gifts");
    std::ofstream(file) << texts.dump(2);
  }
  Result<HtmlRenderer> loaded = HtmlRenderer::load(web);
  std::filesystem::remove_all(web);
  ASSERT_TRUE(loaded.is_ok()) << loaded.status().to_string();
  search::SearchRequest request;
  const std::string page =
      loaded->search_page(PageContext{"ru", "/"}, request, sample_results(1), "");
  EXPECT_TRUE(contains(page, "Gifts and hospitality"));
}

TEST(HtmlView, YearRangeIsAFormKeepingTheSearchAndARemovableChip) {
  search::SearchRequest request;
  request.query = "gifts";
  request.filters[schema::Facet::kLanguage] = {"en"};
  const std::string open_range =
      renderer().search_page(PageContext{"es", "/search?q=gifts"}, request, sample_results(5), "");
  EXPECT_TRUE(
      contains(open_range, "<form class=\"facet years\" method=\"get\" action=\"/search\">"));
  EXPECT_TRUE(contains(open_range, "<input type=\"hidden\" name=\"lang\" value=\"en\">"));
  EXPECT_TRUE(contains(open_range, "name=\"year_from\""));
  EXPECT_TRUE(contains(open_range, "Desde")) << "the label in Spanish";
  request.year_from = 2015;
  request.year_to = 2020;
  const std::string bounded =
      renderer().search_page(PageContext{"es", "/search?q=gifts"}, request, sample_results(5), "");
  EXPECT_TRUE(contains(bounded, "value=\"2015\""));
  EXPECT_TRUE(contains(bounded, "value=\"2020\""));
  EXPECT_TRUE(contains(bounded, "2015–2020 <span aria-hidden=\"true\">×</span>")) << "the chip";
  EXPECT_TRUE(contains(bounded, "href=\"/search?q=gifts&amp;lang=en\"")) << "the chip removes it";
  request.year_from = 0;
  const std::string until =
      renderer().search_page(PageContext{"ru", "/search?q=gifts"}, request, sample_results(5), "");
  EXPECT_TRUE(contains(until, "По 2020"));
}

TEST(HtmlView, CollapsedPageCountsResultsLinksOtherVersionsAndTheToggle) {
  search::SearchRequest request;
  request.query = "gifts";
  search::SearchResults results = sample_results(5);
  results.hits[0].other_versions = {{"gifts-guide-fr", "fr", "Guide des cadeaux"}};
  const PageContext arabic{"ar", "/search?q=gifts"};
  const std::string page = renderer().search_page(arabic, request, results, "");
  EXPECT_TRUE(contains(page, "٥ نتائج")) << "works counted as results, Arabic few form";
  EXPECT_TRUE(contains(page, "<a href=\"/doc/gifts-guide-fr?q=gifts\" hreflang=\"fr\">"));
  EXPECT_TRUE(contains(page, "href=\"/search?q=gifts&amp;versions=all\">عرض كل نسخة لغوية</a>"));
  request.collapse_translations = false;
  const std::string every =
      renderer().search_page(PageContext{"ru", "/search?q=gifts"}, request, sample_results(5), "");
  EXPECT_TRUE(contains(every, "5 документов"));
  EXPECT_TRUE(contains(every, "href=\"/search?q=gifts\">Показать языковые версии вместе</a>"));
  EXPECT_TRUE(contains(every, "<input type=\"hidden\" name=\"versions\" value=\"all\">"));
}

TEST(HtmlView, DidYouMeanLinksTheSuggestionEscaped) {
  search::SearchRequest request;
  request.query = "<b>gifs";
  search::SearchResults results = sample_results(0);
  results.suggestion = "<b>gifts";
  const std::string page =
      renderer().search_page(PageContext{"es", "/search?q=x"}, request, results, "");
  EXPECT_TRUE(
      contains(page, "Quizás quiso decir: <a href=\"/search?q=%3Cb%3Egifts\">&lt;b&gt;gifts</a>"));
  EXPECT_FALSE(contains(page, "<b>gifts"));
  results.suggestion.clear();
  EXPECT_FALSE(
      contains(renderer().search_page(PageContext{"es", "/search?q=x"}, request, results, ""),
               "Quizás quiso decir"));
}

}  // namespace
}  // namespace jil::render
