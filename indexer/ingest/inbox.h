// The upload folder of `jil-indexer watch`: which files in it are complete documents ready to
// ingest, and where each goes afterwards (done/, or failed/ with NAME.reason.txt). Only the top
// level is looked at. Ignored: dot-files, *.part and *.tmp (uploads in progress), folders, and
// .json files (sidecars, which travel with their document). A file is complete once it has gone
// unmodified for kInboxSettleTime (a file renamed in after being written counts at once).
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "base/status.h"
#include "ingest/source_scanner.h"

namespace jil::ingest {

struct InboxScan {
  std::vector<SourceFile> documents;    // complete files of a known format, with their sidecars
  std::vector<SourceFile> unsupported;  // complete files of no known format (to fail)
  size_t waiting = 0;                   // files (or their sidecars) still being written
};

class Inbox {
 public:
  // kNotFound when `folder` is not a folder.
  static Result<Inbox> open(const std::filesystem::path& folder);

  // What is in the inbox now, judged complete against `now` (sorted by name).
  Result<InboxScan> scan(std::filesystem::file_time_type now) const;

  // Moves the file and its sidecar (if any) into done/.
  Status move_to_done(const SourceFile& file) const;
  // Moves the file and its sidecar into failed/ and writes failed/NAME.reason.txt.
  Status move_to_failed(const SourceFile& file, const std::string& reason) const;

  const std::filesystem::path& folder() const { return folder_; }

 private:
  explicit Inbox(std::filesystem::path folder) : folder_(std::move(folder)) {}
  Status move_into(const SourceFile& file, const std::filesystem::path& destination) const;

  std::filesystem::path folder_;
};

}  // namespace jil::ingest
