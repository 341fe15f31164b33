// Implementation of indexer_options.h.
#include "ingest/indexer_options.h"

#include <sched.h>

#include <algorithm>

namespace jil::ingest {

size_t default_jobs() {
  cpu_set_t cpus;
  CPU_ZERO(&cpus);
  // The cores this process may run on (a container's or taskset's share, not the machine's).
  const int count = ::sched_getaffinity(0, sizeof cpus, &cpus) == 0 ? CPU_COUNT(&cpus) : 1;
  return std::clamp<size_t>(static_cast<size_t>(count), 1, kMaxJobs);
}

}  // namespace jil::ingest
