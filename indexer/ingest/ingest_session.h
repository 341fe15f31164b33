// What every writing subcommand (index, remove, rebuild, watch) sets up: the index writer (which
// holds the index lock), the analyzer and document builder, and the content store, with the
// temporary files of interrupted store writes cleaned up once the lock is held. Also how a
// run's report is printed and turned into an exit status, the same for every subcommand.
#pragma once

#include <memory>

#include "analysis/analyzer.h"
#include "ingest/index_writer.h"
#include "ingest/indexer_options.h"
#include "ingest/run_report.h"
#include "schema/document_builder.h"
#include "store/content_store.h"

namespace jil::ingest {

struct IngestSession {
  std::unique_ptr<IndexWriter> writer;
  std::unique_ptr<analysis::Analyzer> analyzer;
  std::unique_ptr<schema::DocumentBuilder> builder;
  std::unique_ptr<store::ContentStore> store;
};

// Opens the index for writing (see IndexWriter::open for kLocked and kCorrupt) and the store.
// With `clean_store` (and not a dry run), removes leftover temporary files from the store and
// says so on stderr: only safe for the index that owns the store.
Result<IngestSession> open_session(const IndexerOptions& options, bool clean_store = true);

// Prints the summary (a line on stderr, or JSON on stdout with --json) and the fatal reason.
void print_report(const RunReport& report, const IndexerOptions& options);
// 0, or kExitSomeFailed when some file failed, or kExitFatal when the run stopped early.
int exit_status(const RunReport& report);

}  // namespace jil::ingest
