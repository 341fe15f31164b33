// Implementation of core_budget.h.
#include "search/core_budget.h"

#include <sched.h>

#include <algorithm>
#include <thread>

namespace jil::search {

CoreBudget& CoreBudget::process() {
  static CoreBudget budget([] {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof(set), &set) == 0 && CPU_COUNT(&set) > 0) {
      return static_cast<size_t>(CPU_COUNT(&set));
    }
    return static_cast<size_t>(std::max(1U, std::thread::hardware_concurrency()));
  }());
  return budget;
}

bool CoreBudget::try_take() {
  size_t used = in_use_.load();
  while (used < cores_) {
    if (in_use_.compare_exchange_weak(used, used + 1)) return true;
  }
  return false;
}

}  // namespace jil::search
