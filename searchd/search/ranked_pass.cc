// Implementation of ranked_pass.h (before, the body of Searcher::run_search's relevance branch).
#include "search/ranked_pass.h"

namespace jil::search {

RankedPass::RankedPass(const LocalTables& tables, const SearchRequest& request, bool collapse,
                       size_t wanted, RankedScratch& scratch)
    : facets_(&tables.columns()),
      works_(std::make_unique<RankedWorks>(tables.columns(), collapse, wanted, scratch,
                                           request.home_language == analysis::Language::kUnd
                                               ? std::string_view()
                                               : analysis::language_code(request.home_language))),
      filter_(ColumnFilter::create(tables.columns(), tables.foldable(), request)) {
  if (!filter_) return;
  filter_->feed_passing(facets_.column_spy());
  filter_->feed_passing(works_.get());
  for (const auto& [facet, values] : request.filters) {
    if (values.empty()) continue;
    counted_apart_.push_back(std::make_unique<FacetCounter>(&tables.columns(), facet));
    filter_->feed_passing_all_but(facet, counted_apart_.back()->column_spy());
  }
}

void RankedPass::run(const Xapian::Database& database, const Xapian::Query& query,
                     const Xapian::Query& unfiltered, const Xapian::PostingSource* part) {
  Xapian::Query matched = filter_ ? unfiltered : query;
  if (part != nullptr) {
    // The query holds its own copy of the source, which Xapian positions as it matches.
    matched =
        Xapian::Query(Xapian::Query::OP_FILTER, matched, Xapian::Query(part->clone()->release()));
  }
  Xapian::Enquire enquire(database);
  enquire.set_query(matched);
  if (filter_) {
    enquire.add_matchspy(filter_.get());
  } else {
    facets_.attach(enquire);
    enquire.add_matchspy(works_.get());
  }
  enquire.get_mset(0, 0, database.get_doccount());  // every match checked: exact counts
}

void RankedPass::merge(const RankedPass& other) {
  facets_.add(other.facets_);
  works_->merge(*other.works_);
  for (size_t index = 0; index < counted_apart_.size() && index < other.counted_apart_.size();
       ++index) {
    counted_apart_[index]->add(*other.counted_apart_[index]);
  }
}

}  // namespace jil::search
