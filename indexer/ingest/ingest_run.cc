// Implementation of ingest_run.h.
#include "ingest/ingest_run.h"

#include <chrono>
#include <cstdio>

#include "analysis/analyzer_version.h"
#include "base/file_io.h"
#include "base/utf8.h"
#include "extract/extractor.h"
#include "ingest/progress.h"
#include "schema/schema_version.h"

namespace jil::ingest {
namespace {

std::string fingerprint_of(std::string_view original, std::string_view sidecar) {
  return store::sha256_hex(original) + "/" + store::sha256_hex(sidecar) + "/a" +
         std::to_string(analysis::kAnalyzerVersion) + "/s" + std::to_string(schema::kSchemaVersion);
}

}  // namespace

RunReport IngestRun::run(const std::vector<SourceFile>& files) {
  const auto start = std::chrono::steady_clock::now();
  RunReport report;
  report.dry_run = options_.dry_run;
  Progress progress(files.size(), options_.quiet || options_.json);
  for (const SourceFile& file : files) {
    const uint64_t bytes_before = report.bytes_read;
    bool fatal = false;
    Result<FileOutcome> outcome = ingest_file(file, report, fatal);
    if (outcome.is_ok()) {
      report.count(*outcome);
    } else if (fatal) {
      report.fatal = file.relative + ": " + outcome.status().message();
      break;
    } else {
      report.failures.push_back({file.relative, outcome.status().message()});
      if (!options_.json) {
        progress.clear_line();
        std::fprintf(stderr, "failed: %s: %s\n", file.relative.c_str(),
                     outcome.status().message().c_str());
      }
    }
    progress.advance(report.bytes_read - bytes_before);
  }
  progress.finish();
  if (Status status = writer_.commit(); !status.is_ok() && report.fatal.empty()) {
    report.fatal = status.message();
  }
  report.documents_in_index = writer_.document_count();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

Result<FileOutcome> IngestRun::ingest_file(const SourceFile& file, RunReport& report, bool& fatal) {
  Result<std::string> original = read_file(file.path, kMaxOriginalBytes);
  if (!original.is_ok()) return original.status();
  report.bytes_read += original->size();
  Result<std::string> sidecar = read_file(file.sidecar, schema::kMaxSidecarBytes);
  if (!sidecar.is_ok()) {
    if (sidecar.status().code() == StatusCode::kNotFound) {
      return not_found("no metadata: expected " + file.sidecar.filename().string() + " beside it");
    }
    return sidecar.status();
  }
  Result<schema::DocRecord> record = schema::parse_sidecar(*sidecar);
  if (!record.is_ok()) {
    return Status(record.status().code(),
                  file.sidecar.filename().string() + ": " + record.status().message());
  }
  const auto [seen, inserted] = ids_seen_.emplace(record->id, file.relative);
  if (!inserted) {
    return invalid_argument("id '" + record->id + "' is already used by " + seen->second);
  }
  const std::string fingerprint = fingerprint_of(*original, *sidecar);
  Result<std::string> indexed_fingerprint = writer_.fingerprint_of(record->id);
  if (!indexed_fingerprint.is_ok()) {
    fatal = true;
    return indexed_fingerprint.status();
  }
  if (*indexed_fingerprint == fingerprint) return FileOutcome::kUnchanged;

  const auto format = extract::format_of(file.path);
  Result<extract::ExtractedText> extracted = extract::extract(*format, *original);
  if (!extracted.is_ok()) return extracted.status();
  record->text = std::move(extracted->text);
  record->text.resize(utf8::truncate_point(record->text, kMaxExtractedTextBytes));
  record->source = file.relative;
  record->format = std::string(extract::format_name(*format));
  record->media_type = std::string(extract::media_type(*format));
  record->original_name = file.path.filename().string();
  record->bytes = original->size();
  const FileOutcome outcome =
      indexed_fingerprint->empty() ? FileOutcome::kAdded : FileOutcome::kUpdated;
  if (options_.dry_run) return outcome;

  // The original is durable before the commit that refers to it.
  Result<std::string> stored = store_.put(*original);
  if (!stored.is_ok()) {
    fatal = true;
    return stored.status();
  }
  record->sha256 = *stored;
  bool committed = false;
  if (Status status = writer_.replace(record->id, builder_.build(*record, fingerprint), committed);
      !status.is_ok()) {
    fatal = true;
    return status;
  }
  return outcome;
}

}  // namespace jil::ingest
