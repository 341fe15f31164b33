// POSIX implementation of read_only_file.h: open, fstat, pread.
#include "base/read_only_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace jil {

Result<std::shared_ptr<const ReadOnlyFile>> ReadOnlyFile::open(const std::filesystem::path& path,
                                                               uint64_t max_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return not_found("no such file: " + path.string());
    return io_error("cannot open " + path.string() + ": " + std::strerror(errno));
  }
  struct stat status {};
  Status refused = Status::ok();
  if (::fstat(fd, &status) != 0) {
    refused = io_error("cannot stat " + path.string() + ": " + std::strerror(errno));
  } else if (!S_ISREG(status.st_mode)) {
    refused = io_error(path.string() + " is not a regular file");
  } else if (static_cast<uint64_t>(status.st_size) > max_bytes) {
    refused = limit_exceeded(path.string() + " is larger than the limit of " +
                             std::to_string(max_bytes) + " bytes");
  }
  if (!refused.is_ok()) {
    ::close(fd);
    return refused;
  }
  return std::shared_ptr<const ReadOnlyFile>(
      new ReadOnlyFile(fd, static_cast<uint64_t>(status.st_size)));
}

ReadOnlyFile::~ReadOnlyFile() { ::close(fd_); }

Result<size_t> ReadOnlyFile::read_at(uint64_t offset, char* buffer, size_t count) const {
  while (true) {
    const ssize_t got = ::pread(fd_, buffer, count, static_cast<off_t>(offset));
    if (got >= 0) return static_cast<size_t>(got);
    if (errno != EINTR) return io_error(std::string("cannot read: ") + std::strerror(errno));
  }
}

}  // namespace jil
