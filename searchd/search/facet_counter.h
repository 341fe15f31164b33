// Counts facet values over all matching documents (multi-valued facets sum several slots): on a
// local index with FacetColumns' ColumnCountSpy, over remote shards with Xapian's
// ValueCountMatchSpy (one per slot), which xapian-tcpsrv knows.
// Counts are disjunctive: a facet with a selection is counted by a FacetCounter made for that
// facet alone, attached to a second match that applies every filter but that facet's own.
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "search/facet_columns.h"
#include "search/search_request.h"

namespace jil::search {

class FacetCounter {
 public:
  // `columns`: the local index's facet columns, or nullptr (remote shards).
  explicit FacetCounter(const FacetColumns* columns);
  // Counts only `facet` (for the match without that facet's own filter).
  FacetCounter(const FacetColumns* columns, schema::Facet facet);
  // Every slot a facet is counted from (what FacetColumns must hold).
  static std::vector<Xapian::valueno> all_slots();
  // The slots `facet` is stored in (one for a single-valued facet).
  static const std::vector<Xapian::valueno>& slots_of(schema::Facet facet);
  // Replaces the entry of `fresh.facet` in `counts` with `fresh`.
  static void replace_counts(std::vector<FacetCounts>& counts, FacetCounts fresh);
  // Registers the spies; call before Enquire::get_mset.
  void attach(Xapian::Enquire& enquire);
  // The one spy that counts every facet on a local index (to feed through a ColumnFilter);
  // null over remote shards.
  Xapian::MatchSpy* column_spy() const { return column_spy_.get(); }
  // Adds the counts of `other`, made alike over other documents (local index only).
  void add(const FacetCounter& other);
  // Counts after the match, with the request's selected values marked; a selected value that
  // no match has is listed with a count of 0.
  std::vector<FacetCounts> counts(const SearchRequest& request) const;
  // Counts for the facets of `request` that have a selection, each from a match of `query`
  // filtered by every other facet's selection; replaces those facets' entries in `counts`.
  static void count_selected_apart(Xapian::Database& database, const FacetColumns* columns,
                                   const Xapian::Query& query, const SearchRequest& request,
                                   std::vector<FacetCounts>& counts);

 private:
  struct FacetSlots {
    schema::Facet facet;
    std::vector<Xapian::valueno> slots;
  };
  FacetCounter(const FacetColumns* columns, std::optional<schema::Facet> only);
  std::map<std::string, uint64_t> slot_counts(Xapian::valueno slot) const;

  std::vector<FacetSlots> facets_;
  std::unique_ptr<ColumnCountSpy> column_spy_;  // local index
  std::map<Xapian::valueno, std::unique_ptr<Xapian::ValueCountMatchSpy>> value_spies_;  // remote
};

}  // namespace jil::search
