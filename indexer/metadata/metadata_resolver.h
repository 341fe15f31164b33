// Where each document's metadata comes from (issue 4 item 2; README "Metadata schema"): for every
// field, its JSON sidecar FILE.json, else its row in the nearest manifest (manifest.jsonl or
// manifest.csv in its folder or a folder above it, up to the scanned folder), else the file's
// embedded properties, else detection (the language); the id, when no sidecar or row gives one,
// comes from the file name (file_name_id.h). One per ingest run; not thread-safe.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/extracted_text.h"
#include "metadata/file_name_id.h"
#include "metadata/language_detector.h"
#include "metadata/manifest.h"
#include "schema/doc_record.h"

namespace jil::metadata {

// What the given sources (sidecar, manifest row) say about one file, each already checked.
struct GivenMetadata {
  nlohmann::json sidecar;     // the sidecar's object, or null when the file has none
  nlohmann::json row;         // the manifest row's fields, or null
  std::string sidecar_name;   // "report.pdf.json"
  std::string manifest_name;  // the nearest manifest ("manifest.csv"), or "" when none
  std::string row_label;      // "manifest.csv line 4", or ""
  std::string id;             // sidecar, else row, else the file name
  // The bytes the metadata came from, for the fingerprint: the sidecar's as they are (so a file
  // with only a sidecar keeps its fingerprint), then the manifest's name and row when one is used.
  std::string fingerprint_text;
};

// A manifest problem no single file carries ("line 3: not valid JSON: ...").
struct ManifestProblem {
  std::string manifest;  // its path relative to the scanned folder, "fr/manifest.jsonl"
  std::string message;
};

class MetadataResolver {
 public:
  static Result<std::unique_ptr<MetadataResolver>> create();

  // Reads and checks `file`'s sidecar and manifest row; `root` is the folder being scanned.
  // Errors name the source: "x.pdf.json: field 'type': ...", "manifest.jsonl line 3: ...".
  Result<GivenMetadata> given_metadata(const std::filesystem::path& file,
                                       const std::filesystem::path& sidecar,
                                       const std::filesystem::path& root);

  // Problems of the manifests read since the last call, each reported once per run.
  std::vector<ManifestProblem> take_manifest_problems();

  // The document's metadata: sidecar > manifest row > embedded > detected, field by field; the
  // title falls back to the extractor's (first heading or line). kInvalidArgument naming what is
  // missing ("no type: give it in x.pdf.json or manifest.jsonl") or why the language is unknown.
  Result<schema::DocRecord> resolve(const GivenMetadata& given,
                                    const extract::ExtractedText& extracted);

 private:
  MetadataResolver(std::unique_ptr<LanguageDetector> detector, std::unique_ptr<FileNameIds> ids)
      : detector_(std::move(detector)), ids_(std::move(ids)) {}
  const std::optional<Manifest>& manifest_of(const std::filesystem::path& folder,
                                             const std::filesystem::path& root);
  Status decide_language(const GivenMetadata& given, const extract::ExtractedText& extracted,
                         nlohmann::json& merged, schema::DocRecord& provenance);

  std::unique_ptr<LanguageDetector> detector_;
  std::unique_ptr<FileNameIds> ids_;
  std::map<std::filesystem::path, std::optional<Manifest>> manifests_;  // by folder
  std::vector<ManifestProblem> new_problems_;
};

}  // namespace jil::metadata
