// Finds the documents under a source folder: every file of a known format (html, md, txt) with
// its metadata sidecar `<file>.json`. README files document a folder and are not documents.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/status.h"

namespace jil::ingest {

struct SourceFile {
  std::filesystem::path path;     // absolute
  std::filesystem::path sidecar;  // path + ".json"
  std::string relative;           // path relative to the source folder, for reports
};

// Files in a stable (sorted) order so that runs are reproducible. Fails when the folder cannot
// be read; files without a sidecar are returned too (ingest reports them as failures).
Result<std::vector<SourceFile>> scan_source(const std::filesystem::path& folder);

}  // namespace jil::ingest
