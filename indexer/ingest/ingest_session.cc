// Implementation of ingest_session.h.
#include "ingest/ingest_session.h"

#include <cstdio>

#include "ingest/exit_codes.h"

namespace jil::ingest {

Result<IngestSession> open_session(const IndexerOptions& options, bool clean_store) {
  IngestSession session;
  Result<std::unique_ptr<IndexWriter>> writer =
      IndexWriter::open(options.database, options.batch_size);
  if (!writer.is_ok()) return writer.status();
  session.writer = std::move(*writer);
  Result<std::unique_ptr<analysis::Analyzer>> analyzer = analysis::Analyzer::create();
  if (!analyzer.is_ok()) return analyzer.status();
  session.analyzer = std::move(*analyzer);
  Result<std::unique_ptr<schema::DocumentBuilder>> builder =
      schema::DocumentBuilder::create(*session.analyzer);
  if (!builder.is_ok()) return builder.status();
  session.builder = std::move(*builder);
  session.store = std::make_unique<store::ContentStore>(options.store);
  if (clean_store && !options.dry_run) {
    // Safe now: the index lock is ours, so no other jil-indexer is writing to the store.
    Result<size_t> removed = session.store->remove_temporaries();
    if (!removed.is_ok()) return removed.status();
    if (*removed > 0 && !options.json) {
      std::fprintf(stderr,
                   "removed %zu temporary file(s) left in the store by an interrupted run\n",
                   *removed);
    }
  }
  return session;
}

void print_report(const RunReport& report, const IndexerOptions& options) {
  if (options.json) {
    std::printf("%s\n", report.to_json().c_str());
    return;
  }
  std::fprintf(stderr, "%s\n", report.summary_line().c_str());
  if (!report.fatal.empty()) {
    std::fprintf(stderr, "jil-indexer: stopped: %s\n", report.fatal.c_str());
  }
}

int exit_status(const RunReport& report) {
  if (!report.fatal.empty()) return kExitFatal;
  return report.failures.empty() ? kExitOk : kExitSomeFailed;
}

}  // namespace jil::ingest
