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
    slot->thread = std::thread([this, slot = slot.get()] { run(*slot); });
  }
}

void SearchPool::stop() {
  std::deque<Waiting> dropped;
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

size_t SearchPool::waiting() const {
  std::lock_guard lock(mutex_);
  return waiting_.size();
}

size_t SearchPool::running() const {
  std::lock_guard lock(mutex_);
  size_t busy = 0;
  for (const auto& slot : slots_) busy += slot->busy;
  return busy;
}

std::chrono::nanoseconds SearchPool::expected_wait(size_t ahead, Clock::time_point now) const {
  // What the running jobs have left (at least nothing) plus the waiting ones ahead, shared by
  // the threads.
  size_t idle = 0;
  for (const auto& slot : slots_) idle += !slot->busy;
  if (ahead < idle) return std::chrono::nanoseconds(0);  // a thread is free for it
  std::chrono::nanoseconds work = time_per_job_ * static_cast<int64_t>(ahead);
  for (const auto& slot : slots_) {
    if (slot->busy) {
      work += std::max(std::chrono::nanoseconds(0),
                       time_per_job_ - std::chrono::duration_cast<std::chrono::nanoseconds>(
                                           now - slot->started));
    }
  }
  return work / static_cast<int64_t>(slots_.size());
}

SearchPool::Admission SearchPool::try_add(Job job, std::chrono::nanoseconds max_wait) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || waiting_.size() >= max_waiting_) return Admission::kQueueFull;
    const Clock::time_point now = Clock::now();
    if (expected_wait(waiting_.size(), now) > max_wait / 2) return Admission::kWouldWaitTooLong;
    waiting_.push_back(Waiting{std::move(job), now + max_wait});
  }
  ready_.notify_one();
  return Admission::kQueued;
}

void SearchPool::take_hopeless(Clock::time_point now, std::vector<std::pair<Job, ShedWhen>>& shed) {
  // Called by a free thread: the first job kept starts now, on it; one behind `ahead` others
  // after the work ahead of it.
  size_t ahead = 0;
  for (auto waiting = waiting_.begin(); waiting != waiting_.end();) {
    const bool late = now > waiting->deadline;
    if (late || (ahead > 0 && now + expected_wait(ahead, now) > waiting->deadline)) {
      shed.emplace_back(std::move(waiting->job),
                        late ? ShedWhen::kTakenLate : ShedWhen::kWhileWaiting);
      waiting = waiting_.erase(waiting);
    } else {
      ++ahead;
      ++waiting;
    }
  }
}

void SearchPool::run(Slot& slot) {
  std::vector<std::pair<Job, ShedWhen>> shed;
  while (true) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
      if (stopping_) return;
      take_hopeless(Clock::now(), shed);
      if (!waiting_.empty()) {
        job = std::move(waiting_.front().job);
        waiting_.pop_front();
        slot.busy = true;
        slot.started = Clock::now();
      }
    }
    for (auto& [hopeless, when] : shed) hopeless.shed(when);
    shed.clear();  // their connections are released here, outside the lock
    if (!job.run) continue;
    const auto started = Clock::now();
    job.run(*slot.handler);
    const auto took = Clock::now() - started;
    job = Job{};
    std::lock_guard lock(mutex_);
    slot.busy = false;
    time_per_job_ += (took - time_per_job_) / 8;
  }
}

}  // namespace jil::server
