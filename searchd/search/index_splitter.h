// Splits one JIL index into N shards by document id, for serving them with xapian-tcpsrv and
// opening them in searchd as one database (a stub file of `remote tcp HOST PORT` lines, in shard
// order). Document d goes to shard (d - 1) % N under local id (d - 1) / N + 1: exactly the id
// Xapian's interleaving gives it back in the combined database, so result order, ties included,
// matches the single index. Documents are copied whole (data, terms, positions, values); every
// shard gets all the metadata (schema and analyzer versions, indexer state).
#pragma once

#include <filesystem>
#include <vector>

#include "base/status.h"

namespace jil::search {

// Writes `count` new glass databases `OUT/shard-0` … `OUT/shard-N-1` (OUT must not hold them
// yet) and returns their paths. kInvalidArgument for a bad count or existing output.
Result<std::vector<std::filesystem::path>> split_index(const std::filesystem::path& source,
                                                       unsigned count,
                                                       const std::filesystem::path& out);

}  // namespace jil::search
