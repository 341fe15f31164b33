// Tests extract/extract_worker.cc with a real long-lived child (forked, serving a test handler
// whose behaviour the request's bytes choose): many files from one child, each limit failing
// only the file that hit it with extract_sandbox.h's message, a fresh child for the next file,
// the CPU limit counted per file, the child replaced every kFilesPerWorker files, no zombie.
#include "extract/extract_worker.h"

#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace jil::extract {
namespace {

SandboxLimits test_limits() {
  SandboxLimits limits;
  limits.cpu_seconds = 1;
  limits.wall_seconds = 3;
  limits.memory_mib = 256;
  limits.output_mib = 1;
  return limits;
}

void write_wild(uintptr_t address) { *reinterpret_cast<volatile int*>(address) = 1; }
void (*volatile write_through)(uintptr_t) = write_wild;

double own_cpu_seconds() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// What the child does, chosen by the request's bytes; otherwise it answers "<bytes> from <pid>".
Result<ExtractedText> misbehave(const ExtractionRequest& request) {
  const std::string_view what = request.bytes;
  if (what == "crash") write_through(16);
  if (what == "abort") std::abort();
  if (what == "throw") throw std::runtime_error("escaped");
  if (what == "loop") {
    volatile uint64_t spins = 0;
    while (true) spins = spins + 1;
  }
  if (what == "hang") {
    while (true) ::poll(nullptr, 0, -1);
  }
  if (what == "spin-0.6") {  // 0.6 s of CPU: under a 1 s limit per file, not in total
    const double until = own_cpu_seconds() + 0.6;
    volatile uint64_t spins = 0;
    while (own_cpu_seconds() < until) spins = spins + 1;
  }
  ExtractedText extracted;
  if (what == "memory") {
    std::vector<char*> blocks;
    for (int block = 0; block < 160; ++block) {  // 160 × 64 MiB = 10 GiB, each touched
      char* bytes = new char[64 << 20];
      std::memset(bytes, block + 1, 64 << 20);
      blocks.push_back(bytes);
    }
    extracted.text = std::to_string(blocks.size());
  } else if (what == "output") {
    extracted.text.assign(3 << 20, 'a');
  } else {
    extracted.text = std::string(what) + " from " + std::to_string(::getpid());
  }
  extracted.title = request.language;
  return extracted;
}

Result<ExtractedText> ask(ExtractWorker& worker, std::string_view bytes,
                          const SandboxLimits& limits = test_limits()) {
  return worker.run(
      {ExtractionKind::kExtract, DocumentFormat::kText, limits.cpu_seconds, "fr", bytes}, limits);
}

// The next file after a failure is served, by a fresh child.
void expect_served_after(ExtractWorker& worker, size_t children) {
  Result<ExtractedText> next = ask(worker, "next");
  ASSERT_TRUE(next.is_ok()) << next.status().to_string();
  EXPECT_EQ(next->text, "next from " + std::to_string(worker.pid()));
  EXPECT_EQ(worker.children_started(), children);
}

TEST(ExtractWorker, ServesManyFilesFromOneChild) {
  auto worker = ExtractWorker::forking(misbehave, test_limits());
  for (int file = 0; file < 20; ++file) {
    const std::string bytes = "file " + std::to_string(file);
    Result<ExtractedText> result = ask(*worker, bytes);
    ASSERT_TRUE(result.is_ok()) << result.status().to_string();
    EXPECT_EQ(result->text, bytes + " from " + std::to_string(worker->pid()));
    EXPECT_EQ(result->title, "fr");  // the request's language reached the child
  }
  EXPECT_NE(worker->pid(), ::getpid());
  EXPECT_EQ(worker->children_started(), 1u);
}

TEST(ExtractWorker, PassesTheExtractorsOwnErrorUnchanged) {
  auto worker = ExtractWorker::forking(
      [](const ExtractionRequest&) {
        return Result<ExtractedText>(Status(StatusCode::kCorrupt, "bad file"));
      },
      test_limits());
  for (int file = 0; file < 2; ++file) {
    Result<ExtractedText> result = ask(*worker, "x");
    ASSERT_FALSE(result.is_ok());
    EXPECT_EQ(result.status().message(), "bad file");
  }
  EXPECT_EQ(worker->children_started(), 1u);
}

TEST(ExtractWorker, EachFailureFailsOneFileAndAFreshChildTakesTheNext) {
  SandboxLimits limits = test_limits();
  limits.wall_seconds = 120;  // a loaded machine may give the loop a fraction of a core
  auto worker = ExtractWorker::forking(misbehave, limits);
  const std::pair<const char*, const char*> kCases[] = {
      {"crash", "extractor crashed (signal 11, SIGSEGV)"},
      {"abort", "extractor crashed (signal 6, SIGABRT)"},
      {"throw", "extractor threw an exception"},
      {"loop", "extractor exceeded the CPU limit of 1 s"},
      {"output", "extractor exceeded the output limit of 1 MiB"},
  };
  size_t children = 1;
  ASSERT_TRUE(ask(*worker, "first", limits).is_ok());
  for (const auto& [bytes, message] : kCases) {
    SCOPED_TRACE(bytes);
    Result<ExtractedText> result = ask(*worker, bytes, limits);
    ASSERT_FALSE(result.is_ok());
    EXPECT_EQ(result.status().message(), message);
    expect_served_after(*worker, ++children);
  }
}

TEST(ExtractWorker, HangHitsTheWallClockLimit) {
  SandboxLimits limits = test_limits();
  limits.wall_seconds = 1;
  auto worker = ExtractWorker::forking(misbehave, limits);
  Result<ExtractedText> result = ask(*worker, "hang", limits);
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(result.status().message(), "extractor exceeded the wall-clock limit of 1 s");
  expect_served_after(*worker, 2);
}

TEST(ExtractWorker, TenGigabytesHitTheMemoryLimit) {
  SandboxLimits limits = test_limits();
  limits.cpu_seconds = 30;  // touching 256 MiB must not end on CPU first
  limits.wall_seconds = 60;
  auto worker = ExtractWorker::forking(misbehave, limits);
  Result<ExtractedText> result = ask(*worker, "memory", limits);
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(result.status().message(), "extractor exceeded the memory limit of 256 MiB");
  expect_served_after(*worker, 2);
}

TEST(ExtractWorker, TheCpuLimitIsPerFile) {
  // Two files of 0.6 s each: 1.2 s in one child, over 1 s in total but each under it.
  SandboxLimits limits = test_limits();
  limits.wall_seconds = 120;
  auto worker = ExtractWorker::forking(misbehave, limits);
  for (int file = 0; file < 2; ++file) {
    Result<ExtractedText> result = ask(*worker, "spin-0.6", limits);
    ASSERT_TRUE(result.is_ok()) << file << ": " << result.status().to_string();
  }
  EXPECT_EQ(worker->children_started(), 1u);
}

TEST(ExtractWorker, AChildIsReplacedAfterItsShareOfFiles) {
  auto worker = ExtractWorker::forking(misbehave, test_limits());
  ASSERT_TRUE(ask(*worker, "first").is_ok());
  const pid_t first = worker->pid();
  for (size_t file = 1; file < kFilesPerWorker; ++file) ASSERT_TRUE(ask(*worker, "x").is_ok());
  EXPECT_EQ(worker->pid(), first);
  ASSERT_TRUE(ask(*worker, "one more").is_ok());
  EXPECT_NE(worker->pid(), first);
  EXPECT_EQ(worker->children_started(), 2u);
}

TEST(ExtractWorker, LeavesNoZombie) {
  {
    auto worker = ExtractWorker::forking(misbehave, test_limits());
    ASSERT_FALSE(ask(*worker, "crash").is_ok());
    ASSERT_TRUE(ask(*worker, "fine").is_ok());
  }
  errno = 0;
  EXPECT_EQ(::waitpid(-1, nullptr, WNOHANG), -1);
  EXPECT_EQ(errno, ECHILD);
}

}  // namespace
}  // namespace jil::extract
