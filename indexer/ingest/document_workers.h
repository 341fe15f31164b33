// The threads that turn files into Xapian documents while the ingest run's own thread writes the
// ones before (issue 8: all analysis on two cores). Each thread owns what is not thread-safe: its
// extractor child (extract_worker.h), metadata resolver, analyzer and document builder. Tasks run
// in any order on any thread; their futures say when each is done.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "analysis/analyzer.h"
#include "base/status.h"
#include "extract/extract_worker.h"
#include "metadata/metadata_resolver.h"
#include "schema/document_builder.h"

namespace jil::ingest {

// What one thread works with.
struct WorkerTools {
  std::unique_ptr<extract::ExtractWorker> extractor;
  std::unique_ptr<metadata::MetadataResolver> metadata;
  std::unique_ptr<analysis::Analyzer> analyzer;
  std::unique_ptr<schema::DocumentBuilder> builder;
};

class DocumentWorkers {
 public:
  using Task = std::function<void(WorkerTools&)>;

  // `threads` threads (at least 1), each with its own tools.
  static Result<std::unique_ptr<DocumentWorkers>> create(size_t threads);
  // Finishes the queued tasks, then joins the threads.
  ~DocumentWorkers();
  DocumentWorkers(const DocumentWorkers&) = delete;
  DocumentWorkers& operator=(const DocumentWorkers&) = delete;

  // Queues `task`; the future is ready when it has run.
  std::future<void> submit(Task task);
  size_t threads() const { return threads_.size(); }

 private:
  DocumentWorkers() = default;
  void serve(WorkerTools& tools);

  std::vector<std::unique_ptr<WorkerTools>> tools_;
  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::packaged_task<void(WorkerTools&)>> queue_;
  bool stopping_ = false;
};

}  // namespace jil::ingest
