// Sorting by title in the reader's language: a Xapian KeyMaker that computes the ICU collation
// key of each match's title for one locale (Spanish ñ after n, Chinese by pinyin, ...). Xapian
// calls it for every match, so the whole result list is in that order, not only the page.
// KeyMakers run where the match runs: over remote shards (not used today) the search would
// have to fall back to the root collation key stored in schema::kTitleSortSlot.
#pragma once

#include <unicode/coll.h>
#include <xapian.h>

#include <memory>
#include <string>

#include "analysis/language.h"
#include "base/status.h"

namespace jil::search {

class TitleKeyMaker : public Xapian::KeyMaker {
 public:
  // kInternal when ICU has no collator for `language`.
  static Result<std::unique_ptr<TitleKeyMaker>> create(analysis::Language language);

  // The collation key of the document's title (value slot schema::kTitleTextSlot).
  std::string operator()(const Xapian::Document& document) const override;
  // The collation key of `title`, without its trailing NUL.
  std::string key(const std::string& title) const;

 private:
  explicit TitleKeyMaker(std::unique_ptr<icu::Collator> collator)
      : collator_(std::move(collator)) {}

  std::unique_ptr<icu::Collator> collator_;
};

}  // namespace jil::search
