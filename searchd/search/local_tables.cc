// Implementation of local_tables.h.
#include "search/local_tables.h"

#include <algorithm>
#include <optional>

#include "schema/changed_documents.h"
#include "schema/value_slots.h"
#include "search/facet_counter.h"

namespace jil::search {
namespace {

// Changed documents are read one by one only while they are at most this many, or this fraction
// of the index: one by one, a document costs several B-tree look-ups where a whole read streams
// it (a guess, not measured: either way the answers are the same).
constexpr size_t kChangedAlwaysReadOneByOne = 64;
constexpr size_t kMostChangedPerDocuments = 16;  // 1/16

}  // namespace

void LocalTables::refresh(const Xapian::Database& database,
                          const std::vector<Xapian::valueno>& slots) {
  const uint64_t revision = database.get_revision();
  const std::string uuid = database.get_uuid();
  if (loaded_ && revision == revision_ && uuid == database_uuid_) return;
  std::optional<std::vector<Xapian::docid>> changed;
  if (loaded_ && uuid == database_uuid_ && revision > revision_) {
    changed = schema::documents_changed_between(database, revision_, revision);
    const size_t documents = size_t{database.get_lastdocid()} + 1;
    const size_t most = std::max(kChangedAlwaysReadOneByOne, documents / kMostChangedPerDocuments);
    if (changed && changed->size() > most) changed.reset();
  }
  loaded_ = false;  // until the tables below are at `revision`
  if (changed && columns_.loaded() && works_.loaded()) {
    columns_.update(database, revision, *changed);
    if (!works_.update(database, revision, *changed)) works_.load(database, revision);
    last_refresh_ = Refresh::kChanges;
  } else {
    columns_.load(database, revision, slots);
    works_.load(database, revision);
    last_refresh_ = Refresh::kWhole;
  }
  foldable_.check(database, revision, columns_);
  database_uuid_ = uuid;
  revision_ = revision;
  loaded_ = true;
}

const std::vector<Xapian::valueno>& LocalTables::column_slots() {
  static const std::vector<Xapian::valueno> slots = [] {
    std::vector<Xapian::valueno> all = FacetCounter::all_slots();
    all.push_back(schema::kWorkSlot);
    return all;
  }();
  return slots;
}

}  // namespace jil::search
