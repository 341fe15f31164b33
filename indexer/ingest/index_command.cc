// `jil-indexer index`: argument parsing and the wiring of one ingest run.
#include <cstdio>
#include <cstdlib>

#include "ingest/exit_codes.h"
#include "ingest/indexer_commands.h"
#include "ingest/ingest_run.h"

namespace jil::ingest {
namespace {

constexpr const char* kIndexUsage =
    "usage: jil-indexer index --db DIR --store DIR [--batch N] [--json] [--quiet] [--dry-run] "
    "SOURCE_DIR...\n";

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
    } else if (argument == "--json") {
      options.json = true;
    } else if (argument == "--quiet") {
      options.quiet = true;
    } else if (argument == "--dry-run") {
      options.dry_run = true;
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
  for (const auto& source : options->sources) {
    Result<std::vector<SourceFile>> found = scan_source(source);
    if (!found.is_ok()) {
      std::fprintf(stderr, "jil-indexer: %s\n", found.status().message().c_str());
      return kExitFatal;
    }
    files.insert(files.end(), found->begin(), found->end());
  }
  Result<std::unique_ptr<IndexWriter>> writer =
      IndexWriter::open(options->database, options->batch_size);
  if (!writer.is_ok()) {
    std::fprintf(stderr, "jil-indexer: %s\n", writer.status().message().c_str());
    return exit_code_for(writer.status());
  }
  auto analyzer = analysis::Analyzer::create();
  if (!analyzer.is_ok()) {
    std::fprintf(stderr, "jil-indexer: %s\n", analyzer.status().message().c_str());
    return kExitFatal;
  }
  auto builder = schema::DocumentBuilder::create(**analyzer);
  if (!builder.is_ok()) {
    std::fprintf(stderr, "jil-indexer: %s\n", builder.status().message().c_str());
    return kExitFatal;
  }
  store::ContentStore store(options->store);
  IngestRun run(*options, **writer, store, **builder);
  const RunReport report = run.run(files);
  if (options->json) {
    std::printf("%s\n", report.to_json().c_str());
  } else {
    std::fprintf(stderr, "%s\n", report.summary_line().c_str());
    if (!report.fatal.empty()) {
      std::fprintf(stderr, "jil-indexer: stopped: %s\n", report.fatal.c_str());
    }
  }
  if (!report.fatal.empty()) return kExitFatal;
  return report.failures.empty() ? kExitOk : kExitSomeFailed;
}

}  // namespace jil::ingest
