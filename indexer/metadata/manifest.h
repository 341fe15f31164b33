// One folder's manifest (manifest.jsonl or manifest.csv) once read: the metadata row of each file
// it describes, and the problems it has, each naming its line (README "Metadata schema").
#pragma once

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace jil::metadata {

// Limits on a manifest (RELIABILITY T-P7), besides each row's: a row has the limits of a sidecar
// (schema/doc_record.h kMaxSidecarBytes, kMaxSidecarDepth).
inline constexpr size_t kMaxManifestBytes = 64 * 1024 * 1024;
inline constexpr size_t kMaxManifestLines = 100'000;

struct ManifestRow {
  size_t line = 0;        // where the row starts, from 1
  nlohmann::json fields;  // the metadata fields of the row ("file" removed), already checked
  // What the row's meaning depends on, for the fingerprint: the line (CSV: the header too).
  std::string fingerprint_text;
};

struct Manifest {
  std::string name;  // "manifest.jsonl" or "manifest.csv"
  // Valid rows by the file they describe: a path relative to the manifest's folder ("a.pdf",
  // "sub/b.docx"), "/"-separated, without "." or "..".
  std::map<std::string, ManifestRow> rows;
  // Rows that name a file but are invalid: file → "line 3: field 'type': ..." (that file fails).
  std::map<std::string, std::string> row_errors;
  // Problems no file can carry (a broken line, a file that does not exist, the whole manifest
  // over a limit): "line 3: not valid JSON: ...", reported once against the manifest.
  std::vector<std::string> problems;
};

}  // namespace jil::metadata
