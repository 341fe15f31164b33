// Tests extract/extract_sandbox.cc with real child processes that crash, loop, sleep, allocate
// and write too much (RELIABILITY.md T-P5): each ends as one precise message, and the parent
// goes on (later tests in this program run in the same parent).
#include "extract/extract_sandbox.h"

#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>

#include <cstdlib>
#include <cstring>
#include <vector>

#include "format_fixture.h"

namespace jil::extract {
namespace {

// Small limits so that each failure comes quickly; the production ones are in the header.
SandboxLimits test_limits() {
  SandboxLimits limits;
  limits.cpu_seconds = 1;
  limits.wall_seconds = 3;
  limits.memory_mib = 256;
  limits.output_mib = 1;
  return limits;
}

// A write through a wild pointer, through a volatile function pointer so that the compiler
// cannot see it coming.
void write_wild(uintptr_t address) { *reinterpret_cast<volatile int*>(address) = 1; }
void (*volatile write_through)(uintptr_t) = write_wild;

TEST(ExtractSandbox, ReturnsTheChildsResult) {
  Result<ExtractedText> result = run_sandboxed([] {
    ExtractedText extracted;
    extracted.title = "Заголовок";
    extracted.text = "第一页\f第二页";
    extracted.page_offsets = {0, 10};
    return Result<ExtractedText>(extracted);
  });
  ASSERT_TRUE(result.is_ok()) << result.status().to_string();
  EXPECT_EQ(result->title, "Заголовок");
  EXPECT_EQ(result->text, "第一页\f第二页");
  EXPECT_EQ(result->page_offsets, (std::vector<uint32_t>{0, 10}));
}

TEST(ExtractSandbox, PassesTheExtractorsOwnErrorUnchanged) {
  Result<ExtractedText> result =
      run_sandboxed([] { return Result<ExtractedText>(Status(StatusCode::kCorrupt, "bad file")); });
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().code(), StatusCode::kCorrupt);
  EXPECT_EQ(result.status().message(), "bad file");
}

TEST(ExtractSandbox, SegfaultIsNamed) {
  Result<ExtractedText> result = run_sandboxed(
      [] {
        write_through(16);
        return Result<ExtractedText>(ExtractedText{});
      },
      test_limits());
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().message(), "extractor crashed (signal 11, SIGSEGV)");
}

TEST(ExtractSandbox, AbortIsNamed) {
  Result<ExtractedText> result =
      run_sandboxed([]() -> Result<ExtractedText> { std::abort(); }, test_limits());
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().message(), "extractor crashed (signal 6, SIGABRT)");
}

TEST(ExtractSandbox, EndlessLoopHitsTheCpuLimit) {
  // A loaded machine (CI runs two suites at once under ASan) may give the child a fraction of a
  // core: the wall clock must leave room for one CPU second.
  SandboxLimits limits = test_limits();
  limits.wall_seconds = 120;
  Result<ExtractedText> result = run_sandboxed(
      []() -> Result<ExtractedText> {
        volatile uint64_t spins = 0;
        while (true) spins = spins + 1;
      },
      limits);
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(result.status().message(), "extractor exceeded the CPU limit of 1 s");
}

TEST(ExtractSandbox, HangHitsTheWallClockLimit) {
  SandboxLimits limits = test_limits();
  limits.wall_seconds = 1;
  Result<ExtractedText> result = run_sandboxed(
      []() -> Result<ExtractedText> {
        while (true) ::poll(nullptr, 0, -1);  // sleeps: uses no CPU
      },
      limits);
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(result.status().message(), "extractor exceeded the wall-clock limit of 1 s");
}

TEST(ExtractSandbox, TenGigabytesHitTheMemoryLimit) {
  SandboxLimits limits = test_limits();
  limits.cpu_seconds = 30;  // touching 256 MiB must not end on CPU first
  limits.wall_seconds = 60;
  Result<ExtractedText> result = run_sandboxed(
      [] {
        std::vector<char*> blocks;
        for (int block = 0; block < 160; ++block) {  // 160 × 64 MiB = 10 GiB, each touched
          char* bytes = new char[64 << 20];
          std::memset(bytes, block + 1, 64 << 20);
          blocks.push_back(bytes);
        }
        ExtractedText extracted;
        extracted.text = std::to_string(blocks.size());
        return Result<ExtractedText>(extracted);
      },
      limits);
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(result.status().message(), "extractor exceeded the memory limit of 256 MiB");
}

TEST(ExtractSandbox, TooMuchOutputHitsTheOutputLimit) {
  Result<ExtractedText> result = run_sandboxed(
      [] {
        ExtractedText extracted;
        extracted.text.assign(3 << 20, 'a');
        return Result<ExtractedText>(extracted);
      },
      test_limits());
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(result.status().message(), "extractor exceeded the output limit of 1 MiB");
}

TEST(ExtractSandbox, ExceptionIsReported) {
  Result<ExtractedText> result = run_sandboxed(
      []() -> Result<ExtractedText> { throw std::runtime_error("escaped"); }, test_limits());
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().message(), "extractor threw an exception");
}

TEST(ExtractSandbox, LeavesNoZombie) {
  for (int round = 0; round < 3; ++round) {
    Result<ExtractedText> result = run_sandboxed(
        []() -> Result<ExtractedText> {
          ::raise(SIGKILL);
          return ExtractedText{};
        },
        test_limits());
    ASSERT_FALSE(result.is_ok());
    EXPECT_EQ(result.status().message(), "extractor crashed (signal 9, SIGKILL)");
  }
  errno = 0;
  EXPECT_EQ(::waitpid(-1, nullptr, WNOHANG), -1);
  EXPECT_EQ(errno, ECHILD);
}

TEST(ExtractSandbox, ChildCannotWriteToTheParentsFiles) {
  // A descriptor the parent holds (as it holds the Xapian database) is closed in the child.
  int pipe_ends[2];
  ASSERT_EQ(::pipe(pipe_ends), 0);
  const int parent_fd = pipe_ends[1];
  Result<ExtractedText> result = run_sandboxed([parent_fd] {
    ExtractedText extracted;
    extracted.text = ::write(parent_fd, "x", 1) < 0 && errno == EBADF ? "closed" : "open";
    return Result<ExtractedText>(extracted);
  });
  ::close(pipe_ends[0]);
  ::close(pipe_ends[1]);
  ASSERT_TRUE(result.is_ok()) << result.status().to_string();
  EXPECT_EQ(result->text, "closed");
}

TEST(ExtractSandbox, ExtractsARealPdfInAChild) {
  const std::string pdf = format_fixture("two-pages-en.pdf");
  Result<ExtractedText> result = extract_sandboxed(DocumentFormat::kPdf, pdf);
  ASSERT_TRUE(result.is_ok()) << result.status().to_string();
  EXPECT_EQ(result->title, "Guidance on Conflicts of Interest and Recusal");
  EXPECT_EQ(result->page_offsets.size(), 2u);
  Result<ExtractedText> truncated = extract_sandboxed(DocumentFormat::kPdf, pdf.substr(0, 800));
  ASSERT_FALSE(truncated.is_ok());
  EXPECT_EQ(truncated.status().message(), "not a readable PDF");
}

}  // namespace
}  // namespace jil::extract
