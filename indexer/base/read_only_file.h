// A regular file opened for reading at offsets, closed when the last owner lets go: searchd
// sends originals from it piece by piece, so a download holds a send buffer, not the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>

#include "base/status.h"

namespace jil {

class ReadOnlyFile {
 public:
  // Fails with kNotFound when `path` does not exist, kLimitExceeded when it is larger than
  // `max_bytes`, kIoError when it cannot be opened or is not a regular file.
  static Result<std::shared_ptr<const ReadOnlyFile>> open(const std::filesystem::path& path,
                                                          uint64_t max_bytes);
  ~ReadOnlyFile();
  ReadOnlyFile(const ReadOnlyFile&) = delete;
  ReadOnlyFile& operator=(const ReadOnlyFile&) = delete;

  // Its size when it was opened.
  uint64_t size() const { return size_; }
  // Reads up to `count` bytes at `offset` into `buffer`: the number read (0 at the end), or
  // kIoError.
  Result<size_t> read_at(uint64_t offset, char* buffer, size_t count) const;

 private:
  ReadOnlyFile(int fd, uint64_t size) : fd_(fd), size_(size) {}

  int fd_;
  uint64_t size_;
};

}  // namespace jil
