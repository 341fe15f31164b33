// Implementation of title_key_maker.h.
#include "search/title_key_maker.h"

#include "schema/collation_key.h"
#include "schema/value_slots.h"

namespace jil::search {

Result<std::unique_ptr<TitleKeyMaker>> TitleKeyMaker::create(analysis::Language language) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale(std::string(analysis::language_code(language)).c_str());
  std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(locale, status));
  if (U_FAILURE(status)) {
    return Status(StatusCode::kInternal, std::string("ICU collator: ") + u_errorName(status));
  }
  return std::unique_ptr<TitleKeyMaker>(new TitleKeyMaker(std::move(collator)));
}

std::string TitleKeyMaker::key(const std::string& title) const {
  return schema::collation_key(*collator_, title);
}

void TitleKeyMaker::sort_works_by_version_in(const Xapian::Database& database,
                                             const WorkTable& works, analysis::Language language) {
  database_ = &database;
  works_ = &works;
  home_code_ = std::string(analysis::language_code(language));
}

std::string TitleKeyMaker::shown_title(const Xapian::Document& document) const {
  // The title as text has its own slot (kTitleSortSlot holds the root key, which cannot be
  // turned back into text); reading it costs far less than parsing the stored record.
  if (works_ != nullptr && works_->language_of(document.get_docid()) != home_code_) {
    const auto work = works_->works().find(document.get_value(schema::kWorkSlot));
    if (work != works_->works().end()) {
      for (const Xapian::docid version : work->second) {
        if (works_->language_of(version) == home_code_) {
          return database_->get_document(version, Xapian::DOC_ASSUME_VALID)
              .get_value(schema::kTitleTextSlot);
        }
      }
    }
  }
  return document.get_value(schema::kTitleTextSlot);
}

std::string TitleKeyMaker::operator()(const Xapian::Document& document) const {
  const std::string title = shown_title(document);
  return title.empty() ? std::string() : key(title);
}

}  // namespace jil::search
