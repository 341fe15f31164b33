// Implementation of extract_sandbox.h: fork, limits in the child, a poll loop in the parent that
// reads the result pipe, watches the child's memory and the clock, then maps how the child ended
// to one message.
#include "extract/extract_sandbox.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include "extract/extracted_text_codec.h"
#include "extract/extractor.h"
#include "extract/pdf_ocr.h"

// AddressSanitizer reserves terabytes of shadow address space up front, so RLIMIT_AS would make
// every allocation in the child fail: sanitizer builds enforce memory only by the parent
// watching the child's resident set (below), other builds by both.
#if defined(__SANITIZE_ADDRESS__)
#define JIL_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define JIL_ADDRESS_SANITIZER 1
#endif
#endif

namespace jil::extract {
namespace {

#ifdef JIL_ADDRESS_SANITIZER
constexpr bool kAddressSpaceLimit = false;
#else
constexpr bool kAddressSpaceLimit = true;
#endif

// How often the parent looks at the child's resident set: at a few GB/s of page faults a child
// overshoots the limit by at most some tens of MiB before it is killed.
constexpr int kMemoryCheckIntervalMs = 10;

using Clock = std::chrono::steady_clock;

// Pages of the calling or a given process: {virtual size, resident set} in bytes, from statm.
struct ProcessMemory {
  uint64_t virtual_bytes = 0;
  uint64_t resident_bytes = 0;
};

ProcessMemory memory_of(const std::string& statm_path) {
  ProcessMemory memory;
  if (FILE* file = std::fopen(statm_path.c_str(), "r")) {
    unsigned long long size = 0;
    unsigned long long resident = 0;
    if (std::fscanf(file, "%llu %llu", &size, &resident) == 2) {
      const auto page = static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
      memory = {size * page, resident * page};
    }
    std::fclose(file);
  }
  return memory;
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t count = ::write(fd, bytes.data(), bytes.size());
    if (count < 0 && errno == EINTR) continue;
    if (count <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(count));
  }
  return true;
}

[[noreturn]] void run_child(const ExtractionWork& work, int result_fd,
                            const SandboxLimits& limits) {
  // Nothing of the parent's (the Xapian database, the store, log files) stays open here.
  const int null_fd = ::open("/dev/null", O_RDWR);
  if (null_fd >= 0) {
    ::dup2(null_fd, STDIN_FILENO);
    ::dup2(null_fd, STDOUT_FILENO);  // the indexer's --json summary owns stdout
  }
  if (result_fd > 3) ::close_range(3, static_cast<unsigned>(result_fd) - 1, 0);
  ::close_range(static_cast<unsigned>(result_fd) + 1, ~0U, 0);
  limit_this_child(limits.memory_mib);
  // SIGXCPU at the soft limit, SIGKILL a second later if it is ignored.
  const rlimit cpu{limits.cpu_seconds, limits.cpu_seconds + 1};
  ::setrlimit(RLIMIT_CPU, &cpu);
  std::string encoded;
  try {
    encoded = encode_extraction(work());
  } catch (const std::bad_alloc&) {
    ::_exit(kChildOutOfMemoryExit);
  } catch (...) {  // reported by the parent as "extractor threw an exception"
    ::_exit(kChildExceptionExit);
  }
  ::_exit(write_all(result_fd, encoded) ? 0 : kChildWriteFailedExit);
}

std::string signal_name(int signal_number) {
  const char* abbreviation = ::sigabbrev_np(signal_number);
  return abbreviation ? std::string("SIG") + abbreviation : "unknown";
}

// How the child ended → the caller's result.
Result<ExtractedText> outcome_of(int wait_status, const rusage& usage, SandboxKill kill,
                                 const SandboxLimits& limits, const std::string& output) {
  if (kill == SandboxKill::kNone && WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0) {
    return decode_extraction(output);
  }
  const double cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec);
  return sandbox_failure(wait_status, cpu_seconds, kill, limits);
}

}  // namespace

void limit_this_child(uint64_t memory_mib) {
  // Sanitizers turn SIGSEGV and friends into a report and exit status 1; the parent names the
  // signal instead, so the child dies of it.
  for (int signal_number : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT}) {
    ::signal(signal_number, SIG_DFL);
  }
  const rlimit no_core{0, 0};
  ::setrlimit(RLIMIT_CORE, &no_core);
  if (kAddressSpaceLimit) {
    // Relative to what is mapped now (in a forked child: what the indexer had mapped).
    const rlim_t bytes = memory_of("/proc/self/statm").virtual_bytes + (memory_mib << 20);
    const rlimit address_space{bytes, bytes};
    ::setrlimit(RLIMIT_AS, &address_space);
  }
  std::set_new_handler([] { ::_exit(kChildOutOfMemoryExit); });
}

Status sandbox_failure(int wait_status, double cpu_seconds, SandboxKill kill,
                       const SandboxLimits& limits) {
  const std::string exceeded = "extractor exceeded the ";
  const std::string memory_exceeded =
      exceeded + "memory limit of " + std::to_string(limits.memory_mib) + " MiB";
  const std::string cpu_exceeded =
      exceeded + "CPU limit of " + std::to_string(limits.cpu_seconds) + " s";
  switch (kill) {
    case SandboxKill::kWallClock:
      return limit_exceeded(exceeded + "wall-clock limit of " +
                            std::to_string(limits.wall_seconds) + " s");
    case SandboxKill::kMemory:
      return limit_exceeded(memory_exceeded);
    case SandboxKill::kOutput:
      return limit_exceeded(exceeded + "output limit of " + std::to_string(limits.output_mib) +
                            " MiB");
    case SandboxKill::kCpu:
      return limit_exceeded(cpu_exceeded);
    case SandboxKill::kNone:
      break;
  }
  if (WIFSIGNALED(wait_status)) {
    const int signal_number = WTERMSIG(wait_status);
    if (signal_number == SIGXCPU ||
        (signal_number == SIGKILL && cpu_seconds >= limits.cpu_seconds)) {
      return limit_exceeded(cpu_exceeded);
    }
    return Status(StatusCode::kCorrupt, "extractor crashed (signal " +
                                            std::to_string(signal_number) + ", " +
                                            signal_name(signal_number) + ")");
  }
  const int exit_status = WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : -1;
  switch (exit_status) {
    case kChildOutOfMemoryExit:
      return limit_exceeded(memory_exceeded);
    case kChildExceptionExit:
      return internal_error("extractor threw an exception");
    default:
      return Status(StatusCode::kCorrupt,
                    "extractor failed (exit status " + std::to_string(exit_status) + ")");
  }
}

// A scan: no text layer at all (pdf_extractor.cc's refusal), or some pages without text.
bool needs_ocr(const Result<ExtractedText>& extracted) {
  if (!extracted.is_ok()) {
    return extracted.status().code() == StatusCode::kUnsupported &&
           extracted.status().message().starts_with("PDF has no text layer");
  }
  const std::vector<uint32_t>& pages = extracted->page_offsets;
  for (size_t page = 0; page < pages.size(); ++page) {
    const size_t end = page + 1 < pages.size() ? pages[page + 1] - 1 : extracted->text.size();
    if (end <= pages[page]) return true;
  }
  return false;
}

Result<ExtractedText> run_sandboxed(const ExtractionWork& work, const SandboxLimits& limits) {
  int pipe_ends[2];
  if (::pipe2(pipe_ends, O_CLOEXEC) != 0) {
    return internal_error(std::string("extractor pipe: ") + std::strerror(errno));
  }
  const ProcessMemory parent_memory = memory_of("/proc/self/statm");
  const pid_t child = ::fork();
  if (child < 0) {
    const int error = errno;
    ::close(pipe_ends[0]);
    ::close(pipe_ends[1]);
    return internal_error(std::string("cannot start an extractor process: ") +
                          std::strerror(error));
  }
  if (child == 0) {
    ::close(pipe_ends[0]);
    run_child(work, pipe_ends[1], limits);
  }
  ::close(pipe_ends[1]);
  const int result_fd = pipe_ends[0];
  ::fcntl(result_fd, F_SETFL, O_NONBLOCK);

  const std::string statm_path = "/proc/" + std::to_string(child) + "/statm";
  const uint64_t memory_limit_bytes = limits.memory_mib << 20;
  const uint64_t output_limit_bytes = limits.output_mib << 20;
  const Clock::time_point deadline = Clock::now() + std::chrono::seconds(limits.wall_seconds);
  std::string output;
  SandboxKill kill = SandboxKill::kNone;
  bool pipe_open = true;
  int wait_status = 0;
  rusage usage{};
  while (true) {
    if (!pipe_open) {
      const pid_t reaped = ::wait4(child, &wait_status, WNOHANG, &usage);
      if (reaped == child) break;
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      kill = SandboxKill::kWallClock;
    } else {
      const ProcessMemory child_memory = memory_of(statm_path);
      if (child_memory.resident_bytes > parent_memory.resident_bytes + memory_limit_bytes) {
        kill = SandboxKill::kMemory;
      }
    }
    if (kill != SandboxKill::kNone) break;
    pollfd poll_fd{result_fd, POLLIN, 0};
    const int timeout = static_cast<int>(std::min<int64_t>(left.count(), kMemoryCheckIntervalMs));
    const int ready = ::poll(&poll_fd, pipe_open ? 1 : 0, timeout);
    if (ready <= 0 || !pipe_open) continue;
    char buffer[65536];
    const ssize_t count = ::read(result_fd, buffer, sizeof buffer);
    if (count > 0) {
      output.append(buffer, static_cast<size_t>(count));
      if (output.size() > output_limit_bytes) {
        kill = SandboxKill::kOutput;
        break;
      }
    } else if (count == 0 || (errno != EINTR && errno != EAGAIN)) {
      pipe_open = false;
    }
  }
  ::close(result_fd);
  if (kill != SandboxKill::kNone) {
    ::kill(child, SIGKILL);
    while (::wait4(child, &wait_status, 0, &usage) < 0 && errno == EINTR) {
    }
  }
  return outcome_of(wait_status, usage, kill, limits, output);
}

Result<ExtractedText> extract_sandboxed(DocumentFormat format, std::string_view bytes,
                                        std::string_view language, const SandboxLimits& limits,
                                        const SandboxLimits& ocr_limits) {
  Result<ExtractedText> extracted =
      run_sandboxed([format, bytes] { return extract(format, bytes); }, limits);
  if (format != DocumentFormat::kPdf || !needs_ocr(extracted)) return extracted;
  const std::string language_hint(language);
  Result<ExtractedText> recognised = run_sandboxed(
      [bytes, &language_hint]() -> Result<ExtractedText> {
        Result<ExtractedText> text = ocr_pdf(bytes, language_hint);
        if (text.is_ok()) finish_extraction(*text);
        return text;
      },
      ocr_limits);
  if (!recognised.is_ok() && extracted.is_ok()) return extracted;
  return recognised;
}

}  // namespace jil::extract
