// Implementation of content_store.h; hashing by Poco's SHA-2 engine.
#include "store/content_store.h"

#include <Poco/SHA2Engine.h>

#include <algorithm>
#include <system_error>

#include "base/file_io.h"

namespace jil::store {

std::string sha256_hex(std::string_view bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  return Poco::DigestEngine::digestToHex(engine.digest());
}

bool is_sha256_hex(std::string_view text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

Result<std::string> ContentStore::put(std::string_view bytes, Sync sync) {
  std::string hash = sha256_hex(bytes);
  const std::filesystem::path directory = root_ / hash.substr(0, 2);
  const std::filesystem::path path = directory / hash;
  std::error_code error;
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (!error && size == bytes.size()) return hash;
  const bool created = std::filesystem::create_directories(directory, error);
  if (error) {
    return io_error("cannot create store directory " + directory.string() + ": " + error.message());
  }
  if (created && sync == Sync::kNow) {
    if (Status status = sync_directory(root_); !status.is_ok()) return status;
  }
  if (Status status = write_file_atomically(path, bytes, sync); !status.is_ok()) return status;
  return hash;
}

Status ContentStore::sync() const {
  std::error_code error;
  if (!std::filesystem::exists(root_, error)) return Status::ok();  // nothing written yet
  return sync_file_system(root_);
}

Result<std::filesystem::path> ContentStore::path_of(std::string_view sha256) const {
  if (!is_sha256_hex(sha256)) return invalid_argument("not a sha256: " + std::string(sha256));
  std::filesystem::path path = root_ / std::string(sha256.substr(0, 2)) / std::string(sha256);
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return not_found("original " + std::string(sha256) + " is not in the store");
  }
  return path;
}

Result<std::vector<std::string>> ContentStore::hashes() const {
  std::vector<std::string> found;
  std::error_code error;
  if (!std::filesystem::exists(root_, error)) return found;
  for (std::filesystem::directory_iterator shard(root_, error), end; !error && shard != end;
       shard.increment(error)) {
    const std::string shard_name = shard->path().filename().string();
    if (shard_name.size() != 2 || !shard->is_directory(error)) continue;
    for (std::filesystem::directory_iterator file(shard->path(), error); !error && file != end;
         file.increment(error)) {
      const std::string name = file->path().filename().string();
      if (is_sha256_hex(name) && name.starts_with(shard_name)) found.push_back(name);
    }
  }
  if (error) return io_error("cannot list the store " + root_.string() + ": " + error.message());
  std::sort(found.begin(), found.end());
  return found;
}

Result<size_t> ContentStore::remove_temporaries() const {
  size_t removed = 0;
  std::error_code error;
  if (!std::filesystem::exists(root_, error)) return removed;
  std::vector<std::filesystem::path> temporaries;
  for (std::filesystem::recursive_directory_iterator walk(root_, error), end; !error && walk != end;
       walk.increment(error)) {
    if (walk->path().filename().string().starts_with(kTemporaryPrefix)) {
      temporaries.push_back(walk->path());
    }
  }
  if (error) return io_error("cannot list the store " + root_.string() + ": " + error.message());
  for (const auto& path : temporaries) {
    if (std::filesystem::remove(path, error)) ++removed;
    if (error) return io_error("cannot remove " + path.string() + ": " + error.message());
  }
  return removed;
}

}  // namespace jil::store
