// The search threads (T-L4): each owns a Searcher and a RequestHandler and takes requests from
// one shared, bounded queue, so connections are read and answered by the I/O threads even while
// every search thread is busy. A request is shed (its `shed` runs instead of `run`) as soon as
// the pool can tell it would not start within its wait limit: on arrival, when the queue is full
// or the work ahead of it (what the running requests have left plus the waiting ones, at the
// recent time per request, spread over the threads) would take over half the limit; and while
// it waits, whenever a thread takes the next request and the same estimate says it would start
// past its limit. A request taken after its limit is shed too. The estimate is the exponentially
// weighted mean time of the last requests (1/8 per request).
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "api/request_handler.h"
#include "search/searcher.h"

namespace jil::server {

class SearchPool {
 public:
  using Clock = std::chrono::steady_clock;
  // When a queued request was shed: taken by a thread after its limit had passed, or found
  // while still waiting to be unable to start before its limit.
  enum class ShedWhen { kTakenLate, kWhileWaiting };
  struct Job {
    // Runs on a search thread with that thread's handler.
    std::function<void(api::RequestHandler& handler)> run;
    // Runs instead of `run`, on a search thread, outside the pool's lock.
    std::function<void(ShedWhen when)> shed;
  };

  explicit SearchPool(size_t max_waiting) : max_waiting_(max_waiting) {}
  ~SearchPool() { stop(); }
  SearchPool(const SearchPool&) = delete;
  SearchPool& operator=(const SearchPool&) = delete;

  // One search thread-to-be with its own Searcher and handler (before start()).
  void add(std::unique_ptr<search::Searcher> searcher,
           std::unique_ptr<api::RequestHandler> handler);
  void start();
  // Lets running jobs finish, drops waiting ones and joins the threads.
  void stop();
  enum class Admission { kQueued, kQueueFull, kWouldWaitTooLong };
  // Queues `job` to start within `max_wait` of now, unless max_waiting jobs already wait or the
  // expected wait is over half of `max_wait` (then `job` is dropped unrun). Half: the estimate
  // can be short; a job that then cannot start in time is shed while it waits.
  Admission try_add(Job job, std::chrono::nanoseconds max_wait);
  // Requests waiting for a thread, and requests running (for /metrics).
  size_t waiting() const;
  size_t running() const;

 private:
  struct Slot {
    std::unique_ptr<search::Searcher> searcher;
    std::unique_ptr<api::RequestHandler> handler;
    std::thread thread;
    Clock::time_point started{};  // of its running job, under mutex_
    bool busy = false;            // under mutex_
  };
  struct Waiting {
    Job job;
    Clock::time_point deadline;  // latest start worth running it
  };
  void run(Slot& slot);
  // Under mutex_: how long a job queued behind the first `ahead` waiting ones would wait.
  std::chrono::nanoseconds expected_wait(size_t ahead, Clock::time_point now) const;
  // Under mutex_: moves the waiting jobs that can no longer start in time to `shed`.
  void take_hopeless(Clock::time_point now, std::vector<std::pair<Job, ShedWhen>>& shed);

  const size_t max_waiting_;
  std::vector<std::unique_ptr<Slot>> slots_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Waiting> waiting_;
  bool stopping_ = false;
  std::chrono::nanoseconds time_per_job_{0};  // under mutex_
};

}  // namespace jil::server
