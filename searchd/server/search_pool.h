// The search threads (T-L4): each owns a Searcher and a RequestHandler and takes requests from
// one shared, bounded queue, so connections are read and answered by the I/O threads even while
// every search thread is busy. The I/O thread sheds a request at once when the queue is full or
// when the requests ahead of it would, at the recent time per request, keep it waiting past the
// limit; the search thread decides, when it takes a request, whether it is still worth running.
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
  // Runs on a search thread with that thread's handler.
  using Job = std::function<void(api::RequestHandler& handler)>;

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
  // Queues `job`, unless max_waiting jobs already wait or those waiting would take longer than
  // half of `max_wait` on all threads at the recent time per job (then `job` is dropped). Half:
  // the estimate can be short, and a job that then waits past `max_wait` was admitted in vain.
  Admission try_add(Job job, std::chrono::nanoseconds max_wait);

 private:
  struct Slot {
    std::unique_ptr<search::Searcher> searcher;
    std::unique_ptr<api::RequestHandler> handler;
    std::thread thread;
  };
  void run(api::RequestHandler& handler);

  const size_t max_waiting_;
  std::vector<std::unique_ptr<Slot>> slots_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Job> waiting_;
  bool stopping_ = false;
  // Recent time a job takes (exponentially weighted, 1/8 per job), under mutex_.
  std::chrono::nanoseconds time_per_job_{0};
};

}  // namespace jil::server
