// The cores this process may keep busy with searches, shared by every search thread: a search
// holds one while it runs, and a search's helper (search_helper.h) takes one more only when one is
// free. So a search on an idle machine runs on two cores, and under load, when every core already
// runs a search, no search splits and the work per request stays what it was.
#pragma once

#include <atomic>
#include <cstddef>

namespace jil::search {

class CoreBudget {
 public:
  // The process's budget: the cores it may run on (sched_getaffinity).
  static CoreBudget& process();
  explicit CoreBudget(size_t cores) : cores_(cores) {}

  size_t cores() const { return cores_; }
  size_t in_use() const { return in_use_.load(std::memory_order_relaxed); }

  // Held by a running search, whether or not a core is free.
  class SearchHold {
   public:
    explicit SearchHold(CoreBudget& budget) : budget_(budget) { budget_.in_use_.fetch_add(1); }
    ~SearchHold() { budget_.in_use_.fetch_sub(1); }
    SearchHold(const SearchHold&) = delete;
    SearchHold& operator=(const SearchHold&) = delete;

   private:
    CoreBudget& budget_;
  };
  // Takes a core for a helper when one is free; give_back() returns it.
  bool try_take();
  void give_back() { in_use_.fetch_sub(1); }

 private:
  const size_t cores_;
  std::atomic<size_t> in_use_{0};
};

}  // namespace jil::search
