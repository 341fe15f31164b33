// The facet selections of a search checked on FacetColumns inside the counting pass, so that one
// match of the query without its selections gives the ranked results, the facet counts and the
// counts of each selected facet without its own selection (disjunctive facets). Before, each
// selected facet cost a second full match (FacetCounter::count_selected_apart): for the usual
// search with a language filter, half of a broad query's CPU.
//
// Only single-valued facets whose column holds what the filter terms say can be checked this way;
// FoldableFacets verifies that per index revision by comparing each filter term's document count
// with the column's, and a search selecting any other facet keeps the filter terms and the second
// matches.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include "schema/vocabulary.h"
#include "search/facet_columns.h"
#include "search/search_request.h"

namespace jil::search {

// Which single-valued facets' columns equal their filter terms, per index revision.
class FoldableFacets {
 public:
  // Checks again when `revision` differs from the one last checked. `columns` must be fresh.
  void refresh(const Xapian::Database& database, uint64_t revision, const FacetColumns& columns);
  // Checks `columns`, which hold `revision`, against `database`'s terms.
  void check(const Xapian::Database& database, uint64_t revision, const FacetColumns& columns);
  bool foldable(schema::Facet facet) const { return foldable_.count(facet) > 0; }

 private:
  std::set<schema::Facet> foldable_;
  uint64_t revision_ = 0;
  bool checked_ = false;
};

class ColumnFilter : public Xapian::MatchSpy {
 public:
  // Null when the request selects nothing, or a facet that is not foldable.
  static std::unique_ptr<ColumnFilter> create(const FacetColumns& columns,
                                              const FoldableFacets& foldable,
                                              const SearchRequest& request);

  // `spy` sees the matches that pass every selection.
  void feed_passing(Xapian::MatchSpy* spy) { passing_.push_back(spy); }
  // `spy` sees the matches that pass every selection but `facet`'s own (and those passing all).
  void feed_passing_all_but(schema::Facet facet, Xapian::MatchSpy* spy);

  void operator()(const Xapian::Document& document, double weight) override;

 private:
  struct Selection {
    schema::Facet facet;
    uint32_t column;
    std::vector<bool> accepted;  // by value code
    std::vector<Xapian::MatchSpy*> apart;
  };
  explicit ColumnFilter(const FacetColumns& columns) : columns_(columns) {}

  const FacetColumns& columns_;
  std::vector<Selection> selections_;
  std::vector<Xapian::MatchSpy*> passing_;
};

}  // namespace jil::search
