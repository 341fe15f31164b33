// The subcommands of jil-indexer, each a function from parsed arguments to an exit status.
#pragma once

#include <string>
#include <vector>

namespace jil::ingest {

// jil-indexer index --db DIR --store DIR [--batch N] [--json] [--quiet] [--dry-run] SOURCE...
int run_index_command(const std::vector<std::string>& arguments);
// jil-indexer analyze --lang CODE TEXT: prints the terms the analyzer makes of TEXT.
int run_analyze_command(const std::vector<std::string>& arguments);
// jil-indexer stats --db DIR [--json]: documents by language and type.
int run_stats_command(const std::vector<std::string>& arguments);

}  // namespace jil::ingest
