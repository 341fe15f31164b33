// Each document's metadata, kept in the store beside the originals (var/store/records/<id>.json),
// so that the index can be rebuilt from the store alone (`jil-indexer rebuild`). The store does
// not interpret the text: ingest/stored_record.h owns its format. Ids are the schema's
// ([a-z0-9][a-z0-9-]{2,79}); anything else is refused, so an id never becomes a path elsewhere.
// Not thread-safe; one writer at a time (under the index lock).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/file_io.h"
#include "base/status.h"

namespace jil::store {

class RecordStore {
 public:
  // `store_root` is the content store's root; records live in its `records/` folder.
  explicit RecordStore(const std::filesystem::path& store_root) : folder_(store_root / "records") {}

  // Writes the record of `id` (temp file, rename), replacing any: durably at once with
  // Sync::kNow (fsync of file and directory), with Sync::kDeferred at the content store's next
  // sync() (records live below its root).
  Status put(std::string_view id, std::string_view text, Sync sync = Sync::kNow);
  // The record of `id`; kNotFound when there is none.
  Result<std::string> get(std::string_view id) const;
  bool contains(std::string_view id) const;
  // Removes the record of `id` (absent is fine) and makes the removal durable.
  Status remove(std::string_view id);
  // Ids of every record, sorted. An absent folder has none.
  Result<std::vector<std::string>> ids() const;

  const std::filesystem::path& folder() const { return folder_; }

 private:
  Result<std::filesystem::path> path_of(std::string_view id) const;

  std::filesystem::path folder_;
};

}  // namespace jil::store
