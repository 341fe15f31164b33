// Finds the documents under a source folder: every file of a known format (html, md, txt) with
// its metadata sidecar `<file>.json`. README files document a folder and manifest.* files
// (manifest.jsonl, manifest.csv) describe its documents: neither is a document.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/status.h"

namespace jil::ingest {

struct SourceFile {
  std::filesystem::path root;     // the scanned folder, canonical: the document's origin
  std::filesystem::path path;     // absolute
  std::filesystem::path sidecar;  // path + ".json"
  std::string relative;           // path relative to the source folder, for reports
};

// The canonical form of a source folder, as recorded in each document's origin (so that
// `folder`, `folder/` and `./folder` are one origin); kNotFound when it is not a folder.
Result<std::filesystem::path> canonical_folder(const std::filesystem::path& folder);

// Files in a stable (sorted) order so that runs are reproducible. Fails when the folder cannot
// be read; files without a sidecar are returned too (ingest reports them as failures).
Result<std::vector<SourceFile>> scan_source(const std::filesystem::path& folder);

}  // namespace jil::ingest
