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

// Every test runs twice: with the local index's facet columns (true) and with Xapian's
// ValueCountMatchSpy, as over remote shards (false); both must count the same.
class FacetCounterTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    add_documents(database_, sample_documents());
    if (GetParam()) {
      columns_storage_.refresh(database_, 1, FacetCounter::all_slots());
      columns_ = &columns_storage_;
    }
  }

  std::vector<FacetCounts> counts_for(const Xapian::Query& query, const SearchRequest& request) {
    Xapian::Enquire enquire(database_);
    enquire.set_query(query);
    FacetCounter counter(columns_);
    counter.attach(enquire);
    enquire.get_mset(0, 1, database_.get_doccount());  // one hit shown, all counted
    return counter.counts(request);
  }

  Xapian::WritableDatabase database_{std::string(), Xapian::DB_BACKEND_INMEMORY};
  FacetColumns columns_storage_;
  const FacetColumns* columns_ = nullptr;
};

TEST_P(FacetCounterTest, CountsEveryFacetInOrder) {
  const std::vector<FacetCounts> all = counts_for(Xapian::Query::MatchAll, SearchRequest{});
  std::vector<Facet> facets;
  for (const FacetCounts& counts : all) facets.push_back(counts.facet);
  EXPECT_EQ(facets, (std::vector<Facet>{Facet::kLanguage, Facet::kType, Facet::kRegion,
                                        Facet::kCountry, Facet::kOrganisation, Facet::kYear,
                                        Facet::kTopic, Facet::kValue, Facet::kConcept}));
}

TEST_P(FacetCounterTest, CountsAllMatchesNotOnlyTheShownPage) {
  const std::vector<FacetCounts> all = counts_for(Xapian::Query::MatchAll, SearchRequest{});
  EXPECT_EQ(counts_of(all, Facet::kLanguage), "en:2 ar:1 es:1 fr:1 zh:1");
  EXPECT_EQ(counts_of(all, Facet::kType), "code-of-conduct:2 guidance:2 report:1 training:1");
  EXPECT_EQ(counts_of(all, Facet::kRegion), "global:6");
}

TEST_P(FacetCounterTest, MultiValuedFacetsSumTheirSlots) {
  const std::vector<FacetCounts> all = counts_for(Xapian::Query::MatchAll, SearchRequest{});
  EXPECT_EQ(counts_of(all, Facet::kTopic),
            "judicial-ethics:3 gifts:2 case-assignment:1 corruption-prevention:1 gender:1");
  EXPECT_EQ(counts_of(all, Facet::kValue), "impartiality:1 independence:1 integrity:1");
}

TEST_P(FacetCounterTest, EmptyValuesAreNotCounted) {
  // Three documents are international (no country).
  const std::vector<FacetCounts> all = counts_for(Xapian::Query::MatchAll, SearchRequest{});
  EXPECT_EQ(counts_of(all, Facet::kCountry), "FR:2 CN:1");
}

TEST_P(FacetCounterTest, YearsAreListedNewestFirst) {
  const std::vector<FacetCounts> all = counts_for(Xapian::Query::MatchAll, SearchRequest{});
  EXPECT_EQ(counts_of(all, Facet::kYear), "2023:1 2022:1 2021:2 2019:1 2018:1");
}

TEST_P(FacetCounterTest, CountsFollowTheQuery) {
  const std::vector<FacetCounts> all =
      counts_for(Xapian::Query(schema::filter_term(Facet::kType, "guidance")), SearchRequest{});
  EXPECT_EQ(counts_of(all, Facet::kLanguage), "en:1 zh:1");
  EXPECT_EQ(counts_of(all, Facet::kType), "guidance:2");
}

TEST_P(FacetCounterTest, SelectedValuesAreMarked) {
  SearchRequest request;
  request.filters[Facet::kLanguage] = {"fr", "zh"};
  const std::vector<FacetCounts> all = counts_for(Xapian::Query::MatchAll, request);
  EXPECT_EQ(counts_of(all, Facet::kLanguage), "en:2 ar:1 es:1 fr:1* zh:1*");
}

TEST_P(FacetCounterTest, SelectedValuesWithoutMatchesAreListedOnce) {
  SearchRequest request;
  request.filters[Facet::kLanguage] = {"ru", "fr", "ru"};
  request.filters[Facet::kYear] = {"1999"};
  const std::vector<FacetCounts> all =
      counts_for(Xapian::Query(schema::filter_term(Facet::kLanguage, "fr")), request);
  EXPECT_EQ(counts_of(all, Facet::kLanguage), "fr:1* ru:0*");
  EXPECT_EQ(counts_of(all, Facet::kYear), "2021:1 1999:0*");
  EXPECT_EQ(counts_of(all, Facet::kType), "code-of-conduct:1");
}

TEST_P(FacetCounterTest, OneFacetCounterCountsOnlyThatFacet) {
  Xapian::Enquire enquire(database_);
  enquire.set_query(Xapian::Query::MatchAll);
  FacetCounter counter(columns_, Facet::kTopic);
  counter.attach(enquire);
  enquire.get_mset(0, 0, database_.get_doccount());
  const std::vector<FacetCounts> all = counter.counts(SearchRequest{});
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(counts_of(all, Facet::kTopic),
            "judicial-ethics:3 gifts:2 case-assignment:1 corruption-prevention:1 gender:1");
}

TEST_P(FacetCounterTest, SelectedFacetsAreCountedWithoutTheirOwnSelection) {
  SearchRequest request;
  request.filters[Facet::kLanguage] = {"fr"};
  request.filters[Facet::kType] = {"code-of-conduct", "guidance"};
  // The main match applies both selections: only code-fr is a French code or guidance.
  const Xapian::Query both(
      Xapian::Query::OP_AND, Xapian::Query(schema::filter_term(Facet::kLanguage, "fr")),
      Xapian::Query(Xapian::Query::OP_OR,
                    Xapian::Query(schema::filter_term(Facet::kType, "code-of-conduct")),
                    Xapian::Query(schema::filter_term(Facet::kType, "guidance"))));
  std::vector<FacetCounts> all = counts_for(both, request);
  EXPECT_EQ(counts_of(all, Facet::kLanguage), "fr:1*");
  FacetCounter::count_selected_apart(database_, columns_, Xapian::Query::MatchAll, request, all);
  // Languages of the codes and guidance; types of the French documents; years of the match.
  EXPECT_EQ(counts_of(all, Facet::kLanguage), "en:2 fr:1* zh:1");
  // No French document is guidance: the selection stays listed, with nothing under it.
  EXPECT_EQ(counts_of(all, Facet::kType), "code-of-conduct:1* guidance:0*");
  EXPECT_EQ(counts_of(all, Facet::kYear), "2021:1");
}

TEST_P(FacetCounterTest, CountingApartKeepsTheQuery) {
  SearchRequest request;
  request.filters[Facet::kLanguage] = {"es"};
  std::vector<FacetCounts> all =
      counts_for(Xapian::Query(schema::filter_term(Facet::kLanguage, "es")), request);
  FacetCounter::count_selected_apart(database_, columns_,
                                     Xapian::Query(schema::filter_term(Facet::kTopic, "gifts")),
                                     request, all);
  EXPECT_EQ(counts_of(all, Facet::kLanguage), "en:2 es:0*");
}

INSTANTIATE_TEST_SUITE_P(ColumnsAndSpies, FacetCounterTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& param_info) {
                           return param_info.param ? "FacetColumns" : "ValueCountMatchSpy";
                         });

}  // namespace
}  // namespace jil::search
