// jil-indexer: ingests documents into JIL's index. Dispatches to a subcommand.
#include <cstdio>
#include <string>
#include <vector>

#include "extract/extract_worker_child.h"
#include "ingest/exit_codes.h"
#include "ingest/indexer_commands.h"

namespace {

constexpr const char* kUsage =
    "usage: jil-indexer COMMAND [OPTIONS]\n"
    "  index   --db DIR --store DIR [--batch N] [--jobs N] [--prune] [--json] [--quiet]\n"
    "          [--dry-run] SOURCE_DIR...   add, update (and with --prune delete) documents\n"
    "  remove  --db DIR --store DIR [--json] [--dry-run] ID...   delete documents by id\n"
    "  rebuild --index NEW_DIR --store DIR [--removals-from OLD_INDEX] [--batch N] [--json]\n"
    "          [--quiet]\n"
    "                                recreate an index from the store alone\n"
    "  check   --db DIR --store DIR [--json]   do the index and the store agree?\n"
    "  watch   --db DIR --store DIR [--once] [--batch N] [--json] [--quiet] INBOX_DIR\n"
    "                                index files dropped into INBOX_DIR, move them to done/\n"
    "                                or failed/ (with NAME.reason.txt)\n"
    "  analyze --lang CODE TEXT      show the terms the analyzer makes of TEXT\n"
    "  stats   --db DIR [--json]     documents by language, type and year\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return jil::ingest::kExitUsage;
  }
  const std::string command = argv[1];
  const std::vector<std::string> arguments(argv + 2, argv + argc);
  // Not in the usage: the extractor child that `index` and `watch` start (extract_worker.h).
  if (command == jil::extract::kWorkerCommand) return jil::extract::run_extract_worker(arguments);
  if (command == "index") return jil::ingest::run_index_command(arguments);
  if (command == "remove") return jil::ingest::run_remove_command(arguments);
  if (command == "rebuild") return jil::ingest::run_rebuild_command(arguments);
  if (command == "check") return jil::ingest::run_check_command(arguments);
  if (command == "watch") return jil::ingest::run_watch_command(arguments);
  if (command == "analyze") return jil::ingest::run_analyze_command(arguments);
  if (command == "stats") return jil::ingest::run_stats_command(arguments);
  if (command == "--help" || command == "-h" || command == "help") {
    std::fputs(kUsage, stdout);
    return jil::ingest::kExitOk;
  }
  std::fprintf(stderr, "jil-indexer: unknown command '%s'\n%s", command.c_str(), kUsage);
  return jil::ingest::kExitUsage;
}
