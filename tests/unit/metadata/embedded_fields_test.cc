// Tests metadata/embedded_fields.cc: embedded properties become schema fields only when the schema
// accepts them, so a file's own properties never make it fail.
#include "metadata/embedded_fields.h"

#include <gtest/gtest.h>

#include "schema/doc_record.h"

namespace jil::metadata {
namespace {

using nlohmann::json;

TEST(LanguageTag, SixLanguagesWithRegionsAndChineseScripts) {
  EXPECT_EQ(language_of_tag("en")->language, "en");
  EXPECT_EQ(language_of_tag(" EN-gb ")->language, "en");
  EXPECT_EQ(language_of_tag("fr_CA")->language, "fr");
  EXPECT_EQ(language_of_tag("zh-Hant-TW")->script, "Hant");
  EXPECT_EQ(language_of_tag("zh-HK")->script, "Hant");
  EXPECT_EQ(language_of_tag("zh-CN")->script, "Hans");
  EXPECT_EQ(language_of_tag("zh")->script, "");
  EXPECT_FALSE(language_of_tag("de").has_value());
  EXPECT_FALSE(language_of_tag("").has_value());
  EXPECT_FALSE(language_of_tag("english").has_value());
}

TEST(EmbeddedFields, VocabularyMatchedByIdOrEnglishLabelIgnoringCase) {
  extract::EmbeddedMetadata embedded;
  embedded.title = "  A title  ";
  embedded.language = "fr-FR";
  embedded.year = 2022;
  embedded.description = "What it is about.";
  embedded.type = "GUIDANCE";
  embedded.authors = {"Somebody", "Conference of Court Ethics Advisers"};
  embedded.keywords = {"Conflicts of interest", "gifts", "impartiality", "unrelated"};
  embedded.coverage = "Europe and Central Asia; fr";
  const json fields = embedded_fields(embedded);
  EXPECT_EQ(fields, json({{"title", "A title"},
                          {"language", "fr"},
                          {"year", 2022},
                          {"summary", "What it is about."},
                          {"type", "guidance"},
                          {"organisation", "ccje-net"},
                          {"topics", {"conflicts-of-interest", "gifts"}},
                          {"values", {"impartiality"}},
                          {"region", "europe-central-asia"},
                          {"country", "FR"}}));
  EXPECT_TRUE(schema::check_metadata_fields(fields).is_ok());
}

TEST(EmbeddedFields, UnusableValuesAreLeftOut) {
  extract::EmbeddedMetadata embedded;
  embedded.language = "de";
  embedded.type = "Memo";
  embedded.authors = {"Microsoft Office User"};
  embedded.keywords = {"a", "b"};
  embedded.coverage = "Atlantis";
  EXPECT_EQ(embedded_fields(embedded), json::object());
}

TEST(EmbeddedFields, RegionAloneMeansInternationalAndLongTextIsCut) {
  extract::EmbeddedMetadata embedded;
  embedded.coverage = "global";
  embedded.title = std::string(schema::kMaxTitleBytes - 1, 'x') + "é";  // cut before the é
  embedded.keywords = {"gifts", "gender", "social-media", "case-assignment", "court-transparency"};
  const json fields = embedded_fields(embedded);
  EXPECT_EQ(fields["region"], "global");
  EXPECT_EQ(fields["country"], "");
  EXPECT_EQ(fields["title"].get<std::string>().size(), schema::kMaxTitleBytes - 1);
  EXPECT_EQ(fields["topics"].size(), 4u);
  EXPECT_TRUE(schema::check_metadata_fields(fields).is_ok());
}

}  // namespace
}  // namespace jil::metadata
