// Tests search/column_filter.cc on a real in-memory Xapian database of the sample documents:
// which facets' columns equal their filter terms, and that one match through a ColumnFilter
// counts exactly what the filter terms and a second match per selected facet count.
#include "search/column_filter.h"

#include <gtest/gtest.h>

#include <string>

#include "sample_documents.h"
#include "schema/filter_terms.h"
#include "schema/value_slots.h"
#include "search/facet_counter.h"

namespace jil::search {
namespace {

using schema::Facet;

// "facet value:count ..." over every facet, in order, with a '*' on selected values.
std::string describe(const std::vector<FacetCounts>& all) {
  std::string out;
  for (const FacetCounts& counts : all) {
    out += "|" + std::to_string(static_cast<int>(counts.facet));
    for (const FacetValueCount& value : counts.values) {
      out += " " + value.value + ":" + std::to_string(value.count) + (value.selected ? "*" : "");
    }
  }
  return out;
}

class ColumnFilterTest : public ::testing::Test {
 protected:
  void SetUp() override { add_documents(database_, sample_documents()); }

  void refresh() {
    std::vector<Xapian::valueno> slots = FacetCounter::all_slots();
    slots.push_back(schema::kWorkSlot);
    columns_.refresh(database_, ++commits_, slots);
    foldable_.refresh(database_, commits_, columns_);
  }

  // The counts as searches made them before: the filter terms, then one match per selection.
  std::vector<FacetCounts> with_terms(const SearchRequest& request) {
    std::vector<Xapian::Query> facets;
    for (const auto& [facet, values] : request.filters) {
      std::vector<Xapian::Query> alternatives;
      for (const auto& value : values) alternatives.emplace_back(schema::filter_term(facet, value));
      facets.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    }
    Xapian::Enquire enquire(database_);
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query::MatchAll,
                      Xapian::Query(Xapian::Query::OP_AND, facets.begin(), facets.end())));
    FacetCounter counter(&columns_);
    counter.attach(enquire);
    enquire.get_mset(0, 0, database_.get_doccount());
    std::vector<FacetCounts> counts = counter.counts(request);
    FacetCounter::count_selected_apart(database_, &columns_, Xapian::Query::MatchAll, request,
                                       counts);
    return counts;
  }

  // The same from one match of every document through a ColumnFilter.
  std::vector<FacetCounts> in_one_pass(const SearchRequest& request) {
    std::unique_ptr<ColumnFilter> filter = ColumnFilter::create(columns_, foldable_, request);
    EXPECT_NE(filter, nullptr);
    if (!filter) return {};
    FacetCounter counter(&columns_);
    filter->feed_passing(counter.column_spy());
    std::vector<std::unique_ptr<FacetCounter>> apart;
    for (const auto& [facet, values] : request.filters) {
      apart.push_back(std::make_unique<FacetCounter>(&columns_, facet));
      filter->feed_passing_all_but(facet, apart.back()->column_spy());
    }
    Xapian::Enquire enquire(database_);
    enquire.set_query(Xapian::Query::MatchAll);
    enquire.add_matchspy(filter.get());
    enquire.get_mset(0, 0, database_.get_doccount());
    std::vector<FacetCounts> counts = counter.counts(request);
    for (const auto& counter_apart : apart) {
      std::vector<FacetCounts> own = counter_apart->counts(request);
      for (FacetCounts& entry : counts) {
        if (entry.facet == own.front().facet) entry = own.front();
      }
    }
    return counts;
  }

  Xapian::WritableDatabase database_{std::string(), Xapian::DB_BACKEND_INMEMORY};
  FacetColumns columns_;
  FoldableFacets foldable_;
  uint64_t commits_ = 0;
};

TEST_F(ColumnFilterTest, SingleValuedFacetsOfTheIndexerAreFoldable) {
  refresh();
  for (Facet facet : {Facet::kLanguage, Facet::kType, Facet::kRegion, Facet::kCountry,
                      Facet::kOrganisation, Facet::kYear}) {
    EXPECT_TRUE(foldable_.foldable(facet)) << static_cast<int>(facet);
  }
  for (Facet facet : {Facet::kTopic, Facet::kValue, Facet::kConcept}) {
    EXPECT_FALSE(foldable_.foldable(facet)) << static_cast<int>(facet);
  }
}

TEST_F(ColumnFilterTest, AColumnThatDisagreesWithItsTermsIsNotFoldable) {
  Xapian::Document odd;  // says French in its slot but English in its term
  odd.add_boolean_term(schema::filter_term(Facet::kLanguage, "en"));
  odd.add_value(schema::kLanguageSlot, "fr");
  odd.add_boolean_term(schema::filter_term(Facet::kType, "report"));
  odd.add_value(schema::kTypeSlot, "report");
  database_.add_document(odd);
  Xapian::Document unmarked;  // a region value without its term
  unmarked.add_value(schema::kRegionSlot, "europe");
  database_.add_document(unmarked);
  refresh();
  EXPECT_FALSE(foldable_.foldable(Facet::kLanguage));
  EXPECT_FALSE(foldable_.foldable(Facet::kRegion));
  EXPECT_TRUE(foldable_.foldable(Facet::kType));
  SearchRequest request;
  request.filters[Facet::kLanguage] = {"en"};
  EXPECT_EQ(ColumnFilter::create(columns_, foldable_, request), nullptr);
}

TEST_F(ColumnFilterTest, OnePassCountsWhatTheFilterTermsAndTheSecondMatchesCount) {
  refresh();
  std::vector<std::map<Facet, std::vector<std::string>>> selections = {
      {{Facet::kLanguage, {"en"}}},
      {{Facet::kLanguage, {"en", "fr"}}, {Facet::kType, {"guidance"}}},
      {{Facet::kCountry, {"FR"}}, {Facet::kYear, {"2021", "2023"}}},
      {{Facet::kType, {"code-of-conduct"}}, {Facet::kOrganisation, {"ijin"}}},
      {{Facet::kLanguage, {"ru"}}, {Facet::kType, {"report"}}},  // no Russian document
  };
  for (const auto& filters : selections) {
    SearchRequest request;
    request.filters = filters;
    const std::string expected = describe(with_terms(request));
    EXPECT_EQ(describe(in_one_pass(request)), expected);
    EXPECT_NE(expected.find(':'), std::string::npos);  // something was counted
  }
}

TEST_F(ColumnFilterTest, NothingSelectedOrAMultiValuedSelectionNeedsTheFilterTerms) {
  refresh();
  SearchRequest none;
  EXPECT_EQ(ColumnFilter::create(columns_, foldable_, none), nullptr);
  SearchRequest topics;
  topics.filters[Facet::kLanguage] = {"en"};
  topics.filters[Facet::kTopic] = {"gifts"};
  EXPECT_EQ(ColumnFilter::create(columns_, foldable_, topics), nullptr);
}

}  // namespace
}  // namespace jil::search
