// Tests render/ui_catalog.cc over the real web/i18n catalogs: every catalog has every key of
// en.json, every MessageFormat pattern compiles in its locale, plural forms follow each
// language's ICU rules, and load() refuses an incomplete catalog or a broken pattern.
#include "render/ui_catalog.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unicode/msgfmt.h>

#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "schema/vocabulary.h"
#include "search/query_errors.h"
#include "thesaurus/thesaurus.h"

namespace jil::render {
namespace {

const std::filesystem::path kI18nDirectory = std::filesystem::path(JIL_SOURCE_DIR) / "web/i18n";

nlohmann::json read_catalog(const std::filesystem::path& directory, std::string_view language) {
  std::ifstream input(directory / (std::string(language) + ".json"));
  std::stringstream bytes;
  bytes << input.rdbuf();
  return nlohmann::json::parse(bytes.str(), nullptr, false);
}

std::set<std::string> keys_of(const nlohmann::json& catalog) {
  std::set<std::string> keys;
  for (const auto& [key, value] : catalog.items()) keys.insert(key);
  return keys;
}

const UiCatalog& catalog() {
  static const UiCatalog loaded = [] {
    Result<UiCatalog> result = UiCatalog::load(kI18nDirectory);
    if (!result.is_ok()) ADD_FAILURE() << result.status().to_string();
    return result.is_ok() ? std::move(result).value() : UiCatalog();
  }();
  return loaded;
}

std::string count_text(std::string_view language, int64_t count) {
  return catalog().format(language, "results_count", {{"count", count}});
}

// A copy of web/i18n in a fresh temporary directory, for catalogs made broken on purpose.
class CatalogCopy {
 public:
  CatalogCopy() {
    std::string pattern = (std::filesystem::temp_directory_path() / "jil-i18n-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed";
    path_ = pattern;
    for (std::string_view language : kUiLanguages) {
      std::filesystem::copy_file(kI18nDirectory / (std::string(language) + ".json"),
                                 path_ / (std::string(language) + ".json"));
    }
  }
  ~CatalogCopy() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  CatalogCopy(const CatalogCopy&) = delete;
  CatalogCopy& operator=(const CatalogCopy&) = delete;

  const std::filesystem::path& path() const { return path_; }
  void edit(std::string_view language, const std::function<void(nlohmann::json&)>& change) {
    nlohmann::json catalog = read_catalog(path_, language);
    change(catalog);
    std::ofstream(path_ / (std::string(language) + ".json")) << catalog.dump(2);
  }

 private:
  std::filesystem::path path_;
};

TEST(UiCatalog, EveryCatalogHasExactlyTheKeysOfEnglish) {
  const std::set<std::string> english = keys_of(read_catalog(kI18nDirectory, "en"));
  ASSERT_FALSE(english.empty());
  for (std::string_view language : kUiLanguages) {
    const nlohmann::json texts = read_catalog(kI18nDirectory, language);
    ASSERT_TRUE(texts.is_object()) << language;
    EXPECT_EQ(keys_of(texts), english) << language << ".json differs from en.json in its keys";
    for (const auto& [key, value] : texts.items()) {
      EXPECT_TRUE(value.is_string() && !value.get<std::string>().empty()) << language << " " << key;
    }
  }
}

TEST(UiCatalog, EveryMessagePatternCompilesInItsLocale) {
  for (std::string_view language : kUiLanguages) {
    const nlohmann::json texts = read_catalog(kI18nDirectory, language);
    for (std::string_view key : kMessagePatternKeys) {
      ASSERT_TRUE(texts.contains(std::string(key))) << language << " " << key;
      UErrorCode error = U_ZERO_ERROR;
      const icu::MessageFormat pattern(
          icu::UnicodeString::fromUTF8(texts[std::string(key)].get<std::string>()),
          icu::Locale(std::string(language).c_str()), error);
      EXPECT_FALSE(U_FAILURE(error)) << language << " " << key << ": " << u_errorName(error);
    }
  }
}

TEST(UiCatalog, EveryVocabularyIdHasALabelInEveryLanguage) {
  using schema::Facet;
  for (Facet facet :
       {Facet::kType, Facet::kRegion, Facet::kOrganisation, Facet::kTopic, Facet::kValue}) {
    for (const auto& id : schema::Vocabulary::built_in().ids(facet)) {
      const std::string key = std::string(schema::facet_name(facet)) + "." + id;
      for (std::string_view language : kUiLanguages) {
        EXPECT_NE(catalog().find(language, key), nullptr) << language << " " << key;
      }
    }
  }
}

// The six values of judicial conduct are both a facet (the catalog's labels) and concepts (the
// thesaurus's): a page lists both, so each value must have one name in each language, the
// concept's preferred label, capitalised as a list item. Independence alone differs, as the
// value and "judicial independence" the concept.
TEST(UiCatalog, EachJudicialValueIsNamedAsItsConcept) {
  const thesaurus::Thesaurus& thesaurus = thesaurus::Thesaurus::built_in();
  for (const auto& id : schema::Vocabulary::built_in().ids(schema::Facet::kValue)) {
    if (id == "independence") continue;
    const thesaurus::Concept* concept_of_value = thesaurus.find(id);
    ASSERT_NE(concept_of_value, nullptr) << id;
    for (std::string_view language : kUiLanguages) {
      const auto parsed = analysis::parse_language(language);
      ASSERT_TRUE(parsed.has_value());
      icu::UnicodeString label =
          icu::UnicodeString::fromUTF8(catalog().text(language, "value." + id));
      icu::UnicodeString pref =
          icu::UnicodeString::fromUTF8(concept_of_value->labels.at(*parsed).front());
      EXPECT_EQ(label.foldCase(), pref.foldCase())
          << language << " " << id << ": " << catalog().text(language, "value." + id) << " / "
          << concept_of_value->labels.at(*parsed).front();
    }
  }
}

TEST(UiCatalog, ArabicCountsUseAllSixPluralForms) {
  EXPECT_EQ(count_text("ar", 0), "لا توجد وثائق");  // zero
  EXPECT_EQ(count_text("ar", 1), "وثيقة واحدة");    // one
  EXPECT_EQ(count_text("ar", 2), "وثيقتان");        // two
  EXPECT_EQ(count_text("ar", 3), "٣ وثائق");        // few (3–10)
  EXPECT_EQ(count_text("ar", 11), "١١ وثيقة");      // many (11–99)
  EXPECT_EQ(count_text("ar", 100), "١٠٠ وثيقة");    // other
}

TEST(UiCatalog, RussianCountsUseOneFewMany) {
  EXPECT_EQ(count_text("ru", 1), "1 документ");
  EXPECT_EQ(count_text("ru", 2), "2 документа");
  EXPECT_EQ(count_text("ru", 5), "5 документов");
  EXPECT_EQ(count_text("ru", 11), "11 документов");
  EXPECT_EQ(count_text("ru", 21), "21 документ");
  EXPECT_EQ(count_text("ru", 24), "24 документа");
}

TEST(UiCatalog, OtherLanguagesFollowTheirOwnRules) {
  EXPECT_EQ(count_text("en", 1), "1 document");
  EXPECT_EQ(count_text("en", 0), "0 documents");
  EXPECT_EQ(count_text("fr", 0), "0 document");  // French: 0 takes the singular
  EXPECT_EQ(count_text("fr", 2), "2 documents");
  EXPECT_EQ(count_text("es", 1), "1 documento");
  EXPECT_EQ(count_text("es", 7), "7 documentos");
  EXPECT_EQ(count_text("zh", 1), "1 份文件");
  EXPECT_EQ(count_text("en", 1234), "1,234 documents");
}

TEST(UiCatalog, PageOfTakesNamedArgumentsInLocaleDigits) {
  const std::vector<std::pair<std::string, int64_t>> arguments = {{"page", 2}, {"pages", 7}};
  EXPECT_EQ(catalog().format("en", "page_of", arguments), "Page 2 of 7");
  EXPECT_EQ(catalog().format("fr", "page_of", arguments), "Page 2 sur 7");
  EXPECT_EQ(catalog().format("zh", "page_of", arguments), "第 2 页，共 7 页");
  EXPECT_EQ(catalog().format("ar", "page_of", arguments), "الصفحة ٢ من ٧");
}

TEST(UiCatalog, KeptPatternsAnswerTheLanguageAskedWhenCallsAlternate) {
  const std::vector<std::pair<std::string, int64_t>> arguments = {{"page", 2}, {"pages", 7}};
  for (int round = 0; round < 2; ++round) {  // the second round reuses what the first compiled
    EXPECT_EQ(catalog().format("ar", "page_of", arguments), "الصفحة ٢ من ٧") << round;
    EXPECT_EQ(count_text("ar", 3), "٣ وثائق") << round;
    EXPECT_EQ(catalog().format("en", "page_of", arguments), "Page 2 of 7") << round;
    EXPECT_EQ(count_text("ru", 2), "2 документа") << round;
    EXPECT_EQ(count_text("en", 1), "1 document") << round;
  }
}

TEST(UiCatalog, NumbersAreFormattedPerLocale) {
  EXPECT_EQ(UiCatalog::format_number("en", 1234), "1,234");
  EXPECT_EQ(UiCatalog::format_number("ar", 12), "١٢");
  EXPECT_EQ(UiCatalog::format_number("ru", 5), "5");
}

TEST(UiCatalog, RefusesACatalogThatLacksAKeyOfEnglish) {
  CatalogCopy copy;
  copy.edit("fr", [](nlohmann::json& texts) { texts.erase("next_page"); });
  Result<UiCatalog> loaded = UiCatalog::load(copy.path());
  ASSERT_FALSE(loaded.is_ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(loaded.status().message().find("fr.json"), std::string::npos);
  EXPECT_NE(loaded.status().message().find("next_page"), std::string::npos);
}

TEST(UiCatalog, RefusesAPatternThatDoesNotCompile) {
  CatalogCopy copy;
  copy.edit("ru", [](nlohmann::json& texts) {
    texts["results_count"] = "{count, plural, one {# документ}";
  });
  Result<UiCatalog> loaded = UiCatalog::load(copy.path());
  ASSERT_FALSE(loaded.is_ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(loaded.status().message().find("ru.json"), std::string::npos);
  EXPECT_NE(loaded.status().message().find("results_count"), std::string::npos);
}

TEST(UiCatalog, RefusesANonStringTextAndAMissingFile) {
  CatalogCopy copy;
  copy.edit("es", [](nlohmann::json& texts) { texts["search_button"] = 3; });
  Result<UiCatalog> loaded = UiCatalog::load(copy.path());
  ASSERT_FALSE(loaded.is_ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(loaded.status().message().find("search_button"), std::string::npos);
  CatalogCopy without_chinese;
  std::filesystem::remove(without_chinese.path() / "zh.json");
  EXPECT_EQ(UiCatalog::load(without_chinese.path()).status().code(), StatusCode::kNotFound);
}

TEST(UiCatalog, KnowsTheSixUiLanguagesOnly) {
  for (std::string_view language : kUiLanguages) EXPECT_TRUE(is_ui_language(language));
  for (std::string_view other : {"", "de", "EN", "en-GB", "zh-Hant", "../en"}) {
    EXPECT_FALSE(is_ui_language(other)) << other;
  }
}

TEST(UiCatalog, EveryQueryErrorHasItsTextInEveryLanguage) {
  for (const search::QueryError& error : search::kQueryErrors) {
    const std::string key = "query_error_" + std::string(error.key);
    EXPECT_EQ(catalog().text("en", key), error.message) << key;
    for (std::string_view language : kUiLanguages) {
      EXPECT_NE(catalog().find(language, key), nullptr) << language << " " << key;
    }
  }
}

}  // namespace
}  // namespace jil::render
