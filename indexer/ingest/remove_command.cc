// `jil-indexer remove`: deletes documents by id, in one transaction, then their stored records
// (after the commit, so that a crash never leaves a document without its record). Originals stay
// in the store (another document may share them); `jil-indexer check` lists unreferenced ones.
#include <cstdio>

#include "ingest/exit_codes.h"
#include "ingest/indexer_commands.h"
#include "ingest/ingest_session.h"
#include "store/record_store.h"

namespace jil::ingest {
namespace {

constexpr const char* kRemoveUsage =
    "usage: jil-indexer remove --db DIR --store DIR [--json] [--dry-run] ID...\n";

Result<IndexerOptions> parse_remove_options(const std::vector<std::string>& arguments,
                                            std::vector<std::string>& ids) {
  IndexerOptions options;
  for (size_t index = 0; index < arguments.size(); ++index) {
    const std::string& argument = arguments[index];
    const bool has_value = index + 1 < arguments.size();
    if (argument == "--db" && has_value) {
      options.database = arguments[++index];
    } else if (argument == "--store" && has_value) {
      options.store = arguments[++index];
    } else if (argument == "--json") {
      options.json = true;
    } else if (argument == "--dry-run") {
      options.dry_run = true;
    } else if (argument.starts_with("--")) {
      return invalid_argument("unknown option " + argument);
    } else {
      ids.push_back(argument);
    }
  }
  if (options.database.empty() || options.store.empty() || ids.empty()) {
    return invalid_argument("--db, --store and at least one id are required");
  }
  return options;
}

}  // namespace

int run_remove_command(const std::vector<std::string>& arguments) {
  std::vector<std::string> ids;
  Result<IndexerOptions> options = parse_remove_options(arguments, ids);
  if (!options.is_ok()) {
    std::fprintf(stderr, "jil-indexer: %s\n%s", options.status().message().c_str(), kRemoveUsage);
    return kExitUsage;
  }
  options->batch_size = ids.size() + 1;  // one transaction for the whole command
  Result<IngestSession> session = open_session(*options);
  if (!session.is_ok()) {
    std::fprintf(stderr, "jil-indexer: %s\n", session.status().message().c_str());
    return exit_code_for(session.status());
  }
  IndexWriter& writer = *session->writer;
  store::RecordStore records(options->store);
  RunReport report;
  report.dry_run = options->dry_run;
  std::vector<std::string> to_forget;  // records to remove after the commit
  for (const std::string& id : ids) {
    Result<IndexedDocument> indexed = writer.find(id);
    if (!indexed.is_ok()) {
      report.fatal = indexed.status().message();
      break;
    }
    const bool has_record = records.contains(id);
    if (indexed->docid == 0 && !has_record) {
      report.failures.push_back({id, "no document with this id"});
      if (!options->json)
        std::fprintf(stderr, "failed: %s: no document with this id\n", id.c_str());
      continue;
    }
    report.removed_ids.push_back(id);
    to_forget.push_back(id);
    if (options->dry_run) continue;
    bool existed = false;
    if (Status status = writer.remove(id, existed); !status.is_ok()) {
      report.fatal = status.message();
      break;
    }
  }
  if (report.fatal.empty() && !options->dry_run) {
    if (Status status = writer.commit(); !status.is_ok()) report.fatal = status.message();
  }
  if (report.fatal.empty() && !options->dry_run) {
    for (const std::string& id : to_forget) {
      if (Status status = records.remove(id); !status.is_ok()) {
        report.fatal = status.message();
        break;
      }
    }
  }
  report.documents_in_index = writer.document_count();
  print_report(report, *options);
  return exit_status(report);
}

}  // namespace jil::ingest
