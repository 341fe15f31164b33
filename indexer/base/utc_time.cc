// Implementation of utc_time.h.
#include "base/utc_time.h"

namespace jil {

std::string utc_timestamp(std::time_t seconds) {
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace jil
