// Implementation of parallel_build.h.
#include "ingest/parallel_build.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

#include "base/file_io.h"
#include "ingest/id_claims.h"
#include "ingest/ingest_run.h"

namespace jil::ingest {
namespace {

namespace fs = std::filesystem;

// Cuts `files` into `count` consecutive ranges of about equal bytes (at least one file each).
std::vector<std::vector<SourceFile>> split_by_bytes(const std::vector<SourceFile>& files,
                                                    size_t count) {
  std::vector<uintmax_t> sizes;
  uintmax_t total = 0;
  for (const SourceFile& file : files) {
    std::error_code error;
    const uintmax_t size = fs::file_size(file.path, error);
    sizes.push_back(error ? 0 : size);
    total += sizes.back();
  }
  std::vector<std::vector<SourceFile>> ranges(count);
  uintmax_t done = 0;
  size_t range = 0;
  for (size_t index = 0; index < files.size(); ++index) {
    // Move on once this range has its share, keeping a file for each range still to come.
    const bool full = done * count >= total * (range + 1) && !ranges[range].empty();
    if (range + 1 < count && (full || files.size() - index <= count - range - 1)) ++range;
    ranges[range].push_back(files[index]);
    done += sizes[index];
  }
  return ranges;
}

RunReport build_shard(const IndexerOptions& options, const fs::path& path,
                      const std::vector<SourceFile>& files, Xapian::docid first_docid,
                      IdClaims& claims) {
  Result<std::unique_ptr<IndexWriter>> writer =
      IndexWriter::open(path, options.batch_size, Sync::kDeferred);
  if (!writer.is_ok()) {
    RunReport failed;
    failed.fatal = writer.status().message();
    return failed;
  }
  (*writer)->start_docids_at(first_docid);
  store::ContentStore store(options.store);
  IngestRun run(options, **writer, store, &claims);
  return run.run(files);
}

void add_up(RunReport& total, const RunReport& shard) {
  total.added += shard.added;
  total.updated += shard.updated;
  total.unchanged += shard.unchanged;
  total.bytes_read += shard.bytes_read;
  total.failures.insert(total.failures.end(), shard.failures.begin(), shard.failures.end());
  if (total.fatal.empty()) total.fatal = shard.fatal;
}

// Merges the shards that hold documents into build/merged; false when none does.
bool merge(const std::vector<fs::path>& shards, const fs::path& merged) {
  Xapian::Database all;
  size_t with_documents = 0;
  for (const fs::path& shard : shards) {
    Xapian::Database database(shard.string());
    if (database.get_doccount() == 0) continue;
    all.add_database(database);
    ++with_documents;
  }
  if (with_documents == 0) return false;
  // The shards' docids are disjoint ranges already in file order: kept as they are.
  all.compact(merged.string(), Xapian::DBCOMPACT_NO_RENUMBER);
  return true;  // made durable by swap_in
}

// Puts `merged` in place of `target` (the empty index `session` holds locked), then closes it.
Status swap_in(const fs::path& merged, const fs::path& target, const fs::path& aside,
               IngestSession& session) {
  // The shards were written without fsyncs: the merged index reaches the disk before it is
  // put in place (one syncfs of its file system).
  if (Status status = sync_file_system(merged); !status.is_ok()) return status;
  std::error_code error;
  fs::rename(target, aside, error);
  if (error) return io_error("cannot move the empty " + target.string() + ": " + error.message());
  fs::rename(merged, target, error);
  if (error) {
    std::error_code ignored;
    fs::rename(aside, target, ignored);
    return io_error("cannot move the built index to " + target.string() + ": " + error.message());
  }
  session.writer.reset();  // the empty index, and its lock
  return sync_directory(target.parent_path().empty() ? fs::path(".") : target.parent_path());
}

// The index's own path, without a trailing separator.
fs::path target_of(const fs::path& database) {
  fs::path target = database.lexically_normal();
  return target.has_filename() ? target : target.parent_path();
}

}  // namespace

size_t shards_for(const IndexerOptions& options, const IndexWriter& writer, size_t files) {
  if (options.parallel_shards == 1 || options.prune || options.dry_run) return 1;
  if (writer.document_count() != 0) return 1;  // incremental: the one writer
  if (options.parallel_shards > 1)
    return std::min(options.parallel_shards, std::max<size_t>(files, 1));
  return std::clamp<size_t>(std::min(options.jobs, files / kMinFilesPerShard), 1, kMaxShards);
}

fs::path build_folder_of(const fs::path& database) {
  return fs::path(target_of(database).string() + ".jil-build");
}

RunReport build_in_parallel(const IndexerOptions& options, IngestSession& session,
                            const std::vector<SourceFile>& files, size_t shards) {
  const auto start = std::chrono::steady_clock::now();
  RunReport report;
  const fs::path build = build_folder_of(options.database);
  const fs::path target = target_of(options.database);
  auto finish = [&](const std::string& fatal) {
    std::error_code ignored;
    fs::remove_all(build, ignored);
    if (report.fatal.empty()) report.fatal = fatal;
    try {
      report.documents_in_index = session.writer ? session.writer->document_count()
                                                 : Xapian::Database(target.string()).get_doccount();
    } catch (const Xapian::Error& count_error) {
      if (report.fatal.empty())
        report.fatal = "cannot open the built index: " + count_error.get_msg();
    }
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
  };
  std::error_code error;
  fs::remove_all(build, error);  // what an interrupted build left (the index lock is ours)
  if (!error) fs::create_directories(build, error);
  if (error) return finish("cannot make " + build.string() + ": " + error.message());

  IndexerOptions shard_options = options;
  shard_options.quiet = true;  // one progress bar per shard would garble the terminal
  shard_options.jobs = std::max<size_t>(1, options.jobs / shards);
  if (!options.quiet && !options.json) {
    std::fprintf(stderr,
                 "building a new index: %zu files in %zu shards at once, merged at the end\n",
                 files.size(), shards);
  }
  const std::vector<std::vector<SourceFile>> ranges = split_by_bytes(files, shards);
  std::vector<fs::path> paths;
  std::vector<RunReport> reports(shards);
  std::vector<std::thread> writers;
  IdClaims claims;
  Xapian::docid first_docid = 1;
  for (size_t shard = 0; shard < shards; ++shard) {
    paths.push_back(build / ("shard-" + std::to_string(shard)));
  }
  for (size_t shard = 0; shard < shards; ++shard) {
    writers.emplace_back([&, shard, first_docid] {
      reports[shard] = build_shard(shard_options, paths[shard], ranges[shard], first_docid, claims);
    });
    first_docid += static_cast<Xapian::docid>(ranges[shard].size());
  }
  for (std::thread& writer : writers) writer.join();
  for (const RunReport& shard : reports) add_up(report, shard);
  if (!report.fatal.empty()) return finish(report.fatal);  // the index stays empty

  try {
    if (!merge(paths, build / "merged")) return finish("");  // every file failed
  } catch (const Xapian::Error& merge_error) {
    return finish("cannot merge the shards: " + merge_error.get_description());
  }
  if (Status status = swap_in(build / "merged", target, build / "empty", session); !status.is_ok())
    return finish(status.message());
  if (!options.quiet && !options.json) {
    std::fprintf(stderr, "committed: %zu shards merged into %s\n", shards, target.c_str());
  }
  return finish("");
}

}  // namespace jil::ingest
