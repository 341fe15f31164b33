// Counts facet values over all matching documents with Xapian's ValueCountMatchSpy (one per
// value slot; multi-valued facets sum several slots), which also works over remote shards.
// Counts are disjunctive: a facet with a selection is counted by a FacetCounter made for that
// facet alone, attached to a second match that applies every filter but that facet's own.
#pragma once

#include <xapian.h>

#include <memory>
#include <vector>

#include "search/search_request.h"

namespace jil::search {

class FacetCounter {
 public:
  FacetCounter();
  // Counts only `facet` (for the match without that facet's own filter).
  explicit FacetCounter(schema::Facet facet);
  // Registers the spies; call before Enquire::get_mset.
  void attach(Xapian::Enquire& enquire);
  // Counts after the match, with the request's selected values marked.
  std::vector<FacetCounts> counts(const SearchRequest& request) const;
  // Counts for the facets of `request` that have a selection, each from a match of `query`
  // filtered by every other facet's selection; replaces those facets' entries in `counts`.
  static void count_selected_apart(Xapian::Database& database, const Xapian::Query& query,
                                   const SearchRequest& request, std::vector<FacetCounts>& counts);

 private:
  struct SlotSpies {
    schema::Facet facet;
    std::vector<Xapian::ValueCountMatchSpy*> spies;  // owned by `owned_`
  };
  std::vector<SlotSpies> facets_;
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> owned_;
};

}  // namespace jil::search
