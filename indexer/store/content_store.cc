// Implementation of content_store.h; hashing by Poco's SHA-2 engine.
#include "store/content_store.h"

#include <Poco/SHA2Engine.h>

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

Result<std::string> ContentStore::put(std::string_view bytes) {
  std::string hash = sha256_hex(bytes);
  const std::filesystem::path directory = root_ / hash.substr(0, 2);
  const std::filesystem::path path = directory / hash;
  std::error_code error;
  if (std::filesystem::exists(path, error)) return hash;
  const bool created = std::filesystem::create_directories(directory, error);
  if (error) {
    return io_error("cannot create store directory " + directory.string() + ": " + error.message());
  }
  if (created) {
    if (Status status = sync_directory(root_); !status.is_ok()) return status;
  }
  if (Status status = write_file_atomically(path, bytes); !status.is_ok()) return status;
  return hash;
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

}  // namespace jil::store
