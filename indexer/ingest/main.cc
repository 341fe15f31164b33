// jil-indexer: ingests documents into JIL's index. Dispatches to a subcommand.
#include <cstdio>
#include <string>
#include <vector>

#include "ingest/exit_codes.h"
#include "ingest/indexer_commands.h"

namespace {

constexpr const char* kUsage =
    "usage: jil-indexer COMMAND [OPTIONS]\n"
    "  index   --db DIR --store DIR [--batch N] [--json] [--quiet] [--dry-run] SOURCE_DIR...\n"
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
  if (command == "index") return jil::ingest::run_index_command(arguments);
  if (command == "analyze") return jil::ingest::run_analyze_command(arguments);
  if (command == "stats") return jil::ingest::run_stats_command(arguments);
  if (command == "--help" || command == "-h" || command == "help") {
    std::fputs(kUsage, stdout);
    return jil::ingest::kExitOk;
  }
  std::fprintf(stderr, "jil-indexer: unknown command '%s'\n%s", command.c_str(), kUsage);
  return jil::ingest::kExitUsage;
}
