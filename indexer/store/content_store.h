// The content-addressed store of originals (var/store/ab/abcdef…): the source of truth from
// which the index can be rebuilt and from which searchd serves downloads. A file's name is the
// sha256 of its bytes, so a path is derived from a validated hash, never from user input.
// Beside the originals, store/record_store.h keeps each document's metadata (var/store/records/).
// Not thread-safe; one writer at a time (the index lock of jil-indexer guarantees it).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/file_io.h"
#include "base/status.h"

namespace jil::store {

// Lower-case hex sha256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

// True for 64 lower-case hex digits.
bool is_sha256_hex(std::string_view text);

// Name prefix of the temporary files of base/file_io.h's atomic writes: a file with this prefix
// is a write that a crash interrupted (or one in progress, under the index lock).
inline constexpr std::string_view kTemporaryPrefix = ".tmp-";

class ContentStore {
 public:
  explicit ContentStore(std::filesystem::path root) : root_(std::move(root)) {}

  // Stores `bytes` under their hash unless a file of that hash and size is already there
  // (temp file, rename). Sync::kNow makes it durable at once (fsync of file and directory);
  // Sync::kDeferred leaves that to sync(), called before anything refers to the hash durably
  // (a file a power loss emptied has the wrong size and is written again). Returns the hash.
  Result<std::string> put(std::string_view bytes, Sync sync = Sync::kNow);

  // Makes every deferred write under the root durable: one syncfs(2) of its file system,
  // which also covers store/record_store.h's records (they live below the root).
  Status sync() const;

  // Path of a stored original; kInvalidArgument for a malformed hash, kNotFound when absent.
  Result<std::filesystem::path> path_of(std::string_view sha256) const;

  // Every original in the store, by hash (sorted). An absent store is empty.
  Result<std::vector<std::string>> hashes() const;

  // Removes the temporary files left by interrupted writes anywhere in the store; call only
  // while holding the index lock. Returns how many were removed.
  Result<size_t> remove_temporaries() const;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
};

}  // namespace jil::store
