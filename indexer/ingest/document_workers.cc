// Implementation of document_workers.h.
#include "ingest/document_workers.h"

namespace jil::ingest {

Result<std::unique_ptr<DocumentWorkers>> DocumentWorkers::create(size_t threads) {
  std::unique_ptr<DocumentWorkers> workers(new DocumentWorkers());
  for (size_t index = 0; index < std::max<size_t>(threads, 1); ++index) {
    auto tools = std::make_unique<WorkerTools>();
    tools->extractor = extract::ExtractWorker::spawning(extract::kThisProgram);
    Result<std::unique_ptr<metadata::MetadataResolver>> metadata =
        metadata::MetadataResolver::create();
    if (!metadata.is_ok()) return metadata.status();
    tools->metadata = std::move(*metadata);
    Result<std::unique_ptr<analysis::Analyzer>> analyzer = analysis::Analyzer::create();
    if (!analyzer.is_ok()) return analyzer.status();
    tools->analyzer = std::move(*analyzer);
    Result<std::unique_ptr<schema::DocumentBuilder>> builder =
        schema::DocumentBuilder::create(*tools->analyzer);
    if (!builder.is_ok()) return builder.status();
    tools->builder = std::move(*builder);
    workers->tools_.push_back(std::move(tools));
  }
  for (auto& tools : workers->tools_) {
    WorkerTools* mine = tools.get();
    DocumentWorkers* self = workers.get();
    workers->threads_.emplace_back([self, mine] { self->serve(*mine); });
  }
  return workers;
}

DocumentWorkers::~DocumentWorkers() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

std::future<void> DocumentWorkers::submit(Task task) {
  std::packaged_task<void(WorkerTools&)> packaged(std::move(task));
  std::future<void> done = packaged.get_future();
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(packaged));
  }
  wake_.notify_one();
  return done;
}

void DocumentWorkers::serve(WorkerTools& tools) {
  while (true) {
    std::packaged_task<void(WorkerTools&)> task;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    task(tools);
  }
}

}  // namespace jil::ingest
