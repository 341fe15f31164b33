// The API keys searchd accepts: the key file (key_file.h) loaded at start and read again when it
// changes (its modification time, size or inode differ; checked on every lookup, so a revoked
// key is refused on the very next request). Thread-safe: the workers share one KeyStore.
// A file that cannot be read or parsed later keeps the previous keys and is reported once on
// stderr (without any key: the file holds none).
#pragma once

#include <sys/stat.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "api/key_file.h"
#include "base/status.h"

namespace jil::api {

class KeyStore {
 public:
  // Loads `path`; an error names the file and the reason.
  static Result<std::unique_ptr<KeyStore>> open(const std::filesystem::path& path);
  // A store with these keys and no file (tests, or searchd without --keys: no keys).
  explicit KeyStore(std::vector<KeyRecord> keys);

  // The valid (not revoked) key whose hash matches `presented`, or nullopt. The stored hashes
  // are compared with the presented key's hash in constant time, all of them, so the answer's
  // timing says nothing about which bytes matched.
  std::optional<KeyRecord> find(std::string_view presented);
  // True when `origin` is on the list of some valid key (for CORS preflights, which carry no key).
  bool any_key_allows_origin(std::string_view origin);

 private:
  KeyStore(std::filesystem::path path, std::vector<KeyRecord> keys, struct stat seen);
  // The current keys, after reading the file again if it changed.
  std::shared_ptr<const std::vector<KeyRecord>> current();

  const std::filesystem::path path_;  // empty: no file
  std::mutex mutex_;
  std::shared_ptr<const std::vector<KeyRecord>> keys_;
  struct stat seen_ {};  // the file as last read (or last reported as broken)
};

}  // namespace jil::api
