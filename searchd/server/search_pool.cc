// Implementation of search_pool.h.
#include "server/search_pool.h"

namespace jil::server {

void SearchPool::add(std::unique_ptr<search::Searcher> searcher,
                     std::unique_ptr<api::RequestHandler> handler) {
  auto slot = std::make_unique<Slot>();
  slot->searcher = std::move(searcher);
  slot->handler = std::move(handler);
  slots_.push_back(std::move(slot));
}

void SearchPool::start() {
  for (auto& slot : slots_) {
    slot->thread = std::thread([this, handler = slot->handler.get()] { run(*handler); });
  }
}

void SearchPool::stop() {
  std::deque<Job> dropped;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    dropped.swap(waiting_);
  }
  ready_.notify_all();
  for (auto& slot : slots_) {
    if (slot->thread.joinable()) slot->thread.join();
  }
  // `dropped` (and the connections its jobs hold) is destroyed here, outside the lock.
}

SearchPool::Admission SearchPool::try_add(Job job, std::chrono::nanoseconds max_wait) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || waiting_.size() >= max_waiting_) return Admission::kQueueFull;
    const auto expected_wait =
        time_per_job_ * static_cast<int64_t>(waiting_.size()) / static_cast<int64_t>(slots_.size());
    if (expected_wait > max_wait / 2) return Admission::kWouldWaitTooLong;
    waiting_.push_back(std::move(job));
  }
  ready_.notify_one();
  return Admission::kQueued;
}

void SearchPool::run(api::RequestHandler& handler) {
  while (true) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
      if (stopping_) return;
      job = std::move(waiting_.front());
      waiting_.pop_front();
    }
    const auto started = std::chrono::steady_clock::now();
    job(handler);
    const auto took = std::chrono::steady_clock::now() - started;
    std::lock_guard lock(mutex_);
    time_per_job_ += (took - time_per_job_) / 8;
  }
}

}  // namespace jil::server
