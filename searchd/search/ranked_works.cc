// Implementation of ranked_works.h.
#include "search/ranked_works.h"

#include <algorithm>

#include "schema/value_slots.h"

namespace jil::search {
namespace {

// Xapian's relevance order (MSetCmp with docids ascending): higher weight first, then lower id.
bool ranks_before(const RankedMatch& a, const RankedMatch& b) {
  if (a.weight != b.weight) return a.weight > b.weight;
  return a.docid < b.docid;
}

}  // namespace

RankedWorks::RankedWorks(const FacetColumns& columns, bool collapse, size_t wanted,
                         RankedScratch& scratch, std::string_view home)
    : columns_(columns),
      work_column_(columns.column_of(schema::kWorkSlot)),
      collapse_(collapse && work_column_ != FacetColumns::kNoColumn),
      wanted_(wanted),
      language_column_(columns.column_of(schema::kLanguageSlot)),
      best_of_work_(scratch.best_of_work),
      best_at_home_(scratch.best_at_home) {
  const size_t works = collapse_ ? columns_.values(work_column_).size() : 0;
  if (best_of_work_.size() < works) best_of_work_.resize(works);  // new entries are zero
  if (collapse_ && !home.empty() && language_column_ != FacetColumns::kNoColumn) {
    home_code_ = columns_.code_of_value(language_column_, home);
    if (home_code_ != 0 && best_at_home_.size() < works) best_at_home_.resize(works);
  }
  singles_.reserve(wanted_ + 1);
}

RankedWorks::~RankedWorks() {
  for (uint32_t work : matched_works_) {
    best_of_work_[work] = RankedMatch{};
    if (home_code_ != 0) best_at_home_[work] = RankedMatch{};
  }
}

void RankedWorks::keep_single(const RankedMatch& match) {
  if (wanted_ == 0) return;
  // A heap whose front is the worst kept result.
  if (singles_.size() == wanted_) {
    if (!ranks_before(match, singles_.front())) return;
    std::pop_heap(singles_.begin(), singles_.end(), ranks_before);
    singles_.back() = match;
  } else {
    singles_.push_back(match);
  }
  std::push_heap(singles_.begin(), singles_.end(), ranks_before);
}

void RankedWorks::operator()(const Xapian::Document& document, double weight) {
  const RankedMatch match{document.get_docid(), 0, weight};
  const uint32_t* row = collapse_ ? columns_.row(match.docid) : nullptr;
  const uint32_t work = row != nullptr ? row[work_column_] : 0;
  if (work == 0) {  // not collapsing, or a document without a work
    ++singles_seen_;
    keep_single(match);
    return;
  }
  keep_best_of_work(work, match);
  if (home_code_ != 0 && row[language_column_] == home_code_) keep_best_at_home(work, match);
}

void RankedWorks::keep_best_of_work(uint32_t work, const RankedMatch& match) {
  RankedMatch& best = best_of_work_[work];
  if (best.docid == 0) {
    matched_works_.push_back(work);
    best = match;
  } else if (ranks_before(match, best)) {
    best = match;
  }
}

void RankedWorks::keep_best_at_home(uint32_t work, const RankedMatch& match) {
  RankedMatch& best = best_at_home_[work];
  if (best.docid == 0 || ranks_before(match, best)) best = match;
}

void RankedWorks::merge(const RankedWorks& other) {
  singles_seen_ += other.singles_seen_;
  for (const RankedMatch& single : other.singles_) keep_single(single);
  for (uint32_t work : other.matched_works_) {
    keep_best_of_work(work, other.best_of_work_[work]);
    if (home_code_ != 0 && other.best_at_home_[work].docid != 0) {
      keep_best_at_home(work, other.best_at_home_[work]);
    }
  }
}

std::vector<RankedMatch> RankedWorks::page(size_t offset, size_t count) const {
  std::vector<RankedMatch> ranked = singles_;
  for (uint32_t work : matched_works_) {
    RankedMatch best = best_of_work_[work];
    if (home_code_ != 0 && best_at_home_[work].docid != best.docid) {
      best.shown = best_at_home_[work].docid;  // 0 when no version in that language matched
    }
    ranked.push_back(best);
  }
  const size_t end = std::min(ranked.size(), std::min(offset + count, wanted_));
  if (offset >= end) return {};
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(end), ranked.end(),
                    ranks_before);
  return {ranked.begin() + static_cast<std::ptrdiff_t>(offset),
          ranked.begin() + static_cast<std::ptrdiff_t>(end)};
}

}  // namespace jil::search
