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

bool SearchPool::try_add(Job job) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || waiting_.size() >= max_waiting_) return false;
    waiting_.push_back(std::move(job));
  }
  ready_.notify_one();
  return true;
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
    job(handler);
  }
}

}  // namespace jil::server
