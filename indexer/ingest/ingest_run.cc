// Implementation of ingest_run.h.
#include "ingest/ingest_run.h"

#include <chrono>
#include <cstdio>
#include <future>
#include <optional>
#include <set>

#include "base/file_io.h"
#include "base/utf8.h"
#include "extract/extractor.h"
#include "ingest/fingerprint.h"
#include "ingest/index_clock.h"
#include "ingest/progress.h"
#include "ingest/stored_record.h"
#include "ingest/text_limit.h"
#include "schema/spelling_words.h"

namespace jil::ingest {
namespace {

static_assert(kMaxOriginalBytes <= extract::kMaxRequestPayloadBytes,
              "the extractor child must accept every original the indexer reads");

}  // namespace

// One file on its way through the pipeline.
struct IngestRun::PendingFile {
  const SourceFile* file = nullptr;
  uint64_t bytes = 0;  // read from the source
  // Decided before any document was made: failed, unchanged, or (fatal) the run stops.
  std::optional<Result<FileOutcome>> decided;
  bool fatal = false;
  // For the document workers.
  std::string original;
  metadata::GivenMetadata given;
  std::string fingerprint;
  // The time of the indexed version when only the indexer's versions changed since ("": now).
  std::string indexed_at;
  std::string ocr_language;
  extract::DocumentFormat format = extract::DocumentFormat::kText;
  FileOutcome outcome = FileOutcome::kAdded;
  // What they make of it: the record, or the reason the file failed, and the document.
  std::optional<Result<schema::DocRecord>> record;
  Xapian::Document document;
  std::vector<std::string> spelling_words;  // the document's, made here for the writer
  std::future<void> made;
};

RunReport IngestRun::run(const std::vector<SourceFile>& files,
                         const std::vector<std::filesystem::path>& roots) {
  const auto start = std::chrono::steady_clock::now();
  RunReport report;
  report.dry_run = options_.dry_run;
  Progress own_progress(files.size(), options_.quiet || options_.json || shared_progress_);
  Progress& progress = shared_progress_ ? *shared_progress_ : own_progress;
  // Files prepared ahead of the one being written: enough to keep every worker busy.
  const size_t ahead = 4 * std::max<size_t>(options_.jobs, 1);
  std::deque<std::unique_ptr<PendingFile>> pipeline;
  bool stopped = false;
  for (const SourceFile& file : files) {
    std::unique_ptr<PendingFile> pending = prepare(file, report);
    const bool fatal = pending->fatal;
    pipeline.push_back(std::move(pending));
    while (!pipeline.empty() && (pipeline.size() > ahead || fatal)) {
      stopped = !finish(*pipeline.front(), report, progress);
      pipeline.pop_front();
      if (stopped) break;
    }
    if (stopped || fatal) break;
  }
  while (!stopped && !pipeline.empty()) {
    stopped = !finish(*pipeline.front(), report, progress);
    pipeline.pop_front();
  }
  for (auto& pending : pipeline) {  // after a fatal error: let the workers let go of them
    if (pending->made.valid()) pending->made.wait();
  }
  own_progress.finish();
  // After a fatal error (a full disk) the open batch is dropped, not committed: the index stays
  // at its last whole batch, and the next run adds the rest.
  if (!report.fatal.empty()) {
    writer_.cancel();
  } else if (Status status = commit(); !status.is_ok()) {
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

std::unique_ptr<IngestRun::PendingFile> IngestRun::prepare(const SourceFile& file,
                                                           RunReport& report) {
  auto pending = std::make_unique<PendingFile>();
  pending->file = &file;
  auto decide = [&](Result<FileOutcome> outcome, bool fatal = false) {
    pending->decided = std::move(outcome);
    pending->fatal = fatal;
    return std::move(pending);
  };
  Result<std::string> original = read_file(file.path, kMaxOriginalBytes);
  if (!original.is_ok()) return decide(original.status());
  pending->bytes = original->size();
  report.bytes_read += original->size();
  // Metadata, part 1 (metadata/metadata_resolver.h): the sidecar and the manifest row give the
  // id and the fingerprint, so an unchanged file is skipped before it is extracted.
  if (!metadata_) {
    Result<std::unique_ptr<metadata::MetadataResolver>> created =
        metadata::MetadataResolver::create();
    if (!created.is_ok()) return decide(created.status(), true);
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
  if (!given.is_ok()) return decide(given.status());
  const std::string id = given->id;
  if (const std::optional<std::string> owner = ids_.claim(id, file.relative)) {
    return decide(invalid_argument("id '" + id + "' is already used by " + *owner));
  }
  const extract::DocumentFormat format = *extract::format_of(file.path);
  const std::string fingerprint = fingerprint_of(*original, given->fingerprint_text, format);
  Result<IndexedDocument> indexed = writer_.find(id);
  if (!indexed.is_ok()) return decide(indexed.status(), true);
  if (indexed->docid != 0 && indexed->fingerprint == fingerprint &&
      is_current(id, fingerprint, file)) {
    return decide(note_ingested(file, id, FileOutcome::kUnchanged));
  }
  if (indexed->docid != 0) {
    if (std::optional<std::string> holder = live_holder_elsewhere(id, file)) {
      return decide(invalid_argument(*holder));
    }
  }
  pending->format = format;
  // OCR (scanned PDFs) reads in the language the sidecar or manifest row names, if any.
  for (const nlohmann::json* named : {&given->sidecar, &given->row}) {
    if (pending->ocr_language.empty() && named->is_object() && named->contains("language")) {
      pending->ocr_language =
          named->value("language", "") + (named->value("script", "") == "Hant" ? "-Hant" : "");
    }
  }
  pending->original = std::move(*original);
  pending->given = std::move(*given);
  pending->fingerprint = fingerprint;
  // The same bytes and sidecar written again by a new analyzer or schema (every file is, once,
  // after a change of the fingerprint's form) are no new version: the feeds and OAI-PMH keep dating
  // the document as before rather than list the whole library as new.
  if (indexed->docid != 0 && same_files(fingerprint, indexed->fingerprint)) {
    pending->indexed_at = indexed->indexed_at;
  }
  pending->outcome = indexed->docid == 0 ? FileOutcome::kAdded : FileOutcome::kUpdated;
  if (!workers_) {
    Result<std::unique_ptr<DocumentWorkers>> workers = DocumentWorkers::create(options_.jobs);
    if (!workers.is_ok()) return decide(workers.status(), true);
    workers_ = std::move(*workers);
  }
  PendingFile* shared = pending.get();
  // The dictionaries as they are now: one trained later is applied by the writer (index_writer.h).
  std::shared_ptr<const schema::LanguageDictionaries> dictionaries = writer_.text_dictionaries();
  pending->made = workers_->submit([this, shared, dictionaries](WorkerTools& tools) {
    try {
      tools.builder->use_text_dictionaries(dictionaries);
      make_document(*shared, tools);
    } catch (const std::exception& error) {
      shared->record = internal_error(std::string("cannot make the document: ") + error.what());
    } catch (const Xapian::Error& error) {
      shared->record = internal_error("cannot make the document: " + error.get_description());
    }
  });
  return pending;
}

void IngestRun::make_document(PendingFile& pending, WorkerTools& tools) const {
  Result<extract::ExtractedText> extracted =
      tools.extractor->extract(pending.format, pending.original, pending.ocr_language);
  if (!extracted.is_ok()) {
    pending.record = extracted.status();
    return;
  }
  // Metadata, part 2: what the sources leave out comes from the file's own properties, and the
  // language, when nothing names it, from detection.
  Result<schema::DocRecord> record = tools.metadata->resolve(pending.given, *extracted);
  if (!record.is_ok()) {
    pending.record = record.status();
    return;
  }
  const SourceFile& file = *pending.file;
  record->text = std::move(extracted->text);
  record->quality = std::move(extracted->quality);
  record->quality_notes = std::move(extracted->quality_notes);
  cut_to_text_limit(record->text, record->quality, record->quality_notes);
  record->page_offsets = std::move(extracted->page_offsets);
  std::erase_if(record->page_offsets,
                [&](uint32_t offset) { return offset > record->text.size(); });  // cut pages
  record->source = file.relative;
  record->format = std::string(extract::format_name(pending.format));
  record->media_type = std::string(extract::media_type(pending.format));
  record->original_name = file.path.filename().string();
  record->bytes = pending.original.size();
  record->indexed_at = pending.indexed_at.empty() ? index_timestamp() : pending.indexed_at;
  record->sha256 = store::sha256_hex(pending.original);  // the name the store gives it
  if (!options_.dry_run) {
    pending.document = tools.builder->build(*record, pending.fingerprint);
    pending.spelling_words = schema::spelling_words_of(pending.document);
  }
  pending.record = std::move(record);
}

bool IngestRun::finish(PendingFile& pending, RunReport& report, Progress& progress) {
  bool fatal = pending.fatal;
  Result<FileOutcome> outcome = FileOutcome::kFailed;
  if (pending.decided) {
    outcome = std::move(*pending.decided);
  } else {
    pending.made.wait();
    outcome = write(pending, fatal);
  }
  const SourceFile& file = *pending.file;
  if (outcome.is_ok()) {
    report.count(*outcome);
    if (!commit_if_full(report, progress)) return false;
  } else if (fatal) {
    report.fatal = file.relative + ": " + outcome.status().message();
    return false;
  } else {
    report.failures.push_back({file.relative, outcome.status().message()});
    if (!options_.json) {
      progress.clear_line();
      std::fprintf(stderr, "failed: %s: %s\n", file.relative.c_str(),
                   outcome.status().message().c_str());
    }
  }
  progress.advance(pending.bytes);
  return true;
}

Result<FileOutcome> IngestRun::write(PendingFile& pending, bool& fatal) {
  if (!pending.record->is_ok()) return pending.record->status();
  schema::DocRecord& record = pending.record->value();
  const SourceFile& file = *pending.file;
  if (options_.dry_run) return note_ingested(file, record.id, pending.outcome);

  // The original and its record are durable before the commit that refers to them: written
  // now, synced once per batch (commit()).
  Result<std::string> stored = store_.put(pending.original, Sync::kDeferred);
  if (!stored.is_ok()) {
    fatal = true;
    return stored.status();
  }
  crash_points_.reach("after-original");
  const Origin origin{file.root.string(), file.relative};
  Result<Xapian::docid> docid =
      pending.outcome == FileOutcome::kAdded
          ? writer_.add(record.id, pending.document, origin, &pending.spelling_words)
          : writer_.replace(record.id, pending.document, origin, &pending.spelling_words);
  if (!docid.is_ok()) {
    fatal = true;
    return docid.status();
  }
  StoredRecord stored_record = make_stored_record(record, *docid, pending.fingerprint, origin.root);
  stored_record.extract_language = pending.ocr_language;
  if (Status status = records_.put(record.id, to_text(stored_record), Sync::kDeferred);
      !status.is_ok()) {
    fatal = true;
    return status;
  }
  last_written_id_ = record.id;
  crash_points_.reach("after-record");
  return note_ingested(file, record.id, pending.outcome);
}

std::optional<std::string> IngestRun::live_holder_elsewhere(const std::string& id,
                                                            const SourceFile& file) {
  Result<Origin> indexed_origin = writer_.origin_of(id);
  if (!indexed_origin.is_ok() || indexed_origin->root.empty() || indexed_origin->source.empty()) {
    return std::nullopt;  // no origin recorded (indexed before origins were): nothing to compare
  }
  const Origin origin{file.root.string(), file.relative};
  if (*indexed_origin == origin) return std::nullopt;
  std::error_code error;
  const std::filesystem::path held =
      std::filesystem::path(indexed_origin->root) / indexed_origin->source;
  // A file moved or renamed leaves its old place empty: then this is its new place. A file still
  // there would put its own version back at its folder's next run, and the two would take turns.
  if (!std::filesystem::is_regular_file(held, error)) return std::nullopt;
  if (indexed_origin->root == origin.root) {
    return "id '" + id + "' is already used by " + indexed_origin->source +
           ", which is still there: give this file another id, or remove that one first";
  }
  return "id '" + id + "' is already used by " + indexed_origin->source + " in " +
         indexed_origin->root +
         ", which is still there: give this file another id, or remove that one first";
}

bool IngestRun::is_current(const std::string& id, const std::string& fingerprint,
                           const SourceFile& file) {
  const Origin origin{file.root.string(), file.relative};
  Result<Origin> indexed_origin = writer_.origin_of(id);
  if (!indexed_origin.is_ok() || *indexed_origin != origin) return false;
  Result<std::string> text = records_.get(id);
  if (!text.is_ok()) return false;
  Result<StoredRecord> stored = parse_stored_record(*text);
  // The record names the same files; the index's document says which versions made it (a
  // rebuild makes them again under its own: with_current_versions).
  if (!stored.is_ok() || !same_files(stored->fingerprint, fingerprint) ||
      stored->root != origin.root || stored->source != origin.source) {
    return false;
  }
  Result<IndexedDocument> indexed = writer_.find(id);
  return indexed.is_ok() && indexed->docid == stored->docid &&
         indexed->fingerprint == fingerprint && store_.path_of(stored->sha256).is_ok();
}

FileOutcome IngestRun::note_ingested(const SourceFile& file, const std::string& id,
                                     FileOutcome outcome) {
  ids_by_origin_[Origin{file.root.string(), file.relative}] = id;
  return outcome;
}

Status IngestRun::commit() {
  // A writer with deferred syncs (a parallel build's shard) is made durable as a whole, with the
  // store, before anything refers to it (parallel_build.cc): no store sync per batch either.
  if (writer_.has_changes() && !writer_.sync_deferred()) {
    if (Status status = store_.sync(); !status.is_ok()) return status;
  }
  return writer_.commit();
}

bool IngestRun::commit_if_full(RunReport& report, Progress& progress) {
  if (options_.dry_run || !writer_.batch_full()) return true;
  crash_points_.reach("before-commit");
  if (Status status = commit(); !status.is_ok()) {
    report.fatal = status.message();
    return false;
  }
  if (!options_.quiet && !options_.json) {
    progress.clear_line();
    std::fprintf(stderr, "committed: batch %zu (last id %s), %u documents in the index\n",
                 writer_.commits(), last_written_id_.c_str(), writer_.document_count());
  }
  crash_points_.reach("after-commit");
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
