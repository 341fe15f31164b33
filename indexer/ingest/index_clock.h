// The time stamped on each document the indexer writes (schema::DocRecord::indexed_at, which
// OAI-PMH harvesters select by): now, in UTC to the second, or the time SOURCE_DATE_EPOCH gives
// (seconds since 1970, the reproducible-builds convention) so that two runs over the same files
// write the same index. A SOURCE_DATE_EPOCH that is not such a number is ignored.
#pragma once

#include <string>

namespace jil::ingest {

// "YYYY-MM-DDThh:mm:ssZ"
std::string index_timestamp();

}  // namespace jil::ingest
