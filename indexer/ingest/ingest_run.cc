// Implementation of ingest_run.h.
#include "ingest/ingest_run.h"

#include <chrono>
#include <cstdio>
#include <set>

#include "analysis/analyzer_version.h"
#include "base/file_io.h"
#include "base/utf8.h"
#include "extract/extract_sandbox.h"
#include "extract/extractor.h"
#include "ingest/progress.h"
#include "ingest/stored_record.h"
#include "schema/schema_version.h"

namespace jil::ingest {
namespace {

std::string fingerprint_of(std::string_view original, std::string_view sidecar) {
  return store::sha256_hex(original) + "/" + store::sha256_hex(sidecar) + "/a" +
         std::to_string(analysis::kAnalyzerVersion) + "/s" + std::to_string(schema::kSchemaVersion);
}

}  // namespace

RunReport IngestRun::run(const std::vector<SourceFile>& files,
                         const std::vector<std::filesystem::path>& roots) {
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
      if (!commit_if_full(report, progress)) break;
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
  // After a fatal error (a full disk) the open batch is dropped, not committed: the index stays
  // at its last whole batch, and the next run adds the rest.
  if (!report.fatal.empty()) {
    writer_.cancel();
  } else if (Status status = writer_.commit(); !status.is_ok()) {
    report.fatal = status.message();
  }
  if (options_.prune && report.fatal.empty()) {
    if (Status status = prune(files, roots, report); !status.is_ok())
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
  // Metadata, part 1 (metadata/metadata_resolver.h): the sidecar and the manifest row give the
  // id and the fingerprint, so an unchanged file is skipped before it is extracted.
  if (!metadata_) {
    Result<std::unique_ptr<metadata::MetadataResolver>> created =
        metadata::MetadataResolver::create();
    if (!created.is_ok()) {
      fatal = true;
      return created.status();
    }
    metadata_ = std::move(*created);
  }
  Result<metadata::GivenMetadata> given =
      metadata_->given_metadata(file.path, file.sidecar, file.root);
  for (const metadata::ManifestProblem& problem : metadata_->take_manifest_problems()) {
    report.failures.push_back({problem.manifest, problem.message});
    if (!options_.json) {
      std::fprintf(stderr, "failed: %s: %s\n", problem.manifest.c_str(), problem.message.c_str());
    }
  }
  if (!given.is_ok()) return given.status();
  const std::string id = given->id;
  const auto [seen, inserted] = ids_seen_.emplace(id, file.relative);
  if (!inserted) {
    return invalid_argument("id '" + id + "' is already used by " + seen->second);
  }
  const std::string fingerprint = fingerprint_of(*original, given->fingerprint_text);
  Result<std::string> indexed_fingerprint = writer_.fingerprint_of(id);
  if (!indexed_fingerprint.is_ok()) {
    fatal = true;
    return indexed_fingerprint.status();
  }
  if (*indexed_fingerprint == fingerprint && is_current(id, fingerprint, file)) {
    return note_ingested(file, id, FileOutcome::kUnchanged);
  }

  const auto format = extract::format_of(file.path);
  // OCR (scanned PDFs) reads in the language the sidecar or manifest row names, if any.
  std::string ocr_language;
  for (const nlohmann::json* named : {&given->sidecar, &given->row}) {
    if (ocr_language.empty() && named->is_object() && named->contains("language")) {
      ocr_language =
          named->value("language", "") + (named->value("script", "") == "Hant" ? "-Hant" : "");
    }
  }
  Result<extract::ExtractedText> extracted =
      extract::extract_sandboxed(*format, *original, ocr_language);
  if (!extracted.is_ok()) return extracted.status();
  // Metadata, part 2: what the sources leave out comes from the file's own properties, and the
  // language, when nothing names it, from detection.
  Result<schema::DocRecord> record = metadata_->resolve(*given, *extracted);
  if (!record.is_ok()) return record.status();
  record->text = std::move(extracted->text);
  record->text.resize(utf8::truncate_point(record->text, kMaxExtractedTextBytes));
  record->quality = std::move(extracted->quality);
  record->quality_notes = std::move(extracted->quality_notes);
  record->page_offsets = std::move(extracted->page_offsets);
  std::erase_if(record->page_offsets,
                [&](uint32_t offset) { return offset > record->text.size(); });  // cut pages
  record->source = file.relative;
  record->format = std::string(extract::format_name(*format));
  record->media_type = std::string(extract::media_type(*format));
  record->original_name = file.path.filename().string();
  record->bytes = original->size();
  const FileOutcome outcome =
      indexed_fingerprint->empty() ? FileOutcome::kAdded : FileOutcome::kUpdated;
  if (options_.dry_run) return note_ingested(file, record->id, outcome);

  // The original and its record are durable before the commit that refers to them.
  Result<std::string> stored = store_.put(*original);
  if (!stored.is_ok()) {
    fatal = true;
    return stored.status();
  }
  crash_points_.reach("after-original");
  record->sha256 = *stored;
  const Origin origin{file.root.string(), file.relative};
  Result<Xapian::docid> docid =
      writer_.replace(record->id, builder_.build(*record, fingerprint), origin);
  if (!docid.is_ok()) {
    fatal = true;
    return docid.status();
  }
  StoredRecord stored_record = make_stored_record(*record, *docid, fingerprint, origin.root);
  stored_record.extract_language = ocr_language;
  if (Status status = records_.put(record->id, to_text(stored_record)); !status.is_ok()) {
    fatal = true;
    return status;
  }
  last_written_id_ = record->id;
  crash_points_.reach("after-record");
  return note_ingested(file, record->id, outcome);
}

bool IngestRun::is_current(const std::string& id, const std::string& fingerprint,
                           const SourceFile& file) {
  const Origin origin{file.root.string(), file.relative};
  Result<Origin> indexed_origin = writer_.origin_of(id);
  if (!indexed_origin.is_ok() || *indexed_origin != origin) return false;
  Result<std::string> text = records_.get(id);
  if (!text.is_ok()) return false;
  Result<StoredRecord> stored = parse_stored_record(*text);
  if (!stored.is_ok() || stored->fingerprint != fingerprint || stored->root != origin.root ||
      stored->source != origin.source) {
    return false;
  }
  Result<IndexedDocument> indexed = writer_.find(id);
  return indexed.is_ok() && indexed->docid == stored->docid &&
         store_.path_of(stored->sha256).is_ok();
}

FileOutcome IngestRun::note_ingested(const SourceFile& file, const std::string& id,
                                     FileOutcome outcome) {
  ids_by_origin_[Origin{file.root.string(), file.relative}] = id;
  return outcome;
}

bool IngestRun::commit_if_full(RunReport& report, Progress& progress) {
  if (options_.dry_run) return true;
  if (writer_.batch_full()) crash_points_.reach("before-commit");
  Result<bool> committed = writer_.commit_if_full();
  if (!committed.is_ok()) {
    report.fatal = committed.status().message();
    return false;
  }
  if (*committed && !options_.quiet && !options_.json) {
    progress.clear_line();
    std::fprintf(stderr, "committed: batch %zu (last id %s), %u documents in the index\n",
                 writer_.commits(), last_written_id_.c_str(), writer_.document_count());
  }
  if (*committed) crash_points_.reach("after-commit");
  return true;
}

Status IngestRun::prune(const std::vector<SourceFile>& files,
                        const std::vector<std::filesystem::path>& roots, RunReport& report) {
  std::set<std::string> pruned_roots;
  for (const auto& root : roots) pruned_roots.insert(root.string());
  std::set<Origin> present;
  for (const SourceFile& file : files) present.insert(Origin{file.root.string(), file.relative});
  Result<std::map<std::string, Origin>> origins = writer_.origins();
  if (!origins.is_ok()) return origins.status();
  std::vector<std::string> stale;
  for (const auto& [id, origin] : *origins) {
    if (!pruned_roots.contains(origin.root)) continue;  // another folder's document
    const auto now = ids_by_origin_.find(origin);
    const bool file_gone = !present.contains(origin);
    const bool id_changed = now != ids_by_origin_.end() && now->second != id;
    if (file_gone || id_changed) stale.push_back(id);
  }
  for (const std::string& id : stale) {
    report.removed_ids.push_back(id);
    if (options_.dry_run) continue;
    bool existed = false;
    if (Status status = writer_.remove(id, existed); !status.is_ok()) return status;
  }
  if (options_.dry_run) return Status::ok();
  if (Status status = writer_.commit(); !status.is_ok()) return status;
  // Records go after the commit: a crash in between leaves a record that `check` reports and
  // the next --prune removes, never a document without its record.
  // Records of these folders with no document (left by such a crash) go too.
  std::set<std::string> kept;
  for (const auto& [origin, id] : ids_by_origin_) kept.insert(id);
  Result<std::vector<std::string>> record_ids = records_.ids();
  if (!record_ids.is_ok()) return record_ids.status();
  for (const std::string& id : *record_ids) {
    if (origins->contains(id) || kept.contains(id)) continue;
    Result<std::string> text = records_.get(id);
    Result<StoredRecord> stored =
        text.is_ok() ? parse_stored_record(*text) : Result<StoredRecord>(text.status());
    if (stored.is_ok() && pruned_roots.contains(stored->root)) stale.push_back(id);
  }
  for (const std::string& id : stale) {
    if (Status status = records_.remove(id); !status.is_ok()) return status;
  }
  return Status::ok();
}

}  // namespace jil::ingest
