// The subcommands of jil-indexer, each a function from parsed arguments to an exit status.
#pragma once

#include <string>
#include <vector>

namespace jil::ingest {

// jil-indexer index --db DIR --store DIR [--batch N] [--prune] [--json] [--quiet] [--dry-run]
//   SOURCE...
int run_index_command(const std::vector<std::string>& arguments);
// jil-indexer remove --db DIR --store DIR [--json] [--dry-run] ID...
int run_remove_command(const std::vector<std::string>& arguments);
// jil-indexer rebuild --index NEW_DIR --store DIR [--batch N] [--json] [--quiet]
int run_rebuild_command(const std::vector<std::string>& arguments);
// jil-indexer check --db DIR --store DIR [--json]: exit 0 when index and store agree, else 1.
int run_check_command(const std::vector<std::string>& arguments);
// jil-indexer watch --db DIR --store DIR [--once] [--batch N] [--json] [--quiet] INBOX
int run_watch_command(const std::vector<std::string>& arguments);
// jil-indexer analyze --lang CODE TEXT: prints the terms the analyzer makes of TEXT.
int run_analyze_command(const std::vector<std::string>& arguments);
// jil-indexer stats --db DIR [--json]: documents by language and type.
int run_stats_command(const std::vector<std::string>& arguments);

}  // namespace jil::ingest
