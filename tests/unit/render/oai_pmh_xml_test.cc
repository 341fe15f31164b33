// Tests render/oai_pmh_xml.cc's Dublin Core: publisher, type, subjects and coverage are the names
// the English pages show (render/facet_labels.h) whatever the document's language, never the
// vocabulary's ids; the language stays its ISO 639-1 code.
#include "render/oai_pmh_xml.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "render/ui_catalog.h"

namespace jil::render {
namespace {

const std::filesystem::path kI18nDirectory = std::filesystem::path(JIL_SOURCE_DIR) / "web/i18n";

const UiCatalog& catalog() {
  static const UiCatalog loaded = [] {
    Result<UiCatalog> result = UiCatalog::load(kI18nDirectory);
    EXPECT_TRUE(result.is_ok()) << result.status().to_string();
    return std::move(result).value();
  }();
  return loaded;
}

schema::DocRecord arabic_code() {
  schema::DocRecord record;
  record.id = "code-ar";
  record.work = "code";
  record.title = "مدونة السلوك القضائي";
  record.language = analysis::Language::kAr;
  record.type = "code-of-conduct";
  record.organisation = "ijin";
  record.country = "FR";
  record.region = "europe-central-asia";
  record.year = 2021;
  record.topics = {"gifts"};
  record.values = {"independence"};
  return record;
}

// "element=text" for every dc: element of `xml`, in order.
std::vector<std::string> dc_elements(const std::string& xml) {
  std::vector<std::string> out;
  static const std::regex element("<dc:([a-z]+)>([^<]*)</dc:\\1>");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), element);
       it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[1].str() + "=" + (*it)[2].str());
  }
  return out;
}

TEST(OaiDublinCore, NamesNotIdsInEnglishForEveryLanguage) {
  const FacetLabels labels(catalog(), kOaiNamesLanguage);
  EXPECT_EQ(dc_elements(oai_dc_metadata(arabic_code(), "https://jil.example.org", labels)),
            (std::vector<std::string>{
                "title=مدونة السلوك القضائي", "language=ar", "type=Text", "type=Code of conduct",
                "publisher=International Judicial Integrity Network", "date=2021",
                "subject=Gifts and hospitality", "subject=Independence", "coverage=France",
                "coverage=Europe and Central Asia",
                "identifier=https://jil.example.org/doc/code-ar", "relation=work:code"}));
}

TEST(OaiDublinCore, NamesAreEscaped) {
  // An id the vocabulary does not know is its own name, and escaped like every text.
  schema::DocRecord record = arabic_code();
  record.organisation = "a&b";
  const std::string xml =
      oai_dc_metadata(record, "https://jil.example.org", FacetLabels(catalog(), "en"));
  EXPECT_NE(xml.find("<dc:publisher>a&amp;b</dc:publisher>"), std::string::npos) << xml;
}

}  // namespace
}  // namespace jil::render
