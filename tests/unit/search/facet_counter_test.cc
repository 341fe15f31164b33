// Tests search/facet_counter.cc over a real in-memory Xapian database built with the document
// builder: counts per facet over all matches, multi-valued facets summed, selections marked.
#include "search/facet_counter.h"

#include <gtest/gtest.h>

#include <string>

#include "sample_documents.h"
#include "schema/filter_terms.h"

namespace jil::search {
namespace {

using schema::Facet;

// "value:count" for each value of `facet`, in order, with a '*' on selected ones.
std::string counts_of(const std::vector<FacetCounts>& all, Facet facet) {
  std::string out;
  for (const FacetCounts& counts : all) {
    if (counts.facet != facet) continue;
    for (const FacetValueCount& value : counts.values) {
      if (!out.empty()) out += ' ';
      out += value.value + ":" + std::to_string(value.count) + (value.selected ? "*" : "");
    }
  }
  return out;
}

class FacetCounterTest : public ::testing::Test {
 protected:
  void SetUp() override { add_documents(database_, sample_documents()); }

  std::vector<FacetCounts> counts_for(const Xapian::Query& query, const SearchRequest& request) {
    Xapian::Enquire enquire(database_);
    enquire.set_query(query);
    FacetCounter counter;
    counter.attach(enquire);
    enquire.get_mset(0, 1, database_.get_doccount());  // one hit shown, all counted
    return counter.counts(request);
  }

  Xapian::WritableDatabase database_{std::string(), Xapian::DB_BACKEND_INMEMORY};
};

TEST_F(FacetCounterTest, CountsEveryFacetInOrder) {
  const std::vector<FacetCounts> all = counts_for(Xapian::Query::MatchAll, SearchRequest{});
  std::vector<Facet> facets;
  for (const FacetCounts& counts : all) facets.push_back(counts.facet);
  EXPECT_EQ(facets, (std::vector<Facet>{Facet::kLanguage, Facet::kType, Facet::kRegion,
                                        Facet::kCountry, Facet::kOrganisation, Facet::kYear,
                                        Facet::kTopic, Facet::kValue, Facet::kConcept}));
}

TEST_F(FacetCounterTest, CountsAllMatchesNotOnlyTheShownPage) {
  const std::vector<FacetCounts> all = counts_for(Xapian::Query::MatchAll, SearchRequest{});
  EXPECT_EQ(counts_of(all, Facet::kLanguage), "en:2 ar:1 es:1 fr:1 zh:1");
  EXPECT_EQ(counts_of(all, Facet::kType), "code-of-conduct:2 guidance:2 report:1 training:1");
  EXPECT_EQ(counts_of(all, Facet::kRegion), "global:6");
}

TEST_F(FacetCounterTest, MultiValuedFacetsSumTheirSlots) {
  const std::vector<FacetCounts> all = counts_for(Xapian::Query::MatchAll, SearchRequest{});
  EXPECT_EQ(counts_of(all, Facet::kTopic),
            "judicial-ethics:3 gifts:2 case-assignment:1 corruption-prevention:1 gender:1");
  EXPECT_EQ(counts_of(all, Facet::kValue), "impartiality:1 independence:1 integrity:1");
}

TEST_F(FacetCounterTest, EmptyValuesAreNotCounted) {
  // Three documents are international (no country).
  const std::vector<FacetCounts> all = counts_for(Xapian::Query::MatchAll, SearchRequest{});
  EXPECT_EQ(counts_of(all, Facet::kCountry), "FR:2 CN:1");
}

TEST_F(FacetCounterTest, YearsAreListedNewestFirst) {
  const std::vector<FacetCounts> all = counts_for(Xapian::Query::MatchAll, SearchRequest{});
  EXPECT_EQ(counts_of(all, Facet::kYear), "2023:1 2022:1 2021:2 2019:1 2018:1");
}

TEST_F(FacetCounterTest, CountsFollowTheQuery) {
  const std::vector<FacetCounts> all =
      counts_for(Xapian::Query(schema::filter_term(Facet::kType, "guidance")), SearchRequest{});
  EXPECT_EQ(counts_of(all, Facet::kLanguage), "en:1 zh:1");
  EXPECT_EQ(counts_of(all, Facet::kType), "guidance:2");
}

TEST_F(FacetCounterTest, SelectedValuesAreMarked) {
  SearchRequest request;
  request.filters[Facet::kLanguage] = {"fr", "zh"};
  const std::vector<FacetCounts> all = counts_for(Xapian::Query::MatchAll, request);
  EXPECT_EQ(counts_of(all, Facet::kLanguage), "en:2 ar:1 es:1 fr:1* zh:1*");
}

}  // namespace
}  // namespace jil::search
