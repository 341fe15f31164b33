// Translations collapse into one result per work. A relevance-sorted search on a local index
// ranks and collapses with RankedWorks (ranked_works.h); other orders and remote shards use what
// this class sets up: Xapian collapses on the work id (value slot kWorkSlot), a count of the
// matches' values of the same slot makes the number of works exact (Xapian only estimates it when
// collapsing; FacetColumns' work column counts it on a local index, a ValueCountMatchSpy over
// remote shards), and each result is shown in the reader's language when that version matches the
// query too, else as its best-ranked version, with links to the others. Facet spies see every
// document before collapsing: facet counts stay per document.
#pragma once

#include <xapian.h>

#include <memory>
#include <vector>

#include "schema/value_slots.h"
#include "search/facet_columns.h"
#include "search/search_request.h"

namespace jil::search {

class TranslationCollapse {
 public:
  // `columns` (may be null: remote shards) must hold kWorkSlot and outlive this object.
  TranslationCollapse(const SearchRequest& request, const FacetColumns* columns);

  bool enabled() const { return enabled_; }
  // Sets the collapse key and the work counter on `enquire` (nothing when not collapsing). This
  // object must outlive the enquire's get_mset().
  void attach(Xapian::Enquire& enquire);
  // Number of works among all the matches (each document without a work counts as one).
  uint64_t total_works() const;
  // The version to show for a collapsed match `best`: the reader's language version of the same
  // work when it matches `query` too, else `best`.
  Xapian::Document shown_version(const Xapian::Database& database, const Xapian::Query& query,
                                 const Xapian::Document& best) const;
  // The other language versions of `shown`'s work (id, language, title), by language.
  static std::vector<WorkVersion> other_versions(const Xapian::Database& database,
                                                 const Xapian::Document& shown);

 private:
  bool enabled_;
  analysis::Language home_;
  std::unique_ptr<ColumnCountSpy> column_works_;         // local indexes
  Xapian::ValueCountMatchSpy works_{schema::kWorkSlot};  // remote shards
};

}  // namespace jil::search
