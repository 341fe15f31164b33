// A second thread beside a search thread, with its own handle on the same local index, its own
// analyzer and decompressor (none of them is thread-safe). While the process has a free core
// (core_budget.h), a search gives it half of its work and does the other half itself: one part of
// the match (docid_chunks.h, ranked_pass.h), then half of the page's results (hit_maker.h). Each
// part weighs its matches with the statistics of the whole index, so the merged parts are the
// search of the whole: same results, weights, totals, facet counts and snippets.
#pragma once

#include <xapian.h>

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "analysis/analyzer.h"
#include "schema/compressed_block.h"
#include "search/core_budget.h"
#include "search/ranked_works.h"

namespace jil::search {

// What a task runs with on the helper's thread: the handle is at the search's revision.
struct HelperTools {
  const Xapian::Database& database;
  analysis::Analyzer& analyzer;
  schema::BlockDecompressor& decompressor;
};

class SearchHelper {
 public:
  using Task = std::function<void(HelperTools& tools)>;
  enum class Outcome {
    kDone,
    kNotRun,  // the helper's handle could not be brought to the search's revision: do it here
    kFailed,  // the task threw (most likely the index changed under it): retry the search
  };

  // `index` is the path of the glass database the search thread has open. The thread starts
  // with the first task (or warm_up) and makes its own tools.
  SearchHelper(std::string index, CoreBudget& budget);
  ~SearchHelper();
  SearchHelper(const SearchHelper&) = delete;
  SearchHelper& operator=(const SearchHelper&) = delete;

  // Whether a core is free now: checked before a search prepares the helper's part, so that a
  // busy machine does not pay for that preparation (start() checks again, for certain).
  bool core_free() const { return budget_.in_use() < budget_.cores(); }
  // Starts `task` for a search at index revision `revision` when a core is free; false, with
  // nothing started, otherwise. A started task must be finished before the next start.
  bool start(uint64_t revision, Task task);
  // Waits for the started task (and gives its core back).
  Outcome finish();
  // Makes the tools and warms the analyzer now, so that the first split search does not pay
  // for it; waits for it.
  void warm_up();

  // RankedWorks' scratch for the passes the helper runs (ranked_works.h): touched by the
  // helper's thread only between start() and finish().
  RankedScratch& scratch() { return scratch_; }

 private:
  struct Tools;
  void run();
  // `revision`: the one the task needs, none for any.
  void hand_over(std::optional<uint64_t> revision, Task task);
  Outcome wait_done();
  // On the helper's thread: the tools with the handle at `revision`, or null.
  HelperTools* tools_at(std::optional<uint64_t> revision);

  const std::string index_;
  CoreBudget& budget_;
  RankedScratch scratch_;
  std::unique_ptr<Tools> tools_;  // the helper thread's only

  std::mutex mutex_;
  std::condition_variable changed_;
  Task task_;                         // under mutex_
  std::optional<uint64_t> revision_;  // under mutex_
  bool has_task_ = false;             // under mutex_
  bool done_ = false;                 // under mutex_
  bool stopping_ = false;             // under mutex_
  Outcome outcome_ = Outcome::kNotRun;
  std::thread thread_;
};

// Finishes a started helper task when it leaves scope, so that no task outlives the search's
// objects it uses, even when the search's own part throws.
class HelperTaskGuard {
 public:
  explicit HelperTaskGuard(SearchHelper& helper) : helper_(&helper) {}
  ~HelperTaskGuard() {
    if (helper_ != nullptr) helper_->finish();
  }
  HelperTaskGuard(const HelperTaskGuard&) = delete;
  HelperTaskGuard& operator=(const HelperTaskGuard&) = delete;
  SearchHelper::Outcome finish() {
    SearchHelper* helper = helper_;
    helper_ = nullptr;
    return helper->finish();
  }

 private:
  SearchHelper* helper_;
};

}  // namespace jil::search
