// An exclusive lock over one key file's read-modify-write (`jil-searchd keys create`, `revoke`,
// `rotate`): flock(2) on FILE.lock beside it, so two commands run at once never both read the
// old list and one of them overwrite the other's key. The key file itself is still replaced
// atomically (rename), which is why the lock lives on a separate file that is never renamed.
// searchd only reads the key file and takes no lock. Released when the object is destroyed.
#pragma once

#include <filesystem>
#include <memory>

#include "base/status.h"

namespace jil::api {

class KeyFileLock {
 public:
  // Blocks until the lock on `key_file`.lock is held (creating the lock file, mode 0600);
  // an error names the lock file and the reason.
  static Result<std::unique_ptr<KeyFileLock>> acquire(const std::filesystem::path& key_file);
  ~KeyFileLock();
  KeyFileLock(const KeyFileLock&) = delete;
  KeyFileLock& operator=(const KeyFileLock&) = delete;

  static std::filesystem::path lock_path(const std::filesystem::path& key_file);

 private:
  explicit KeyFileLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace jil::api
