// Times as JIL writes them: RFC 3339 in UTC to the second ("2023-07-22T04:26:40Z"), the form of
// DocRecord::indexed_at, OAI-PMH datestamps, Atom dates and key file stamps. Its text order is
// time order (for years 0000 to 9999).
#pragma once

#include <ctime>
#include <string>

namespace jil {

// `seconds` since 1970-01-01T00:00:00Z as "YYYY-MM-DDThh:mm:ssZ".
std::string utc_timestamp(std::time_t seconds);

}  // namespace jil
