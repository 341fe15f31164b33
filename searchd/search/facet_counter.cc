// Implementation of facet_counter.h.
#include "search/facet_counter.h"

#include <algorithm>
#include <map>
#include <optional>

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

void FacetCounter::count_selected_apart(Xapian::Database& database, const FacetColumns* columns,
                                        const Xapian::Query& query, const SearchRequest& request,
                                        std::vector<FacetCounts>& counts) {
  for (const auto& [facet, values] : request.filters) {
    if (values.empty()) continue;
    Xapian::Query others = filters_except(request, facet);
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, others));
    enquire.set_weighting_scheme(Xapian::BoolWeight());  // only counted: no ranking needed
    FacetCounter own(columns, facet);
    own.attach(enquire);
    enquire.get_mset(0, 0, database.get_doccount());  // no hits, every match counted
    std::vector<FacetCounts> fresh = own.counts(request);
    if (!fresh.empty()) replace_counts(counts, std::move(fresh.front()));
  }
}

namespace {

using schema::Facet;
// Where each facet is stored (indexer/schema/value_slots.h).
const std::vector<std::pair<Facet, std::vector<Xapian::valueno>>>& layout() {
  static_assert(schema::kFirstTopicSlot == 10 && schema::kMaxTopics == 4);
  static_assert(schema::kFirstValueSlot == 14 && schema::kMaxValues == 6);
  static_assert(schema::kFirstConceptSlot == 20 && schema::kMaxConceptSlots == 12);
  static const std::vector<std::pair<Facet, std::vector<Xapian::valueno>>> slots = {
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
  return slots;
}

}  // namespace

const std::vector<Xapian::valueno>& FacetCounter::slots_of(schema::Facet facet) {
  for (const auto& [known, slots] : layout()) {
    if (known == facet) return slots;
  }
  static const std::vector<Xapian::valueno> none;
  return none;
}

void FacetCounter::replace_counts(std::vector<FacetCounts>& counts, FacetCounts fresh) {
  for (FacetCounts& entry : counts) {
    if (entry.facet == fresh.facet) entry = std::move(fresh);
  }
}

std::vector<Xapian::valueno> FacetCounter::all_slots() {
  std::vector<Xapian::valueno> out;
  for (const auto& [facet, slots] : layout()) out.insert(out.end(), slots.begin(), slots.end());
  return out;
}

FacetCounter::FacetCounter(const FacetColumns* columns) : FacetCounter(columns, std::nullopt) {}

FacetCounter::FacetCounter(const FacetColumns* columns, schema::Facet facet)
    : FacetCounter(columns, std::optional<schema::Facet>(facet)) {}

FacetCounter::FacetCounter(const FacetColumns* columns, std::optional<schema::Facet> only) {
  std::vector<Xapian::valueno> slots;
  for (const auto& [facet, facet_slots] : layout()) {
    if (only && facet != *only) continue;
    facets_.push_back({facet, facet_slots});
    slots.insert(slots.end(), facet_slots.begin(), facet_slots.end());
  }
  if (columns != nullptr) {
    column_spy_ = std::make_unique<ColumnCountSpy>(*columns, std::move(slots));
  } else {
    for (Xapian::valueno slot : slots) {
      value_spies_[slot] = std::make_unique<Xapian::ValueCountMatchSpy>(slot);
    }
  }
}

void FacetCounter::attach(Xapian::Enquire& enquire) {
  if (column_spy_) enquire.add_matchspy(column_spy_.get());
  for (const auto& [slot, spy] : value_spies_) enquire.add_matchspy(spy.get());
}

void FacetCounter::add(const FacetCounter& other) {
  JIL_CHECK(column_spy_ != nullptr && other.column_spy_ != nullptr);
  column_spy_->add(*other.column_spy_);
}

std::map<std::string, uint64_t> FacetCounter::slot_counts(Xapian::valueno slot) const {
  if (column_spy_) return column_spy_->counts(slot);
  std::map<std::string, uint64_t> out;
  const Xapian::ValueCountMatchSpy& spy = *value_spies_.at(slot);
  for (auto value = spy.values_begin(); value != spy.values_end(); ++value) {
    if (!(*value).empty()) out[*value] += value.get_termfreq();
  }
  return out;
}

std::vector<FacetCounts> FacetCounter::counts(const SearchRequest& request) const {
  std::vector<FacetCounts> out;
  for (const FacetSlots& entry : facets_) {
    FacetCounts counts{entry.facet, {}};
    if (column_spy_) {
      column_spy_->add_counts(entry.slots, counts.values);
    } else {
      std::map<std::string, uint64_t> totals;
      for (Xapian::valueno slot : entry.slots) {
        for (const auto& [value, count] : slot_counts(slot)) totals[value] += count;
      }
      for (const auto& [value, count] : totals) counts.values.push_back({value, count, false});
    }
    const auto selected = request.filters.find(entry.facet);
    if (selected != request.filters.end()) {
      for (FacetValueCount& value : counts.values) {
        value.selected = std::find(selected->second.begin(), selected->second.end(), value.value) !=
                         selected->second.end();
      }
      // A selection no match has stays listed (count 0), so it can be seen and removed.
      for (const std::string& chosen : selected->second) {
        const bool listed =
            std::any_of(counts.values.begin(), counts.values.end(),
                        [&](const FacetValueCount& counted) { return counted.value == chosen; });
        if (!listed) counts.values.push_back({chosen, 0, true});
      }
    }
    // Values are distinct: years newest first, the others by count, equal counts by value.
    std::sort(counts.values.begin(), counts.values.end(),
              [&](const FacetValueCount& a, const FacetValueCount& b) {
                if (entry.facet == schema::Facet::kYear) return a.value > b.value;
                return a.count != b.count ? a.count > b.count : a.value < b.value;
              });
    out.push_back(std::move(counts));
  }
  return out;
}

}  // namespace jil::search
