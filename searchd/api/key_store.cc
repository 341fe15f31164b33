// Implementation of key_store.h.
#include "api/key_store.h"

#include <algorithm>
#include <cstdio>

#include "api/api_key.h"
#include "api/constant_time.h"

namespace jil::api {
namespace {

bool same_file_state(const struct stat& a, const struct stat& b) {
  return a.st_ino == b.st_ino && a.st_dev == b.st_dev && a.st_size == b.st_size &&
         a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec;
}

}  // namespace

Result<std::unique_ptr<KeyStore>> KeyStore::open(const std::filesystem::path& path) {
  struct stat seen {};
  if (::stat(path.c_str(), &seen) != 0) return not_found("no such key file: " + path.string());
  Result<std::vector<KeyRecord>> keys = load_key_file(path);
  if (!keys.is_ok()) return keys.status();
  return std::unique_ptr<KeyStore>(new KeyStore(path, std::move(keys).value(), seen));
}

KeyStore::KeyStore(std::vector<KeyRecord> keys)
    : keys_(std::make_shared<const std::vector<KeyRecord>>(std::move(keys))) {}

KeyStore::KeyStore(std::filesystem::path path, std::vector<KeyRecord> keys, struct stat seen)
    : path_(std::move(path)),
      keys_(std::make_shared<const std::vector<KeyRecord>>(std::move(keys))),
      seen_(seen) {}

std::shared_ptr<const std::vector<KeyRecord>> KeyStore::current() {
  std::lock_guard lock(mutex_);
  if (path_.empty()) return keys_;
  struct stat now {};
  if (::stat(path_.c_str(), &now) != 0) {
    if (seen_.st_ino != 0) {
      std::fprintf(stderr, "jil-searchd: key file %s is gone; keeping the keys read before\n",
                   path_.c_str());
      seen_ = {};
    }
    return keys_;
  }
  if (same_file_state(now, seen_)) return keys_;
  seen_ = now;
  Result<std::vector<KeyRecord>> keys = load_key_file(path_);
  if (!keys.is_ok()) {
    std::fprintf(stderr, "jil-searchd: %s; keeping the keys read before\n",
                 keys.status().message().c_str());
    return keys_;
  }
  keys_ = std::make_shared<const std::vector<KeyRecord>>(std::move(keys).value());
  return keys_;
}

std::optional<KeyRecord> KeyStore::find(std::string_view presented) {
  const std::shared_ptr<const std::vector<KeyRecord>> keys = current();
  const std::string hash = api_key_hash(presented);
  const KeyRecord* match = nullptr;
  for (const KeyRecord& key : *keys) {
    // No early exit: every stored hash is compared, in constant time.
    if (constant_time_equal(key.sha256, hash) && !key.is_revoked()) match = &key;
  }
  if (!match) return std::nullopt;
  return *match;
}

bool KeyStore::any_key_allows_origin(std::string_view origin) {
  const std::shared_ptr<const std::vector<KeyRecord>> keys = current();
  return std::any_of(keys->begin(), keys->end(), [origin](const KeyRecord& key) {
    return !key.is_revoked() &&
           std::find(key.origins.begin(), key.origins.end(), origin) != key.origins.end();
  });
}

}  // namespace jil::api
