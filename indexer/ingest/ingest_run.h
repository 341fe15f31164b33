// One ingest run: every source file is read, checked, extracted, analyzed, stored and indexed,
// or reported as failed with its reason while the rest goes on. Unchanged files are skipped by
// fingerprint, so a second run changes nothing.
#pragma once

#include <map>
#include <string>

#include "analysis/analyzer.h"
#include "ingest/index_writer.h"
#include "ingest/indexer_options.h"
#include "ingest/run_report.h"
#include "ingest/source_scanner.h"
#include "schema/document_builder.h"
#include "store/content_store.h"

namespace jil::ingest {

class IngestRun {
 public:
  IngestRun(const IndexerOptions& options, IndexWriter& writer, store::ContentStore& store,
            schema::DocumentBuilder& builder)
      : options_(options), writer_(writer), store_(store), builder_(builder) {}

  // Ingests the files; stops early only on errors that would affect every later file
  // (disk full, index write failure), recorded in RunReport::fatal.
  RunReport run(const std::vector<SourceFile>& files);

 private:
  // kOk with the outcome, or the reason the file failed. `fatal` is set for run-stopping errors.
  Result<FileOutcome> ingest_file(const SourceFile& file, RunReport& report, bool& fatal);

  const IndexerOptions& options_;
  IndexWriter& writer_;
  store::ContentStore& store_;
  schema::DocumentBuilder& builder_;
  std::map<std::string, std::string> ids_seen_;  // id → file that used it in this run
};

}  // namespace jil::ingest
