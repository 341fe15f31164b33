// The documents each indexer commit changed, kept in the index's metadata so that searchd can
// bring its per-revision tables up to date by reading only those documents (search/local_tables.h)
// instead of the whole index. Written by ingest/change_recorder.h inside the commit it describes,
// under "jil:changed:<revision that commit creates>", for the last kChangeListsKept commits.
// An index without these keys is valid: searchd then reloads its tables whole.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jil::schema {

// Metadata key prefix of a change list; the rest is the revision in decimal.
constexpr std::string_view kChangedKeyPrefix = "jil:changed:";
// Commits whose lists stay in the index; a reader further behind reloads whole.
constexpr uint64_t kChangeListsKept = 32;
// Most document ids one list holds; a commit changing more records only "too many" (the reader
// reloads whole, which costs about as much as reading that many documents one by one).
constexpr size_t kMaxChangedDocumentsListed = 4096;

// One commit's changes: the ids of the documents it added, replaced or deleted, and the UUID of
// the database it was written to (a compacted or split copy has another UUID, so the lists it
// inherits are never taken for its own).
struct ChangeList {
  std::string database_uuid;
  bool too_many = false;              // true: `docids` is empty and the commit changed more
  std::vector<Xapian::docid> docids;  // ascending, without repeats
  bool operator==(const ChangeList&) const = default;
};

std::string changed_key(uint64_t revision);
// The revision a key of kChangedKeyPrefix names; nullopt for any other key.
std::optional<uint64_t> revision_of_changed_key(std::string_view key);

// A format byte, the UUID, a too-many byte, then the ids as varint deltas. `list.docids` must be
// ascending without repeats.
std::string encode_change_list(const ChangeList& list);
// nullopt for a value that is not a well-formed list.
std::optional<ChangeList> decode_change_list(std::string_view value);

// The documents that the commits creating revisions (from, to] of `database` changed, ascending
// without repeats; nullopt when any of those commits left no usable list (none kept, another
// database's, too many), so the caller must read everything. Xapian errors propagate.
std::optional<std::vector<Xapian::docid>> documents_changed_between(
    const Xapian::Database& database, uint64_t from, uint64_t to);

}  // namespace jil::schema
