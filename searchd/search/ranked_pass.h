// The counting pass of a relevance-ranked search on a local index: one match that checks every
// matching document, ranks it (RankedWorks) and counts the facets (FacetCounter), the selections
// checked on the facet columns when they can be (ColumnFilter), each selected facet counted
// without its own selection. It can be limited to one part of the document ids (docid_chunks.h);
// the passes of every part, merged, give what the pass of the whole gives (search_helper.h).
#pragma once

#include <xapian.h>

#include <memory>
#include <vector>

#include "search/column_filter.h"
#include "search/facet_counter.h"
#include "search/local_tables.h"
#include "search/ranked_works.h"
#include "search/search_request.h"

namespace jil::search {

class RankedPass {
 public:
  // `tables` (at the revision of the database the pass will run on) and `request` must outlive
  // the pass. `collapse`: one result per work, each naming its version in the request's home
  // language (RankedMatch::shown); `wanted`: offset + size of the page; `scratch`: RankedWorks'
  // per-thread scratch.
  RankedPass(const LocalTables& tables, const SearchRequest& request, bool collapse, size_t wanted,
             RankedScratch& scratch);

  // Matches `unfiltered` when the selections are checked on the columns, else `query`, over
  // `database`; only the documents of `part` when it is not null.
  void run(const Xapian::Database& database, const Xapian::Query& query,
           const Xapian::Query& unfiltered, const Xapian::PostingSource* part);
  // Takes in what the pass `other`, made alike and run over other documents, saw.
  void merge(const RankedPass& other);

  RankedWorks& works() { return *works_; }
  FacetCounter& facets() { return facets_; }
  // Per selected facet, its counts without its own selection; empty when the selections could
  // not be checked on the columns (FacetCounter::count_selected_apart counts them then).
  std::vector<std::unique_ptr<FacetCounter>>& counted_apart() { return counted_apart_; }

 private:
  FacetCounter facets_;
  std::unique_ptr<RankedWorks> works_;
  std::unique_ptr<ColumnFilter> filter_;  // null: the query's filter terms select
  std::vector<std::unique_ptr<FacetCounter>> counted_apart_;
};

}  // namespace jil::search
