// `jil-indexer index`: argument parsing and the wiring of one ingest run.
#include <cstdio>
#include <cstdlib>

#include "ingest/exit_codes.h"
#include "ingest/indexer_commands.h"
#include "ingest/ingest_run.h"
#include "ingest/ingest_session.h"
#include "ingest/parallel_build.h"

namespace jil::ingest {
namespace {

constexpr const char* kIndexUsage =
    "usage: jil-indexer index --db DIR --store DIR [--batch N] [--jobs N] [--parallel-shards N] "
    "[--prune] [--json] "
    "[--quiet] [--dry-run] SOURCE_DIR...\n";

Result<IndexerOptions> parse_index_options(const std::vector<std::string>& arguments) {
  IndexerOptions options;
  for (size_t index = 0; index < arguments.size(); ++index) {
    const std::string& argument = arguments[index];
    const bool has_value = index + 1 < arguments.size();
    if (argument == "--db" && has_value) {
      options.database = arguments[++index];
    } else if (argument == "--store" && has_value) {
      options.store = arguments[++index];
    } else if (argument == "--batch" && has_value) {
      const long batch = std::strtol(arguments[++index].c_str(), nullptr, 10);
      if (batch < 1 || batch > 100000) return invalid_argument("--batch takes 1 to 100000");
      options.batch_size = static_cast<size_t>(batch);
    } else if (argument == "--jobs" && has_value) {
      const long jobs = std::strtol(arguments[++index].c_str(), nullptr, 10);
      if (jobs < 1 || jobs > static_cast<long>(kMaxJobs)) {
        return invalid_argument("--jobs takes 1 to " + std::to_string(kMaxJobs));
      }
      options.jobs = static_cast<size_t>(jobs);
    } else if (argument == "--parallel-shards" && has_value) {
      const long shards = std::strtol(arguments[++index].c_str(), nullptr, 10);
      if (shards < 1 || shards > static_cast<long>(kMaxShards)) {
        return invalid_argument("--parallel-shards takes 1 to " + std::to_string(kMaxShards));
      }
      options.parallel_shards = static_cast<size_t>(shards);
    } else if (argument == "--json") {
      options.json = true;
    } else if (argument == "--quiet") {
      options.quiet = true;
    } else if (argument == "--dry-run") {
      options.dry_run = true;
    } else if (argument == "--prune") {
      options.prune = true;
    } else if (argument.starts_with("--")) {
      return invalid_argument("unknown option " + argument);
    } else {
      options.sources.emplace_back(argument);
    }
  }
  if (options.database.empty() || options.store.empty() || options.sources.empty()) {
    return invalid_argument("--db, --store and at least one source folder are required");
  }
  return options;
}

}  // namespace

int run_index_command(const std::vector<std::string>& arguments) {
  Result<IndexerOptions> options = parse_index_options(arguments);
  if (!options.is_ok()) {
    std::fprintf(stderr, "jil-indexer: %s\n%s", options.status().message().c_str(), kIndexUsage);
    return kExitUsage;
  }
  std::vector<SourceFile> files;
  std::vector<std::filesystem::path> roots;
  for (const auto& source : options->sources) {
    Result<std::filesystem::path> root = canonical_folder(source);
    Result<std::vector<SourceFile>> found =
        root.is_ok() ? scan_source(*root) : Result<std::vector<SourceFile>>(root.status());
    if (!found.is_ok()) {
      std::fprintf(stderr, "jil-indexer: %s\n", found.status().message().c_str());
      return kExitFatal;
    }
    roots.push_back(*root);
    files.insert(files.end(), found->begin(), found->end());
  }
  Result<IngestSession> session = open_session(*options);
  if (!session.is_ok()) {
    std::fprintf(stderr, "jil-indexer: %s\n", session.status().message().c_str());
    return exit_code_for(session.status());
  }
  const size_t shards = shards_for(*options, *session->writer, files.size());
  RunReport report;
  if (shards > 1) {
    report = build_in_parallel(*options, *session, files, shards);
  } else {
    IngestRun run(*options, *session->writer, *session->store);
    report = run.run(files, roots);
  }
  print_report(report, *options);
  return exit_status(report);
}

}  // namespace jil::ingest
