// Implementation of change_recorder.h.
#include "ingest/change_recorder.h"

#include <algorithm>
#include <string>

#include "schema/changed_documents.h"

namespace jil::ingest {

void ChangeRecorder::changed(Xapian::docid docid) {
  if (too_many_) return;
  docids_.push_back(docid);
  // Bounded memory however large the transaction: repeats are dropped now and then.
  if (docids_.size() > 4 * schema::kMaxChangedDocumentsListed) compact_list();
}

void ChangeRecorder::compact_list() {
  std::sort(docids_.begin(), docids_.end());
  docids_.erase(std::unique(docids_.begin(), docids_.end()), docids_.end());
  if (docids_.size() > schema::kMaxChangedDocumentsListed) {
    too_many_ = true;
    docids_.clear();
    docids_.shrink_to_fit();
  }
}

void ChangeRecorder::write(Xapian::WritableDatabase& database) {
  compact_list();
  // Setting this key modifies the database, so the commit always creates the next revision.
  const uint64_t revision = database.get_revision() + 1;
  const std::string uuid = database.get_uuid();
  std::vector<std::string> stale;
  const std::string prefix(schema::kChangedKeyPrefix);
  for (auto key = database.metadata_keys_begin(prefix); key != database.metadata_keys_end(prefix);
       ++key) {
    const std::optional<uint64_t> listed = schema::revision_of_changed_key(*key);
    bool kept = listed && *listed < revision && revision - *listed < schema::kChangeListsKept;
    if (kept) {
      const std::optional<schema::ChangeList> list =
          schema::decode_change_list(database.get_metadata(*key));
      kept = list && list->database_uuid == uuid;
    }
    if (!kept) stale.push_back(*key);
  }
  for (const std::string& key : stale) database.set_metadata(key, "");  // "" deletes the key
  schema::ChangeList list{uuid, too_many_, std::move(docids_)};
  database.set_metadata(schema::changed_key(revision), schema::encode_change_list(list));
  clear();
}

void ChangeRecorder::clear() {
  docids_.clear();
  too_many_ = false;
}

}  // namespace jil::ingest
