// Implementation of key_file_lock.h with open(2) and flock(2).
#include "api/key_file_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace jil::api {

std::filesystem::path KeyFileLock::lock_path(const std::filesystem::path& key_file) {
  std::filesystem::path lock = key_file;
  lock += ".lock";
  return lock;
}

Result<std::unique_ptr<KeyFileLock>> KeyFileLock::acquire(const std::filesystem::path& key_file) {
  const std::filesystem::path path = lock_path(key_file);
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return io_error("cannot open " + path.string() + ": " + std::strerror(errno));
  int result = 0;
  do {
    result = ::flock(fd, LOCK_EX);
  } while (result != 0 && errno == EINTR);
  if (result != 0) {
    const int error = errno;
    ::close(fd);
    return io_error("cannot lock " + path.string() + ": " + std::strerror(error));
  }
  return std::unique_ptr<KeyFileLock>(new KeyFileLock(fd));
}

KeyFileLock::~KeyFileLock() { ::close(fd_); }  // closing the descriptor releases the lock

}  // namespace jil::api
