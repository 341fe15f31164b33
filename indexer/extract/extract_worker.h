// A long-lived sandboxed extractor child, reused for many files (RELIABILITY.md T-P5): forking
// a child per file cost the indexer most of its system time (page tables copied, pages faulted
// back). The guarantees are those of extract_sandbox.h, per file: the parent's watchdog kills
// the child at the file's wall-clock, CPU, memory or output limit, and a child that crashes or is
// killed is reported for that one file with the same messages, then replaced by a fresh one on
// the next request. A child is also replaced every kFilesPerWorker files, and after a file that
// left it holding much memory, as a safety valve. One worker serves one thread at a time.
#pragma once

#include <sys/resource.h>
#include <sys/types.h>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string_view>

#include "base/status.h"
#include "extract/extract_sandbox.h"
#include "extract/extract_worker_protocol.h"

namespace jil::extract {

// The running program, for spawning(): the indexer's children are the indexer itself.
inline constexpr const char* kThisProgram = "/proc/self/exe";

// Files one child serves before it is replaced.
inline constexpr size_t kFilesPerWorker = 500;

class ExtractWorker {
 public:
  // Children that are `program extract-worker` (the indexer's own executable, /proc/self/exe):
  // spawned without copying the indexer's memory, safe while other threads run.
  static std::unique_ptr<ExtractWorker> spawning(std::filesystem::path program,
                                                 const SandboxLimits& limits = {});
  // Children forked from this process that serve `handler` (tests; single-threaded callers).
  static std::unique_ptr<ExtractWorker> forking(ExtractionHandler handler,
                                                const SandboxLimits& limits = {});
  ~ExtractWorker();
  ExtractWorker(const ExtractWorker&) = delete;
  ExtractWorker& operator=(const ExtractWorker&) = delete;

  // Runs one request in the child under `limits`' wall-clock, CPU and output limits (the memory
  // limit is the one the worker was made with). Starts a child when none is running.
  Result<ExtractedText> run(const ExtractionRequest& request, const SandboxLimits& limits);

  // extract_sandboxed() in this worker: extraction under `limits`, then OCR of a PDF that needs
  // it under `ocr_limits`, with the same rules for which result stands.
  Result<ExtractedText> extract(DocumentFormat format, std::string_view bytes,
                                std::string_view language = "",
                                const SandboxLimits& ocr_limits = kOcrLimits);

  // The running child's pid (0 when none), and how many children have been started.
  pid_t pid() const { return child_; }
  size_t children_started() const { return started_; }

 private:
  ExtractWorker(std::filesystem::path program, ExtractionHandler handler,
                const SandboxLimits& limits)
      : program_(std::move(program)), handler_(std::move(handler)), limits_(limits) {}

  Status start();
  // Kills the child (SIGKILL) and reaps it; `wait_status` and `usage` say how it ended.
  void stop(int* wait_status = nullptr, ::rusage* usage = nullptr);

  std::filesystem::path program_;  // empty: fork and serve handler_
  ExtractionHandler handler_;
  SandboxLimits limits_;
  pid_t child_ = 0;
  int socket_ = -1;
  uint64_t baseline_resident_ = 0;  // what the child had resident when it started (fork)
  size_t served_ = 0;               // files the running child has answered
  size_t started_ = 0;
};

}  // namespace jil::extract
