// Implementation of facet_counter.h.
#include "search/facet_counter.h"

#include <algorithm>
#include <map>

#include "schema/filter_terms.h"
#include "schema/value_slots.h"

namespace jil::search {

namespace {

// The selections of every facet but `except`, ANDed; MatchAll when there are none.
Xapian::Query filters_except(const SearchRequest& request, schema::Facet except) {
  std::vector<Xapian::Query> facets;
  for (const auto& [facet, values] : request.filters) {
    if (facet == except || values.empty()) continue;
    std::vector<Xapian::Query> alternatives;
    for (const auto& value : values) alternatives.emplace_back(schema::filter_term(facet, value));
    facets.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  }
  if (facets.empty()) return Xapian::Query::MatchAll;
  return Xapian::Query(Xapian::Query::OP_AND, facets.begin(), facets.end());
}

}  // namespace

FacetCounter::FacetCounter(schema::Facet facet) : FacetCounter() {
  std::erase_if(facets_, [&](const SlotSpies& entry) { return entry.facet != facet; });
  std::erase_if(owned_, [&](const std::unique_ptr<Xapian::ValueCountMatchSpy>& spy) {
    for (const SlotSpies& entry : facets_) {
      if (std::find(entry.spies.begin(), entry.spies.end(), spy.get()) != entry.spies.end()) {
        return false;
      }
    }
    return true;
  });
}

void FacetCounter::count_selected_apart(Xapian::Database& database, const Xapian::Query& query,
                                        const SearchRequest& request,
                                        std::vector<FacetCounts>& counts) {
  for (const auto& [facet, values] : request.filters) {
    if (values.empty()) continue;
    Xapian::Query others = filters_except(request, facet);
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, others));
    enquire.set_weighting_scheme(Xapian::BoolWeight());  // only counted: no ranking needed
    FacetCounter own(facet);
    own.attach(enquire);
    enquire.get_mset(0, 0, database.get_doccount());  // no hits, every match counted
    std::vector<FacetCounts> fresh = own.counts(request);
    for (FacetCounts& entry : counts) {
      if (entry.facet == facet && !fresh.empty()) entry = std::move(fresh.front());
    }
  }
}

FacetCounter::FacetCounter() {
  using schema::Facet;
  const std::pair<Facet, std::vector<Xapian::valueno>> kLayout[] = {
      {Facet::kLanguage, {schema::kLanguageSlot}},
      {Facet::kType, {schema::kTypeSlot}},
      {Facet::kRegion, {schema::kRegionSlot}},
      {Facet::kCountry, {schema::kCountrySlot}},
      {Facet::kOrganisation, {schema::kOrganisationSlot}},
      {Facet::kYear, {schema::kYearSlot}},
      {Facet::kTopic, {10, 11, 12, 13}},
      {Facet::kValue, {14, 15, 16, 17, 18, 19}},
      {Facet::kConcept, {20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}},
  };
  static_assert(schema::kFirstTopicSlot == 10 && schema::kMaxTopics == 4);
  static_assert(schema::kFirstValueSlot == 14 && schema::kMaxValues == 6);
  static_assert(schema::kFirstConceptSlot == 20 && schema::kMaxConceptSlots == 12);
  for (const auto& [facet, slots] : kLayout) {
    SlotSpies entry{facet, {}};
    for (Xapian::valueno slot : slots) {
      owned_.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slot));
      entry.spies.push_back(owned_.back().get());
    }
    facets_.push_back(std::move(entry));
  }
}

void FacetCounter::attach(Xapian::Enquire& enquire) {
  for (const auto& spy : owned_) enquire.add_matchspy(spy.get());
}

std::vector<FacetCounts> FacetCounter::counts(const SearchRequest& request) const {
  std::vector<FacetCounts> out;
  for (const SlotSpies& entry : facets_) {
    std::map<std::string, uint64_t> totals;
    for (const Xapian::ValueCountMatchSpy* spy : entry.spies) {
      for (auto value = spy->values_begin(); value != spy->values_end(); ++value) {
        if (!(*value).empty()) totals[*value] += value.get_termfreq();
      }
    }
    FacetCounts counts{entry.facet, {}};
    const auto selected = request.filters.find(entry.facet);
    for (const auto& [value, count] : totals) {
      const bool is_selected = selected != request.filters.end() &&
                               std::find(selected->second.begin(), selected->second.end(), value) !=
                                   selected->second.end();
      counts.values.push_back({value, count, is_selected});
    }
    std::stable_sort(counts.values.begin(), counts.values.end(),
                     [&](const FacetValueCount& a, const FacetValueCount& b) {
                       if (entry.facet == schema::Facet::kYear) return a.value > b.value;
                       return a.count > b.count;
                     });
    out.push_back(std::move(counts));
  }
  return out;
}

}  // namespace jil::search
