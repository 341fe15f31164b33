// A new index built by several writers at once (`index --parallel-shards N`, and by itself for a
// new or empty index of many files). Xapian has one writer per database, and that writer was
// most of the indexer's CPU, so: the files are cut, in order, into N ranges of about equal
// bytes; each range is ingested by its own IngestRun (its own writing thread and jobs/N
// analysing threads) into a temporary shard in DB.jil-build/, every document taking the docid it
// would have in file order; the shards' spelling words are counted in memory and written once,
// as a dictionary of their own (schema/spelling_words.h), after them; then the shards and the
// dictionary are merged by Xapian's compaction (no renumbering)
// and the merged index takes the place of the new, empty one by two renames while that one's lock
// is held. All or nothing: an interrupted or failed build leaves the index empty, as it was, and
// the next build removes what it left. Runs on an index with documents, --prune and --dry-run
// keep the one writer, with its batch-by-batch commits.
#pragma once

#include <vector>

#include "ingest/indexer_options.h"
#include "ingest/ingest_session.h"
#include "ingest/run_report.h"
#include "ingest/source_scanner.h"

namespace jil::ingest {

// How many shards this run writes: 1 means the one writer (IngestRun on the index itself).
size_t shards_for(const IndexerOptions& options, const IndexWriter& writer, size_t files);

// The folder a parallel build of `database` works in (beside it, removed afterwards).
std::filesystem::path build_folder_of(const std::filesystem::path& database);

// Builds the index of `files` in `shards` shards and puts it in place of session.writer's
// empty index; session.writer is closed afterwards (its lock handed over with the rename).
RunReport build_in_parallel(const IndexerOptions& options, IngestSession& session,
                            const std::vector<SourceFile>& files, size_t shards);

}  // namespace jil::ingest
