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
#include "ingest/progress.h"
#include "schema/spelling_words.h"

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
                      IdClaims& claims, Progress& progress, schema::SpellingChanges& spelling) {
  Result<std::unique_ptr<IndexWriter>> writer =
      IndexWriter::open(path, options.batch_size, Sync::kDeferred);
  if (!writer.is_ok()) {
    RunReport failed;
    failed.fatal = writer.status().message();
    return failed;
  }
  (*writer)->start_docids_at(first_docid);
  (*writer)->hold_spelling();
  store::ContentStore store(options.store);
  IngestRun run(options, **writer, store, &claims, &progress);
  RunReport report = run.run(files);
  spelling = (*writer)->take_spelling();
  return report;
}

// Writes the shards' spelling changes, added up, as `parts` databases of disjoint words and no
// documents, at once: one dictionary written once, where each shard's writer would rewrite its
// fragments' word lists at every commit; only the words of at least
// schema::kMinSpellingDocuments documents. The merge puts them in the index.
std::vector<fs::path> write_spelling(std::vector<schema::SpellingChanges>& shards,
                                     const fs::path& build, size_t parts) {
  schema::SpellingChanges all;
  for (schema::SpellingChanges& shard : shards) all.merge(std::move(shard));
  std::vector<schema::SpellingChanges> split = all.split(parts);
  std::vector<fs::path> paths;
  for (size_t part = 0; part < split.size(); ++part) {
    paths.push_back(build / ("spelling-" + std::to_string(part)));
  }
  std::vector<std::string> errors(split.size());
  std::vector<std::thread> writers;
  for (size_t part = 0; part < split.size(); ++part) {
    writers.emplace_back([&, part] {
      try {
        Xapian::WritableDatabase database(paths[part].string(),
                                          Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
        split[part].write_counts(database);
        database.commit();
      } catch (const Xapian::Error& error) {
        errors[part] = error.get_description();
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  for (const std::string& error : errors) {
    if (!error.empty())
      throw Xapian::DatabaseError("cannot write the spelling dictionary: " + error);
  }
  return paths;
}

void add_up(RunReport& total, const RunReport& shard) {
  total.added += shard.added;
  total.updated += shard.updated;
  total.unchanged += shard.unchanged;
  total.bytes_read += shard.bytes_read;
  total.failures.insert(total.failures.end(), shard.failures.begin(), shard.failures.end());
  if (total.fatal.empty()) total.fatal = shard.fatal;
}

// Merges the shards that hold documents, and the spelling dictionary, into build/merged; false
// when no shard holds documents.
bool merge(const std::vector<fs::path>& shards, const std::vector<fs::path>& spelling,
           const fs::path& merged) {
  Xapian::Database all;
  size_t with_documents = 0;
  for (const fs::path& shard : shards) {
    Xapian::Database database(shard.string());
    if (database.get_doccount() == 0) continue;
    all.add_database(database);
    ++with_documents;
  }
  if (with_documents == 0) return false;
  for (const fs::path& part : spelling) all.add_database(Xapian::Database(part.string()));
  // The shards' docids are disjoint ranges already in file order: kept as they are.
  all.compact(merged.string(), Xapian::DBCOMPACT_NO_RENUMBER);
  return true;  // made durable by swap_in
}

// Puts `merged` in place of `target` (the empty index `session` holds locked), then closes it.
Status swap_in(const fs::path& merged, const fs::path& target, const fs::path& aside,
               const store::ContentStore& store, IngestSession& session) {
  // The shards and the store were written without fsyncs: the merged index and every original
  // and record it refers to reach the disk before it is put in place (one syncfs of each file
  // system; the second costs nothing when they share one).
  if (Status status = store.sync(); !status.is_ok()) return status;
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
  shard_options.quiet = true;  // the shards' batch lines would garble the one progress display
  shard_options.jobs = std::max<size_t>(1, options.jobs / shards);
  shard_options.batch_size = std::min(options.batch_size, kShardBatchSize);
  if (!options.quiet && !options.json) {
    std::fprintf(stderr,
                 "building a new index: %zu files in %zu shards at once, merged at the end\n",
                 files.size(), shards);
  }
  const std::vector<std::vector<SourceFile>> ranges = split_by_bytes(files, shards);
  std::vector<fs::path> paths;
  std::vector<RunReport> reports(shards);
  std::vector<schema::SpellingChanges> spelling(shards);
  std::vector<std::thread> writers;
  IdClaims claims;
  Progress progress(files.size(), options.quiet || options.json);
  Xapian::docid first_docid = 1;
  for (size_t shard = 0; shard < shards; ++shard) {
    paths.push_back(build / ("shard-" + std::to_string(shard)));
  }
  for (size_t shard = 0; shard < shards; ++shard) {
    writers.emplace_back([&, shard, first_docid] {
      reports[shard] = build_shard(shard_options, paths[shard], ranges[shard], first_docid, claims,
                                   progress, spelling[shard]);
    });
    first_docid += static_cast<Xapian::docid>(ranges[shard].size());
  }
  for (std::thread& writer : writers) writer.join();
  progress.finish();
  for (const RunReport& shard : reports) add_up(report, shard);
  if (!report.fatal.empty()) return finish(report.fatal);  // the index stays empty

  try {
    const std::vector<fs::path> dictionary =
        write_spelling(spelling, build, std::max<size_t>(1, std::min(options.jobs, shards)));
    if (!merge(paths, dictionary, build / "merged")) return finish("");  // every file failed
  } catch (const Xapian::Error& merge_error) {
    return finish("cannot merge the shards: " + merge_error.get_description());
  }
  const store::ContentStore store(options.store);
  if (Status status = swap_in(build / "merged", target, build / "empty", store, session);
      !status.is_ok())
    return finish(status.message());
  if (!options.quiet && !options.json) {
    std::fprintf(stderr, "committed: %zu shards merged into %s\n", shards, target.c_str());
  }
  return finish("");
}

}  // namespace jil::ingest
