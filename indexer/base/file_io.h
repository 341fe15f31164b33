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

// Writes `content` to `path` so that after a crash the path holds either the old or the new
// content, never a mix: write to a temporary file beside it, fsync, rename, fsync the directory.
// The new file gets `mode` (less the umask): 0600 for files only the owner may read.
Status write_file_atomically(const std::filesystem::path& path, std::string_view content,
                             mode_t mode = 0644);

// fsync of a directory, so that a rename or a new entry in it survives power loss.
Status sync_directory(const std::filesystem::path& directory);

}  // namespace jil
