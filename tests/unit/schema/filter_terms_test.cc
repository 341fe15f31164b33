// Tests schema/filter_terms.cc: each facet's boolean term, as the builder writes and searchd
// filters on it.
#include "schema/filter_terms.h"

#include <gtest/gtest.h>

namespace jil::schema {
namespace {

TEST(FilterTerm, PrefixesEachFacetValue) {
  EXPECT_EQ(filter_term(Facet::kLanguage, "fr"), "Lfr");
  EXPECT_EQ(filter_term(Facet::kType, "report"), "XTreport");
  EXPECT_EQ(filter_term(Facet::kRegion, "arab-states"), "XRarab-states");
  EXPECT_EQ(filter_term(Facet::kOrganisation, "ijin"), "XOijin");
  EXPECT_EQ(filter_term(Facet::kTopic, "gifts"), "XKgifts");
  EXPECT_EQ(filter_term(Facet::kValue, "integrity"), "XVintegrity");
  EXPECT_EQ(filter_term(Facet::kYear, "2021"), "Y2021");
}

TEST(FilterTerm, CountryIsLowerCased) {
  EXPECT_EQ(filter_term(Facet::kCountry, "FR"), "XCfr");
  EXPECT_EQ(filter_term(Facet::kCountry, "fr"), "XCfr");
}

}  // namespace
}  // namespace jil::schema
