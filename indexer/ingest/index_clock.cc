// Implementation of index_clock.h.
#include "ingest/index_clock.h"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <string_view>

#include "base/utc_time.h"

namespace jil::ingest {
namespace {

// The last second of year 9999: a datestamp keeps four year digits.
constexpr long long kLatestEpochSeconds = 253402300799LL;

}  // namespace

std::string index_timestamp() {
  std::time_t seconds = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  if (const char* fixed = std::getenv("SOURCE_DATE_EPOCH")) {
    const std::string_view text = fixed;
    if (!text.empty() && text.size() <= 12 &&
        text.find_first_not_of("0123456789") == std::string_view::npos &&
        std::stoll(std::string(text)) <= kLatestEpochSeconds) {
      seconds = static_cast<std::time_t>(std::stoll(std::string(text)));
    }
  }
  return utc_timestamp(seconds);
}

}  // namespace jil::ingest
