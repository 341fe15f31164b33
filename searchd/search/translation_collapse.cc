// Implementation of translation_collapse.h.
#include "search/translation_collapse.h"

#include <algorithm>

#include "schema/filter_terms.h"
#include "schema/prefixes.h"
#include "schema/value_slots.h"

namespace jil::search {
namespace {

// The id of a document: its Q term.
std::string document_id(const Xapian::Document& document) {
  Xapian::TermIterator term = document.termlist_begin();
  term.skip_to(std::string(schema::kIdPrefix));
  if (term == document.termlist_end() || !(*term).starts_with(schema::kIdPrefix)) return "";
  return (*term).substr(schema::kIdPrefix.size());
}

}  // namespace

TranslationCollapse::TranslationCollapse(const SearchRequest& request, const FacetColumns* columns)
    : enabled_(request.collapse_translations), home_(request.home_language) {
  if (enabled_ && columns != nullptr) {
    column_works_ =
        std::make_unique<ColumnCountSpy>(*columns, std::vector<Xapian::valueno>{schema::kWorkSlot});
  }
}

void TranslationCollapse::attach(Xapian::Enquire& enquire) {
  if (!enabled_) return;
  enquire.set_collapse_key(schema::kWorkSlot);
  if (column_works_) {
    enquire.add_matchspy(column_works_.get());
  } else {
    enquire.add_matchspy(&works_);
  }
}

uint64_t TranslationCollapse::total_works() const {
  if (column_works_) {
    const std::span<const uint64_t> tallies = column_works_->tallies(0);
    uint64_t works = 0;  // codes 1.. are works; code 0 is "no work": each such match counts
    for (size_t code = 1; code < tallies.size(); ++code) works += tallies[code] > 0;
    return works + tallies[0];
  }
  uint64_t works = 0;
  uint64_t with_work = 0;
  for (auto value = works_.values_begin(); value != works_.values_end(); ++value) {
    ++works;
    with_work += value.get_termfreq();
  }
  // Documents with an empty work value are not collapsed: each is a result of its own.
  return works + (works_.get_total() - with_work);
}

Xapian::Document TranslationCollapse::shown_version(const Xapian::Database& database,
                                                    const Xapian::Query& query,
                                                    const Xapian::Document& best) const {
  if (home_ == analysis::Language::kUnd) return best;
  const std::string home(analysis::language_code(home_));
  const std::string work = best.get_value(schema::kWorkSlot);
  if (work.empty() || best.get_value(schema::kLanguageSlot) == home) return best;
  const Xapian::Query version(Xapian::Query::OP_AND,
                              Xapian::Query(schema::term(schema::kWorkPrefix, work)),
                              Xapian::Query(schema::filter_term(schema::Facet::kLanguage, home)));
  Xapian::Enquire enquire(database);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, version));
  const Xapian::MSet found = enquire.get_mset(0, 1);
  return found.empty() ? best : found.begin().get_document();
}

std::vector<WorkVersion> TranslationCollapse::other_versions(const Xapian::Database& database,
                                                             const Xapian::Document& shown) {
  std::vector<WorkVersion> versions;
  const std::string work = shown.get_value(schema::kWorkSlot);
  if (work.empty()) return versions;
  const std::string work_term = schema::term(schema::kWorkPrefix, work);
  for (auto posting = database.postlist_begin(work_term);
       posting != database.postlist_end(work_term); ++posting) {
    if (*posting == shown.get_docid()) continue;
    const Xapian::Document version = database.get_document(*posting);
    versions.push_back({document_id(version), version.get_value(schema::kLanguageSlot),
                        version.get_value(schema::kTitleTextSlot)});
  }
  std::sort(versions.begin(), versions.end(),
            [](const WorkVersion& a, const WorkVersion& b) { return a.language < b.language; });
  return versions;
}

}  // namespace jil::search
