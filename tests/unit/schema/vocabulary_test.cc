// Tests schema/vocabulary.cc: the compiled-in vocabularies (ids, labels, their order) and the
// ISO country check.
#include "schema/vocabulary.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace jil::schema {
namespace {

using Ids = std::vector<std::string>;

TEST(Vocabulary, KnowsTheSixLanguages) {
  EXPECT_EQ(Vocabulary::built_in().ids(Facet::kLanguage),
            (Ids{"ar", "en", "es", "fr", "ru", "zh"}));
}

TEST(Vocabulary, ListsIdsInFileOrder) {
  // vocabulary.h promises file order, which the UI uses to list facet values.
  EXPECT_EQ(Vocabulary::built_in().ids(Facet::kType),
            (Ids{"code-of-conduct", "guidance", "report", "training", "legislation", "tool"}));
  EXPECT_EQ(Vocabulary::built_in().ids(Facet::kValue),
            (Ids{"independence", "impartiality", "integrity", "propriety", "equality",
                 "competence-diligence"}));
}

TEST(Vocabulary, UncontrolledFacetsHaveNoIds) {
  EXPECT_TRUE(Vocabulary::built_in().ids(Facet::kCountry).empty());
  EXPECT_TRUE(Vocabulary::built_in().ids(Facet::kYear).empty());
}

TEST(Vocabulary, ContainsOnlyTheIdsOfItsFacet) {
  const Vocabulary& vocabulary = Vocabulary::built_in();
  EXPECT_TRUE(vocabulary.contains(Facet::kType, "report"));
  EXPECT_TRUE(vocabulary.contains(Facet::kTopic, "gifts"));
  EXPECT_TRUE(vocabulary.contains(Facet::kOrganisation, "ijin"));
  EXPECT_FALSE(vocabulary.contains(Facet::kTopic, "report"));
  EXPECT_FALSE(vocabulary.contains(Facet::kType, "Report"));
  EXPECT_FALSE(vocabulary.contains(Facet::kType, ""));
  EXPECT_FALSE(vocabulary.contains(Facet::kCountry, "FR"));
}

TEST(Vocabulary, LabelIsEnglishOrTheIdItself) {
  const Vocabulary& vocabulary = Vocabulary::built_in();
  EXPECT_EQ(vocabulary.label(Facet::kTopic, "gifts"), "Gifts and hospitality");
  EXPECT_EQ(vocabulary.label(Facet::kLanguage, "fr"), "French");
  EXPECT_EQ(vocabulary.label(Facet::kType, "memo"), "memo");
  EXPECT_EQ(vocabulary.label(Facet::kYear, "2021"), "2021");
}

TEST(FacetName, NamesEveryFacetOnce) {
  std::vector<std::string> names;
  for (Facet facet : all_facets()) names.emplace_back(facet_name(facet));
  EXPECT_EQ(names, (Ids{"language", "type", "region", "organisation", "topic", "value", "country",
                        "year", "concept"}));
}

TEST(IsCountryCode, AcceptsUpperCaseIsoAlpha2Only) {
  EXPECT_TRUE(is_country_code("FR"));
  EXPECT_TRUE(is_country_code("CN"));
  EXPECT_TRUE(is_country_code("EG"));
  EXPECT_FALSE(is_country_code("fr"));
  EXPECT_FALSE(is_country_code("XX"));
  EXPECT_FALSE(is_country_code("FRA"));
  EXPECT_FALSE(is_country_code(""));
}

}  // namespace
}  // namespace jil::schema
