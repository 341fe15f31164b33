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

  // Stores `bytes` under their hash, durably (temp file, fsync, rename, fsync dir) unless a file
  // of that hash is already there. Returns the hash.
  Result<std::string> put(std::string_view bytes);

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
