// Ranks a relevance-sorted match on a local index in the pass that counts its facets: a MatchSpy
// sees every match with its weight (the search checks every match for exact counts), keeps the
// best-weighted version of each work (FacetColumns' work column) and the best documents that have
// no work, and returns a page in Xapian's own order: weight descending, then document id
// ascending. It replaces Xapian's collapse key, which read and hashed each match's work value
// from the value stream (a quarter of a broad query's CPU at 200,000 documents), and counts the
// works exactly on the way.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "search/facet_columns.h"

namespace jil::search {

struct RankedMatch {
  Xapian::docid docid = 0;
  // When collapsing for a reader (a home language): the best-ranked version of the match's work
  // in the reader's language, to be shown in its place; 0 to show `docid` itself.
  Xapian::docid shown = 0;
  double weight = 0;
};

// RankedWorks' scratch, kept by the caller from one search to the next (one per thread), so that
// a search neither allocates nor clears an entry per work of the index (4 % of a search's CPU at
// 200,000 documents): by work code, all zero between searches.
struct RankedScratch {
  std::vector<RankedMatch> best_of_work;  // docid 0: no version matched yet
  std::vector<RankedMatch> best_at_home;  // the same among the versions in the reader's language
};

class RankedWorks : public Xapian::MatchSpy {
 public:
  // `columns` must hold kWorkSlot (and kLanguageSlot for `home`) and outlive this object.
  // `collapse`: one result per work (a document without a work is a result of its own);
  // otherwise one per document. `wanted`: the number of leading results a page can ask for
  // (offset + size). `scratch`: all zero; the entries this object uses are zero again when it is
  // destroyed. `home`: the reader's language code; when collapsing, each work also keeps its
  // best-ranked version in that language, which page() names as the version shown (what
  // TranslationCollapse::shown_version finds with one more match per result).
  RankedWorks(const FacetColumns& columns, bool collapse, size_t wanted, RankedScratch& scratch,
              std::string_view home = {});
  ~RankedWorks() override;
  RankedWorks(const RankedWorks&) = delete;
  RankedWorks& operator=(const RankedWorks&) = delete;

  void operator()(const Xapian::Document& document, double weight) override;

  // Results [offset, offset + count) of the ranking (offset + count at most `wanted`).
  std::vector<RankedMatch> page(size_t offset, size_t count) const;
  // Takes in the matches `other` saw (another part of the match, search_helper.h): afterwards this
  // ranks and counts as if it had seen them itself. Both must have been made alike.
  void merge(const RankedWorks& other);
  // Results in all: works (plus documents without one) when collapsing, else documents.
  uint64_t total() const { return singles_seen_ + matched_works_.size(); }

 private:
  void keep_single(const RankedMatch& match);
  void keep_best_of_work(uint32_t work, const RankedMatch& match);
  void keep_best_at_home(uint32_t work, const RankedMatch& match);

  const FacetColumns& columns_;
  uint32_t work_column_;
  bool collapse_;
  size_t wanted_;
  uint32_t language_column_;
  uint32_t home_code_ = 0;  // the reader's language's code in language_column_; 0: none
  std::vector<RankedMatch>& best_of_work_;  // by work code; docid 0: no version matched yet
  std::vector<RankedMatch>& best_at_home_;  // by work code, when home_code_ is not 0
  std::vector<uint32_t> matched_works_;     // codes with a version in best_of_work_
  std::vector<RankedMatch> singles_;        // heap of the best `wanted_` results without a work
  uint64_t singles_seen_ = 0;  // matches without a work (every match when not collapsing)
};

}  // namespace jil::search
