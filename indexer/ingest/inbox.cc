// Implementation of inbox.h.
#include "ingest/inbox.h"

#include <algorithm>

#include "base/file_io.h"
#include "extract/document_format.h"
#include "ingest/indexer_options.h"

namespace jil::ingest {
namespace {

constexpr const char* kDoneFolder = "done";
constexpr const char* kFailedFolder = "failed";

bool is_ignored(const std::string& name) {
  return name.starts_with(".") || name.ends_with(".part") || name.ends_with(".tmp") ||
         name.ends_with(".json");
}

// True when the file exists and has not been modified for kInboxSettleTime.
bool is_settled(const std::filesystem::path& path, std::filesystem::file_time_type now) {
  std::error_code error;
  const auto modified = std::filesystem::last_write_time(path, error);
  return !error && now - modified >= kInboxSettleTime;
}

}  // namespace

Result<Inbox> Inbox::open(const std::filesystem::path& folder) {
  Result<std::filesystem::path> root = canonical_folder(folder);
  if (!root.is_ok()) return not_found("inbox " + folder.string() + " is not a folder");
  return Inbox(*root);
}

Result<InboxScan> Inbox::scan(std::filesystem::file_time_type now) const {
  InboxScan scan;
  std::error_code error;
  for (std::filesystem::directory_iterator entry(folder_, error), end; !error && entry != end;
       entry.increment(error)) {
    const std::string name = entry->path().filename().string();
    if (is_ignored(name) || !entry->is_regular_file(error) || entry->is_symlink(error)) continue;
    SourceFile file;
    file.root = folder_;
    file.path = entry->path();
    file.sidecar = file.path.string() + ".json";
    file.relative = name;
    std::error_code sidecar_error;
    const bool has_sidecar = std::filesystem::exists(file.sidecar, sidecar_error);
    if (!is_settled(file.path, now) || (has_sidecar && !is_settled(file.sidecar, now))) {
      ++scan.waiting;
      continue;
    }
    (extract::format_of(file.path) ? scan.documents : scan.unsupported).push_back(std::move(file));
  }
  if (error) return io_error("cannot read inbox " + folder_.string() + ": " + error.message());
  const auto by_name = [](const SourceFile& a, const SourceFile& b) {
    return a.relative < b.relative;
  };
  std::sort(scan.documents.begin(), scan.documents.end(), by_name);
  std::sort(scan.unsupported.begin(), scan.unsupported.end(), by_name);
  return scan;
}

Status Inbox::move_into(const SourceFile& file, const std::filesystem::path& destination) const {
  std::error_code error;
  std::filesystem::create_directories(destination, error);
  if (error) return io_error("cannot create " + destination.string() + ": " + error.message());
  std::filesystem::rename(file.path, destination / file.path.filename(), error);
  if (error) return io_error("cannot move " + file.path.string() + ": " + error.message());
  if (std::filesystem::exists(file.sidecar, error)) {
    std::filesystem::rename(file.sidecar, destination / file.sidecar.filename(), error);
    if (error) return io_error("cannot move " + file.sidecar.string() + ": " + error.message());
  }
  if (Status status = sync_directory(destination); !status.is_ok()) return status;
  return sync_directory(folder_);
}

Status Inbox::move_to_done(const SourceFile& file) const {
  return move_into(file, folder_ / kDoneFolder);
}

Status Inbox::move_to_failed(const SourceFile& file, const std::string& reason) const {
  const std::filesystem::path failed = folder_ / kFailedFolder;
  if (Status status = move_into(file, failed); !status.is_ok()) return status;
  return write_file_atomically(failed / (file.path.filename().string() + ".reason.txt"),
                               reason + "\n");
}

}  // namespace jil::ingest
