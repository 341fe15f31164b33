// Implementation of record_store.h.
#include "store/record_store.h"

#include <algorithm>
#include <system_error>

#include "base/file_io.h"

namespace jil::store {
namespace {

// A record is small (metadata only, no text); a larger file is not one of ours.
constexpr size_t kMaxRecordBytes = 1024 * 1024;
constexpr std::string_view kRecordSuffix = ".json";

bool is_record_id(std::string_view id) {
  if (id.size() < 3 || id.size() > 80) return false;
  for (size_t index = 0; index < id.size(); ++index) {
    const char c = id[index];
    const bool alphanumeric = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alphanumeric && !(index > 0 && c == '-')) return false;
  }
  return true;
}

}  // namespace

Result<std::filesystem::path> RecordStore::path_of(std::string_view id) const {
  if (!is_record_id(id)) return invalid_argument("not a document id: " + std::string(id));
  return folder_ / (std::string(id) + std::string(kRecordSuffix));
}

Status RecordStore::put(std::string_view id, std::string_view text, Sync sync) {
  Result<std::filesystem::path> path = path_of(id);
  if (!path.is_ok()) return path.status();
  std::error_code error;
  if (std::filesystem::create_directories(folder_, error) && sync == Sync::kNow) {
    if (Status status = sync_directory(folder_.parent_path()); !status.is_ok()) return status;
  }
  if (error) return io_error("cannot create " + folder_.string() + ": " + error.message());
  return write_file_atomically(*path, text, sync);
}

Result<std::string> RecordStore::get(std::string_view id) const {
  Result<std::filesystem::path> path = path_of(id);
  if (!path.is_ok()) return path.status();
  return read_file(*path, kMaxRecordBytes);
}

bool RecordStore::contains(std::string_view id) const {
  Result<std::filesystem::path> path = path_of(id);
  std::error_code error;
  return path.is_ok() && std::filesystem::is_regular_file(*path, error);
}

Status RecordStore::remove(std::string_view id) {
  Result<std::filesystem::path> path = path_of(id);
  if (!path.is_ok()) return path.status();
  std::error_code error;
  if (!std::filesystem::remove(*path, error)) {
    return error ? io_error("cannot remove " + path->string() + ": " + error.message())
                 : Status::ok();
  }
  return sync_directory(folder_);
}

Result<std::vector<std::string>> RecordStore::ids() const {
  std::vector<std::string> found;
  std::error_code error;
  if (!std::filesystem::exists(folder_, error)) return found;
  for (std::filesystem::directory_iterator entry(folder_, error), end; !error && entry != end;
       entry.increment(error)) {
    const std::string name = entry->path().filename().string();
    if (!name.ends_with(kRecordSuffix)) continue;
    const std::string id = name.substr(0, name.size() - kRecordSuffix.size());
    if (is_record_id(id)) found.push_back(id);
  }
  if (error) return io_error("cannot list " + folder_.string() + ": " + error.message());
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace jil::store
