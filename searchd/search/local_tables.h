// The per-revision tables of a local index (FacetColumns, WorkTable, FoldableFacets), kept at the
// revision of the search thread's Xapian handle. Read whole the first time; after a commit, only
// the documents that the commits since changed are read again, when every one of those commits
// listed them (schema/changed_documents.h), else the tables are read whole as at the start. Both
// ways give the same answers. One per search thread; not thread-safe.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

#include "search/column_filter.h"
#include "search/facet_columns.h"
#include "search/work_table.h"

namespace jil::search {

class LocalTables {
 public:
  enum class Refresh { kNone, kWhole, kChanges };

  // The value slots searchd's FacetColumns hold: the facets' and the work id
  // (translation_collapse.h).
  static const std::vector<Xapian::valueno>& column_slots();

  // Brings the tables to the revision `database` has open (call after its reopen, inside the
  // request's retry: Xapian errors propagate and leave the tables to be read whole next time).
  // `slots`: the value slots FacetColumns holds; always the same ones.
  void refresh(const Xapian::Database& database, const std::vector<Xapian::valueno>& slots);

  const FacetColumns& columns() const { return columns_; }
  const WorkTable& works() const { return works_; }
  const FoldableFacets& foldable() const { return foldable_; }
  // What the last refresh that found a new revision did (tests and figures).
  Refresh last_refresh() const { return last_refresh_; }

 private:
  FacetColumns columns_;
  WorkTable works_;
  FoldableFacets foldable_;
  std::string database_uuid_;  // of the revision the tables hold
  uint64_t revision_ = 0;
  bool loaded_ = false;
  Refresh last_refresh_ = Refresh::kNone;
};

}  // namespace jil::search
