// Source precedence, messages and language decision of metadata_resolver.h.
#include "metadata/metadata_resolver.h"

#include <cstdio>

#include "base/file_io.h"
#include "base/utf8.h"
#include "metadata/embedded_fields.h"
#include "metadata/manifest_reader.h"

namespace jil::metadata {
namespace {

using nlohmann::json;

std::string where_to_give(const GivenMetadata& given) {
  return given.sidecar_name + " or " +
         (given.manifest_name.empty() ? std::string("manifest.jsonl") : given.manifest_name);
}

std::string two_decimals(double value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

void overlay(const json& source, json& merged) {
  if (!source.is_object()) return;
  for (const auto& [key, value] : source.items()) merged[key] = value;
}

bool gives(const json& source, const char* field) {
  return source.is_object() && source.contains(field);
}

}  // namespace

Result<std::unique_ptr<MetadataResolver>> MetadataResolver::create() {
  Result<std::unique_ptr<LanguageDetector>> detector = LanguageDetector::create();
  if (!detector.is_ok()) return detector.status();
  Result<std::unique_ptr<FileNameIds>> ids = FileNameIds::create();
  if (!ids.is_ok()) return ids.status();
  return std::unique_ptr<MetadataResolver>(
      new MetadataResolver(std::move(*detector), std::move(*ids)));
}

const std::optional<Manifest>& MetadataResolver::manifest_of(const std::filesystem::path& folder,
                                                             const std::filesystem::path& root) {
  const auto cached = manifests_.find(folder);
  if (cached != manifests_.end()) return cached->second;
  std::optional<Manifest> manifest = read_folder_manifest(folder);
  if (manifest) {
    std::error_code error;
    const std::string path =
        std::filesystem::relative(folder / manifest->name, root, error).generic_string();
    for (const std::string& problem : manifest->problems) new_problems_.push_back({path, problem});
  }
  return manifests_.emplace(folder, std::move(manifest)).first->second;
}

std::vector<ManifestProblem> MetadataResolver::take_manifest_problems() {
  std::vector<ManifestProblem> problems;
  problems.swap(new_problems_);
  return problems;
}

Result<GivenMetadata> MetadataResolver::given_metadata(const std::filesystem::path& file,
                                                       const std::filesystem::path& sidecar,
                                                       const std::filesystem::path& root) {
  GivenMetadata given;
  given.sidecar_name = sidecar.filename().string();
  Result<std::string> sidecar_bytes = read_file(sidecar, schema::kMaxSidecarBytes);
  if (sidecar_bytes.is_ok()) {
    Result<json> object = schema::parse_metadata_object(*sidecar_bytes);
    Status checked = object.is_ok() ? schema::check_metadata_fields(*object) : object.status();
    if (!checked.is_ok())
      return Status(checked.code(), given.sidecar_name + ": " + checked.message());
    given.sidecar = std::move(*object);
    given.fingerprint_text = std::move(*sidecar_bytes);
  } else if (sidecar_bytes.status().code() == StatusCode::kLimitExceeded) {
    return limit_exceeded(given.sidecar_name + ": metadata is larger than " +
                          std::to_string(schema::kMaxSidecarBytes) + " bytes");
  } else if (sidecar_bytes.status().code() != StatusCode::kNotFound) {
    return sidecar_bytes.status();
  }

  // The nearest manifest that describes the file, from its own folder up to `root`.
  std::filesystem::path folder = file.parent_path();
  while (true) {
    const std::optional<Manifest>& manifest = manifest_of(folder, root);
    if (manifest) {
      if (given.manifest_name.empty()) given.manifest_name = manifest->name;
      std::error_code error;
      const std::string key = std::filesystem::relative(file, folder, error).generic_string();
      if (const auto bad = manifest->row_errors.find(key); bad != manifest->row_errors.end()) {
        return invalid_argument(manifest->name + " " + bad->second);
      }
      if (const auto row = manifest->rows.find(key); row != manifest->rows.end()) {
        given.row = row->second.fields;
        given.row_label = manifest->name + " line " + std::to_string(row->second.line);
        given.fingerprint_text += "\n" + manifest->name + "\n" + row->second.fingerprint_text;
        break;
      }
    }
    if (folder == root || !folder.has_parent_path() || folder.parent_path() == folder) break;
    folder = folder.parent_path();
  }

  if (gives(given.sidecar, "id")) {
    given.id = given.sidecar["id"].get<std::string>();
  } else if (gives(given.row, "id")) {
    given.id = given.row["id"].get<std::string>();
  } else {
    given.id = ids_->id_for(file.filename().string());
  }
  return given;
}

Status MetadataResolver::decide_language(const GivenMetadata& given,
                                         const extract::ExtractedText& extracted, json& merged,
                                         schema::DocRecord& provenance) {
  const std::string_view sample = extracted.text.empty() ? extracted.title : extracted.text;
  if (gives(given.sidecar, "language") || gives(given.row, "language")) {
    provenance.language_source = "metadata";
  } else if (merged.contains("language")) {
    provenance.language_source = "embedded";
  } else {
    const LanguageDetection detection = detector_->detect(sample);
    if (detection.language == analysis::Language::kUnd ||
        detection.confidence < kMinLanguageConfidence) {
      return invalid_argument("no language, and it could not be detected with confidence (" +
                              detection.detail + ": " + two_decimals(detection.confidence) + " < " +
                              two_decimals(kMinLanguageConfidence) + "): give it in " +
                              where_to_give(given));
    }
    merged["language"] = std::string(analysis::language_code(detection.language));
    if (!detection.script.empty() && !merged.contains("script")) {
      merged["script"] = detection.script;
    }
    provenance.language_source = "detected";
    provenance.language_confidence = detection.confidence;
  }
  // Chinese without a stated script: which characters it uses decide, when any of them can.
  if (merged["language"] == "zh" && !merged.contains("script")) {
    double confidence = 0.0;
    const std::string script = detector_->chinese_script(sample, confidence);
    if (confidence > 0.0) merged["script"] = script;
  }
  return Status::ok();
}

Result<schema::DocRecord> MetadataResolver::resolve(const GivenMetadata& given,
                                                    const extract::ExtractedText& extracted) {
  json merged = embedded_fields(extracted.embedded);
  if (!merged.contains("title")) {
    const std::string title =
        extracted.title.substr(0, utf8::truncate_point(extracted.title, schema::kMaxTitleBytes));
    if (!title.empty()) merged["title"] = title;
  }
  // An embedded script belongs to the embedded language: a given language drops it.
  if ((gives(given.row, "language") || gives(given.sidecar, "language")) &&
      !gives(given.row, "script") && !gives(given.sidecar, "script")) {
    merged.erase("script");
  }
  overlay(given.row, merged);
  overlay(given.sidecar, merged);
  merged["id"] = given.id;

  // Missing fields are named before an undetectable language: they say more about what to do.
  schema::DocRecord provenance;
  const Status language = decide_language(given, extracted, merged, provenance);
  std::string missing;
  size_t missing_count = 0;
  for (const std::string_view field : schema::kRequiredFields) {
    if (merged.contains(std::string(field)) || (field == "language" && !language.is_ok())) continue;
    missing += (missing.empty() ? "" : ", ") + std::string(field);
    ++missing_count;
  }
  if (!language.is_ok()) {
    if (missing.empty()) return language;
    missing += ", language";
    ++missing_count;
  }
  if (!missing.empty()) {
    if (given.sidecar.is_null() && given.row.is_null()) {
      return invalid_argument(
          "no metadata: expected " + given.sidecar_name + " beside it or a row in " +
          (given.manifest_name.empty() ? std::string("manifest.jsonl or manifest.csv")
                                       : given.manifest_name) +
          " (the file itself gives no " + missing + ")");
    }
    return invalid_argument("no " + missing + ": give " + (missing_count == 1 ? "it" : "them") +
                            " in " + where_to_give(given));
  }
  Result<schema::DocRecord> record = schema::record_from_metadata(merged);
  if (!record.is_ok()) {
    std::string sources = given.sidecar_name;
    if (!given.row_label.empty()) sources += " and " + given.row_label;
    return Status(record.status().code(),
                  "metadata from " + sources + " and the file: " + record.status().message());
  }
  record->language_source = provenance.language_source;
  record->language_confidence = provenance.language_confidence;
  return record;
}

}  // namespace jil::metadata
