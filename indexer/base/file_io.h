// The file-system operations JIL needs, with errors as values: bounded reads and crash-safe
// writes (temporary file, fsync, rename, fsync of the directory).
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "base/status.h"

namespace jil {

// Reads a whole file. Fails with kLimitExceeded when it is larger than `max_bytes`,
// kNotFound when it does not exist, kIoError otherwise.
Result<std::string> read_file(const std::filesystem::path& path, size_t max_bytes);

// When a write reaches the disk: at once (fsync of the file and its directory), or at the
// caller's next sync_file_system() (a batch of writes made durable by one call).
enum class Sync { kNow, kDeferred };

// Writes `content` to `path` so that after a crash the path holds either the old or the new
// content, never a mix: write to a temporary file beside it, fsync, rename, fsync the directory.
// The new file gets `mode` (less the umask): 0600 for files only the owner may read.
// With Sync::kDeferred the two fsyncs are left to a later sync_file_system(): until then a
// power loss (not a killed process) may leave the new file empty or absent.
Status write_file_atomically(const std::filesystem::path& path, std::string_view content,
                             Sync sync = Sync::kNow, mode_t mode = 0644);

// fsync of a directory, so that a rename or a new entry in it survives power loss.
Status sync_directory(const std::filesystem::path& directory);

// syncfs(2) of the file system that holds `path`: every file and directory written there so far
// is on the disk when it returns (one call for a whole batch of deferred writes).
Status sync_file_system(const std::filesystem::path& path);

}  // namespace jil
