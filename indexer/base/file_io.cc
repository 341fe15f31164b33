// POSIX implementation of the crash-safe file operations declared in file_io.h.
#include "base/file_io.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

namespace jil {
namespace {

std::string errno_text(const std::string& what, const std::filesystem::path& path) {
  return what + " " + path.string() + ": " + std::strerror(errno);
}

// Closes a descriptor when it goes out of scope.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

Status write_all(int fd, std::string_view content, const std::filesystem::path& path) {
  while (!content.empty()) {
    const ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return io_error(errno_text("cannot write", path));
    }
    content.remove_prefix(static_cast<size_t>(written));
  }
  return Status::ok();
}

}  // namespace

Result<std::string> read_file(const std::filesystem::path& path, size_t max_bytes) {
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ENOENT) return not_found("no such file: " + path.string());
    return io_error(errno_text("cannot open", path));
  }
  std::string content;
  char buffer[1 << 16];
  while (true) {
    const ssize_t got = ::read(fd.get(), buffer, sizeof buffer);
    if (got < 0) {
      if (errno == EINTR) continue;
      return io_error(errno_text("cannot read", path));
    }
    if (got == 0) break;
    if (content.size() + static_cast<size_t>(got) > max_bytes) {
      return limit_exceeded(path.string() + " is larger than the limit of " +
                            std::to_string(max_bytes) + " bytes");
    }
    content.append(buffer, static_cast<size_t>(got));
  }
  return content;
}

Status sync_directory(const std::filesystem::path& directory) {
  FileDescriptor fd(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) return io_error(errno_text("cannot open directory", directory));
  if (::fsync(fd.get()) != 0) return io_error(errno_text("cannot fsync directory", directory));
  return Status::ok();
}

Status sync_file_system(const std::filesystem::path& path) {
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return io_error(errno_text("cannot open", path));
  if (::syncfs(fd.get()) != 0) return io_error(errno_text("cannot sync the file system of", path));
  return Status::ok();
}

Status write_file_atomically(const std::filesystem::path& path, std::string_view content, Sync sync,
                             mode_t mode) {
  std::random_device random;
  const std::filesystem::path temporary =
      path.parent_path() / (".tmp-" + path.filename().string() + "-" + std::to_string(random()));
  FileDescriptor fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode));
  if (fd.get() < 0) return io_error(errno_text("cannot create", temporary));
  Status status = write_all(fd.get(), content, temporary);
  if (status.is_ok() && sync == Sync::kNow && ::fsync(fd.get()) != 0) {
    status = io_error(errno_text("cannot fsync", temporary));
  }
  if (status.is_ok() && ::close(fd.release()) != 0) {
    status = io_error(errno_text("cannot close", temporary));
  }
  if (status.is_ok() && ::rename(temporary.c_str(), path.c_str()) != 0) {
    status = io_error(errno_text("cannot rename into", path));
  }
  if (!status.is_ok()) {
    ::unlink(temporary.c_str());
    return status;
  }
  if (sync == Sync::kDeferred) return Status::ok();
  // A bare file name lives in the current directory.
  return sync_directory(path.has_parent_path() ? path.parent_path() : ".");
}

}  // namespace jil
