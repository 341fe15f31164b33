// Implementation of search_helper.h: one task at a time, handed over under a mutex.
#include "search/search_helper.h"

#include <utility>

namespace jil::search {

struct SearchHelper::Tools {
  Xapian::Database database;
  std::unique_ptr<analysis::Analyzer> analyzer;
  schema::BlockDecompressor decompressor;
  HelperTools view;

  Tools(const std::string& index, std::unique_ptr<analysis::Analyzer> made)
      : database(index),
        analyzer(std::move(made)),
        decompressor(schema::BlockDecompressor::for_index(database)),
        view{database, *analyzer, decompressor} {}
};

SearchHelper::SearchHelper(std::string index, CoreBudget& budget)
    : index_(std::move(index)), budget_(budget) {}

SearchHelper::~SearchHelper() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SearchHelper::hand_over(std::optional<uint64_t> revision, Task task) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    task_ = std::move(task);
    revision_ = revision;
    has_task_ = true;
    done_ = false;
  }
  if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
  changed_.notify_all();
}

bool SearchHelper::start(uint64_t revision, Task task) {
  if (!budget_.try_take()) return false;
  hand_over(revision, std::move(task));
  return true;
}

SearchHelper::Outcome SearchHelper::wait_done() {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [this] { return done_; });
  done_ = false;
  task_ = nullptr;
  return outcome_;
}

SearchHelper::Outcome SearchHelper::finish() {
  const Outcome outcome = wait_done();
  budget_.give_back();
  return outcome;
}

void SearchHelper::warm_up() {
  hand_over(std::nullopt, [](HelperTools& tools) {
    for (const analysis::Language language :
         {analysis::Language::kAr, analysis::Language::kEn, analysis::Language::kEs,
          analysis::Language::kFr, analysis::Language::kRu, analysis::Language::kZh}) {
      tools.analyzer.analyze("judges 法官 судьи القضاة", language);
    }
  });
  wait_done();
}

HelperTools* SearchHelper::tools_at(std::optional<uint64_t> revision) {
  try {
    if (!tools_) {
      Result<std::unique_ptr<analysis::Analyzer>> analyzer = analysis::Analyzer::create();
      if (!analyzer.is_ok()) return nullptr;
      tools_ = std::make_unique<Tools>(index_, std::move(analyzer).value());
    }
    tools_->database.reopen();
    if (!revision || tools_->database.get_revision() == *revision) return &tools_->view;
  } catch (const Xapian::Error&) {
    tools_.reset();  // made again for the next task
  }
  return nullptr;
}

void SearchHelper::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    changed_.wait(lock, [this] { return has_task_ || stopping_; });
    if (stopping_) return;
    has_task_ = false;
    const std::optional<uint64_t> revision = revision_;
    lock.unlock();
    Outcome outcome = Outcome::kNotRun;
    if (HelperTools* tools = tools_at(revision)) {
      try {
        task_(*tools);
        outcome = Outcome::kDone;
      } catch (...) {
        outcome = Outcome::kFailed;
      }
    }
    lock.lock();
    outcome_ = outcome;
    done_ = true;
    changed_.notify_all();
  }
}

}  // namespace jil::search
