// Counts facet values over all matching documents with Xapian's ValueCountMatchSpy (one per
// value slot; multi-valued facets sum several slots), which also works over remote shards.
#pragma once

#include <xapian.h>

#include <memory>
#include <vector>

#include "search/search_request.h"

namespace jil::search {

class FacetCounter {
 public:
  FacetCounter();
  // Registers the spies; call before Enquire::get_mset.
  void attach(Xapian::Enquire& enquire);
  // Counts after the match, with the request's selected values marked.
  std::vector<FacetCounts> counts(const SearchRequest& request) const;

 private:
  struct SlotSpies {
    schema::Facet facet;
    std::vector<Xapian::ValueCountMatchSpy*> spies;  // owned by `owned_`
  };
  std::vector<SlotSpies> facets_;
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> owned_;
};

}  // namespace jil::search
