// Options of jil-indexer and every limit it enforces, each named once with its unit and reason.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <vector>

namespace jil::ingest {

// Largest original accepted (bytes): larger files are reports, not documents, at this scale.
inline constexpr size_t kMaxOriginalBytes = 64 * 1024 * 1024;
// Largest extracted text kept per document (bytes): bounds memory and document-data size.
inline constexpr size_t kMaxExtractedTextBytes = 16 * 1024 * 1024;
// Documents per transaction: a crash loses at most this many, and a reader sees whole batches.
inline constexpr size_t kDefaultBatchSize = 500;

// `watch`: how long a file in the inbox must have gone unmodified (its size and mtime unchanged)
// before it counts as complete; an upload still being written is left alone until then.
inline constexpr std::chrono::seconds kInboxSettleTime{2};
// `watch`: how often the inbox is looked at.
inline constexpr std::chrono::seconds kInboxPollInterval{2};

// Threads that extract and analyze (--jobs): one per core by default.
size_t default_jobs();
// Most --jobs accepted: each thread has an extractor child and its own analyzer.
inline constexpr size_t kMaxJobs = 64;

// A new index of many files is written in shards at once and merged (ingest/parallel_build.h):
// fewest files per shard for the automatic choice (below it one writer is about as fast), and
// most shards (--parallel-shards; each has a writing thread, its open batch, an extractor child).
inline constexpr size_t kMinFilesPerShard = 250;
inline constexpr size_t kMaxShards = 16;
// Documents per commit of a shard (at most --batch): a shard's commits are neither synced nor
// seen by anyone, and Xapian's writer spends about half the CPU per document in batches of
// 100 that it spends in batches of 500, its in-memory changes growing with the batch
// (tools/bench/xapian_floor.cc).
inline constexpr size_t kShardBatchSize = 100;

struct IndexerOptions {
  std::filesystem::path database;  // --db
  std::filesystem::path store;     // --store
  std::vector<std::filesystem::path> sources;
  size_t batch_size = kDefaultBatchSize;  // --batch
  size_t jobs = default_jobs();           // --jobs
  size_t parallel_shards = 0;  // --parallel-shards: 0 = by itself for a new index, 1 = never
  bool json = false;           // --json: machine-readable summary on stdout
  bool quiet = false;          // --quiet: no progress
  bool dry_run = false;        // --dry-run: report, write nothing
  bool prune = false;          // --prune: delete documents whose file left a folder of this run
};

}  // namespace jil::ingest
