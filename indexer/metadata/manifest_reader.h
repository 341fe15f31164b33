// Reads a folder's manifest: `manifest.jsonl` (one JSON object per line: "file" and sidecar
// fields) or `manifest.csv` (a header row of field names, "file" among them; topics and values
// separated by ";"). Every row is checked against the schema as a sidecar is (same size and depth
// limits) and every message names the manifest line and field.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "metadata/manifest.h"

namespace jil::metadata {

// The manifest of `folder`, or nullopt when it has none. A folder with both kinds gets a manifest
// with no rows and the problem "both manifest.jsonl and manifest.csv: keep one". Rows naming files
// that do not exist under `folder` become problems.
std::optional<Manifest> read_folder_manifest(const std::filesystem::path& folder);

// The parsers, on bytes (for tests): the manifest is named `name` in its problems.
Manifest parse_jsonl_manifest(std::string_view bytes);
Manifest parse_csv_manifest(std::string_view bytes);

}  // namespace jil::metadata
