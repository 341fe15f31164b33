// One ingest run: every source file is read, checked, extracted, analyzed, stored and indexed,
// or reported as failed with its reason while the rest goes on. Unchanged files are skipped by
// fingerprint, so a second run changes nothing. For each document the original and its stored
// record are durable before the commit that adds it (one store sync per batch); batches are
// committed as they fill. With --prune, documents whose file is gone from a folder of this run
// are deleted afterwards.
// A pipeline: this thread reads each file and looks it up in the index (prepare), --jobs threads
// extract, resolve and analyze it into a document (document_workers.h), and this thread writes
// the documents in the order of the files (write), so the index is the same whatever --jobs is.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "ingest/crash_points.h"
#include "ingest/document_workers.h"
#include "ingest/id_claims.h"
#include "ingest/index_writer.h"
#include "ingest/indexer_options.h"
#include "ingest/progress.h"
#include "ingest/run_report.h"
#include "ingest/source_scanner.h"
#include "metadata/metadata_resolver.h"
#include "store/content_store.h"
#include "store/record_store.h"

namespace jil::ingest {

class IngestRun {
 public:
  // `shared_ids`: the id claims of every run writing the same index at once (a parallel build's
  // shards); without it the run keeps its own. `shared_progress`: the display those runs
  // advance together (its owner finishes it); without it the run shows its own.
  IngestRun(const IndexerOptions& options, IndexWriter& writer, store::ContentStore& store,
            IdClaims* shared_ids = nullptr, Progress* shared_progress = nullptr)
      : options_(options),
        writer_(writer),
        store_(store),
        records_(store.root()),
        crash_points_(CrashPoints::from_environment()),
        ids_(shared_ids ? *shared_ids : own_ids_),
        shared_progress_(shared_progress) {}

  // Ingests the files; stops early only on errors that would affect every later file
  // (disk full, index write failure), recorded in RunReport::fatal. `roots` are the scanned
  // folders (canonical), the ones --prune looks at.
  RunReport run(const std::vector<SourceFile>& files,
                const std::vector<std::filesystem::path>& roots = {});

 private:
  struct PendingFile;
  // Reads the file and its metadata and decides whether it needs indexing; a file that does
  // goes to the document workers.
  std::unique_ptr<PendingFile> prepare(const SourceFile& file, RunReport& report);
  // Runs on a document worker: extraction, metadata, the Xapian document.
  void make_document(PendingFile& pending, WorkerTools& tools) const;
  // Waits for the file's document and writes it (store, index, record); counts the outcome or
  // the failure. False when the run must stop (report.fatal is set).
  bool finish(PendingFile& pending, RunReport& report, Progress& progress);
  // kOk with the outcome, or the reason the file failed. `fatal` is set for run-stopping errors.
  Result<FileOutcome> write(PendingFile& pending, bool& fatal);
  // True when the index and the store already hold this file as it is: same fingerprint, same
  // origin, and its stored record and original present (else it is written again).
  // Why `file` may not take `id`: the document of that id came from another file that is still
  // there (in this folder or another). nullopt when it may: the same file, or one moved away.
  std::optional<std::string> live_holder_elsewhere(const std::string& id, const SourceFile& file);
  bool is_current(const std::string& id, const std::string& fingerprint, const SourceFile& file);
  // Remembers which id the file at this path now has (for --prune), and returns `outcome`.
  FileOutcome note_ingested(const SourceFile& file, const std::string& id, FileOutcome outcome);
  // Makes the batch's originals and records durable (one store sync), then commits it.
  Status commit();
  // Commits when the batch is full, with a log line; false (and report.fatal) on failure.
  bool commit_if_full(RunReport& report, Progress& progress);
  // --prune: deletes documents of `roots` whose file was not seen (or now has another id).
  Status prune(const std::vector<SourceFile>& files,
               const std::vector<std::filesystem::path>& roots, RunReport& report);

  const IndexerOptions& options_;
  IndexWriter& writer_;
  store::ContentStore& store_;
  store::RecordStore records_;
  CrashPoints crash_points_;
  std::unique_ptr<DocumentWorkers> workers_;  // started by the first file that needs one
  IdClaims own_ids_;
  IdClaims& ids_;  // id → file that used it in this run
  Progress* shared_progress_;
  std::map<Origin, std::string> ids_by_origin_;  // (root, relative) → id it had in this run
  std::string last_written_id_;                  // for the "committed:" line (RELIABILITY.md R1)
  // Sidecars, manifests, embedded properties, language detection; made by the first file.
  std::unique_ptr<metadata::MetadataResolver> metadata_;
};

}  // namespace jil::ingest
