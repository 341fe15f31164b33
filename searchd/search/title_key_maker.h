// Sorting by title in the reader's language: a Xapian KeyMaker that computes the ICU collation
// key of each match's title for one locale (Spanish ñ after n, Chinese by pinyin, ...). Xapian
// calls it for every match, so the whole result list is in that order, not only the page.
// KeyMakers run where the match runs: over remote shards (not used today) the search would
// have to fall back to the root collation key stored in schema::kTitleSortSlot.
// When translations collapse, a work is shown in the reader's language: every version of a work
// that has one then sorts by that version's title, so that the list is in the order of the
// titles it shows (Xapian keeps each work's first version in sort order).
#pragma once

#include <unicode/coll.h>
#include <xapian.h>

#include <memory>
#include <string>

#include "analysis/language.h"
#include "base/status.h"
#include "search/work_table.h"

namespace jil::search {

class TitleKeyMaker : public Xapian::KeyMaker {
 public:
  // kInternal when ICU has no collator for `language`.
  static Result<std::unique_ptr<TitleKeyMaker>> create(analysis::Language language);

  // Sort every version of a work by the title of its version in `language` where it has one.
  // `database` and `works` (at the revision of `database`) must outlive the get_mset.
  void sort_works_by_version_in(const Xapian::Database& database, const WorkTable& works,
                                analysis::Language language);

  // The collation key of the document's title (value slot schema::kTitleTextSlot), or of the
  // title of its work's version in the reader's language (above).
  std::string operator()(const Xapian::Document& document) const override;
  // The collation key of `title`, without its trailing NUL.
  std::string key(const std::string& title) const;

 private:
  explicit TitleKeyMaker(std::unique_ptr<icu::Collator> collator)
      : collator_(std::move(collator)) {}

  // The title the list shows for `document`: its work's version in home_code_'s language, if any.
  std::string shown_title(const Xapian::Document& document) const;

  std::unique_ptr<icu::Collator> collator_;
  const Xapian::Database* database_ = nullptr;
  const WorkTable* works_ = nullptr;
  std::string home_code_;
};

}  // namespace jil::search
