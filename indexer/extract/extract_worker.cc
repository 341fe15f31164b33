// Implementation of extract_worker.h: a socketpair to the child, a poll loop that sends the
// request and reads the result while it watches the clock, the child's CPU time and resident
// set, and the mapping of a child's death to extract_sandbox.h's messages.
#include "extract/extract_worker.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "extract/extract_worker_child.h"
#include "extract/extracted_text_codec.h"

namespace jil::extract {
namespace {

using Clock = std::chrono::steady_clock;

// How often the parent looks at the child's resident set and CPU time while it waits.
constexpr auto kWatchInterval = std::chrono::milliseconds(10);
// A child is replaced after a file that left it with more than this share of its memory limit
// resident (glibc may keep freed memory; the next file should start with the whole budget).
constexpr uint64_t kRestartResidentDivisor = 2;

uint64_t resident_bytes(pid_t pid) {
  uint64_t resident = 0;
  const std::string path = "/proc/" + std::to_string(pid) + "/statm";
  if (FILE* file = std::fopen(path.c_str(), "r")) {
    unsigned long long size = 0;
    unsigned long long pages = 0;
    if (std::fscanf(file, "%llu %llu", &size, &pages) == 2) {
      resident = pages * static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
    }
    std::fclose(file);
  }
  return resident;
}

// CPU seconds (user + system) the process has used, from /proc/PID/stat; 0 when unreadable.
double cpu_seconds_of(pid_t pid) {
  const std::string path = "/proc/" + std::to_string(pid) + "/stat";
  char buffer[1024];
  FILE* file = std::fopen(path.c_str(), "r");
  if (!file) return 0;
  const size_t got = std::fread(buffer, 1, sizeof buffer - 1, file);
  std::fclose(file);
  buffer[got] = '\0';
  const char* after_name = std::strrchr(buffer, ')');  // the command name may hold spaces
  if (!after_name) return 0;
  unsigned long long user = 0;
  unsigned long long system = 0;
  // Fields 3..15 after the name: state, ppid, pgrp, session, tty, tpgid, flags, minflt,
  // cminflt, majflt, cmajflt, utime, stime.
  if (std::sscanf(after_name + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &user,
                  &system) != 2) {
    return 0;
  }
  return static_cast<double>(user + system) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

double seconds_of(const rusage& usage) {
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

}  // namespace

std::unique_ptr<ExtractWorker> ExtractWorker::spawning(std::filesystem::path program,
                                                       const SandboxLimits& limits) {
  return std::unique_ptr<ExtractWorker>(new ExtractWorker(std::move(program), {}, limits));
}

std::unique_ptr<ExtractWorker> ExtractWorker::forking(ExtractionHandler handler,
                                                      const SandboxLimits& limits) {
  return std::unique_ptr<ExtractWorker>(new ExtractWorker({}, std::move(handler), limits));
}

ExtractWorker::~ExtractWorker() { stop(); }

Status ExtractWorker::start() {
  int ends[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) {
    return internal_error(std::string("extractor socket: ") + std::strerror(errno));
  }
  // The child's end must not already sit on kWorkerSocketFd (dup2 onto itself would keep
  // close-on-exec), so it is moved above it.
  const int child_end = ::fcntl(ends[1], F_DUPFD_CLOEXEC, kWorkerSocketFd + 1);
  ::close(ends[1]);
  if (child_end < 0) {
    ::close(ends[0]);
    return internal_error(std::string("extractor socket: ") + std::strerror(errno));
  }
  pid_t child = 0;
  int error = 0;
  if (program_.empty()) {
    const uint64_t parent_resident = resident_bytes(::getpid());
    child = ::fork();
    if (child == 0) {
      ::close(ends[0]);
      // Nothing of the parent's (the Xapian database, the store, log files) stays open here.
      const int null_fd = ::open("/dev/null", O_RDWR);
      if (null_fd >= 0) {
        ::dup2(null_fd, STDIN_FILENO);
        ::dup2(null_fd, STDOUT_FILENO);  // the indexer's --json summary owns stdout
      }
      ::dup2(child_end, kWorkerSocketFd);
      ::close_range(kWorkerSocketFd + 1, ~0U, 0);
      serve_extractions(kWorkerSocketFd, handler_, limits_.memory_mib);
    }
    error = errno;
    baseline_resident_ = parent_resident;
  } else {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, child_end, kWorkerSocketFd);
    const std::string memory = std::to_string(limits_.memory_mib);
    const std::string program = program_.string();
    std::vector<char*> argv = {const_cast<char*>("jil-indexer"), const_cast<char*>(kWorkerCommand),
                               const_cast<char*>(kWorkerMemoryOption),
                               const_cast<char*>(memory.c_str()), nullptr};
    error = ::posix_spawn(&child, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (error != 0) child = -1;
    baseline_resident_ = 0;  // a fresh process: its whole resident set counts
  }
  ::close(child_end);
  if (child < 0) {
    ::close(ends[0]);
    return internal_error(std::string("cannot start an extractor process: ") +
                          std::strerror(error));
  }
  ::fcntl(ends[0], F_SETFL, O_NONBLOCK);
  child_ = child;
  socket_ = ends[0];
  served_ = 0;
  ++started_;
  return Status::ok();
}

void ExtractWorker::stop(int* wait_status, ::rusage* usage) {
  if (child_ <= 0) return;
  ::close(socket_);
  socket_ = -1;
  ::kill(child_, SIGKILL);
  int status = 0;
  ::rusage used{};
  while (::wait4(child_, &status, 0, &used) < 0 && errno == EINTR) {
  }
  if (wait_status) *wait_status = status;
  if (usage) *usage = used;
  child_ = 0;
}

Result<ExtractedText> ExtractWorker::run(const ExtractionRequest& request,
                                         const SandboxLimits& limits) {
  if (child_ > 0 && served_ >= kFilesPerWorker) stop();
  if (child_ > 0 && ::waitpid(child_, nullptr, WNOHANG) == child_) {
    ::close(socket_);  // it ended between files (killed from outside): not this file's doing
    socket_ = -1;
    child_ = 0;
  }
  if (child_ <= 0) {
    if (Status status = start(); !status.is_ok()) return status;
  }
  const std::string head = encode_request_head(request);
  std::string_view to_send[2] = {head, request.bytes};
  size_t sending = 0;  // index into to_send
  const double cpu_at_start = cpu_seconds_of(child_);
  const uint64_t memory_limit_bytes = limits_.memory_mib << 20;
  const uint64_t output_limit_bytes = limits.output_mib << 20;
  const Clock::time_point deadline = Clock::now() + std::chrono::seconds(limits.wall_seconds);
  Clock::time_point next_watch = Clock::now() + kWatchInterval;
  std::string received;
  uint64_t expected = 0;  // the result's length, once its header is in
  bool open = true;       // the child's end is open
  SandboxKill kill = SandboxKill::kNone;
  int wait_status = 0;
  ::rusage usage{};
  bool reaped = false;
  bool malformed = false;  // the child sent more than it announced
  while (true) {
    if (!open) {
      if (::wait4(child_, &wait_status, WNOHANG, &usage) == child_) {
        reaped = true;
        break;
      }
    }
    const Clock::time_point now = Clock::now();
    if (now >= deadline) {
      kill = SandboxKill::kWallClock;
    } else if (now >= next_watch) {
      next_watch = now + kWatchInterval;
      if (resident_bytes(child_) > baseline_resident_ + memory_limit_bytes) {
        kill = SandboxKill::kMemory;
      } else if (cpu_seconds_of(child_) - cpu_at_start > limits.cpu_seconds + 1.0) {
        kill = SandboxKill::kCpu;  // RLIMIT_CPU's SIGXCPU did not end it
      }
    }
    if (kill != SandboxKill::kNone) break;
    while (sending < 2 && to_send[sending].empty()) ++sending;
    pollfd poll_fd{socket_, static_cast<short>(POLLIN | (sending < 2 ? POLLOUT : 0)), 0};
    const auto wait =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::min(deadline, next_watch) - now);
    const int ready = ::poll(&poll_fd, open ? 1 : 0, static_cast<int>(wait.count()) + 1);
    if (ready <= 0 || !open) continue;
    if ((poll_fd.revents & POLLOUT) && sending < 2) {
      std::string_view& part = to_send[sending];
      const ssize_t sent =
          ::send(socket_, part.data(), std::min<size_t>(part.size(), 1 << 20), MSG_NOSIGNAL);
      if (sent > 0) {
        part.remove_prefix(static_cast<size_t>(sent));
      } else if (errno != EINTR && errno != EAGAIN) {
        sending = 2;  // the child is gone; its end of file comes next
      }
    }
    if (poll_fd.revents & (POLLIN | POLLHUP | POLLERR)) {
      char buffer[65536];
      const ssize_t got = ::read(socket_, buffer, sizeof buffer);
      if (got > 0) {
        received.append(buffer, static_cast<size_t>(got));
        if (expected == 0 && received.size() >= kResultHeaderBytes) {
          expected = decode_length(received) + kResultHeaderBytes;
        }
        if (received.size() > output_limit_bytes + kResultHeaderBytes ||
            expected > output_limit_bytes + kResultHeaderBytes) {
          kill = SandboxKill::kOutput;
          break;
        }
        if (expected != 0 && received.size() >= expected) {
          if (received.size() > expected) {
            malformed = true;
            break;
          }
          ++served_;
          if (resident_bytes(child_) >
              baseline_resident_ + memory_limit_bytes / kRestartResidentDivisor) {
            stop();
          }
          return decode_extraction(std::string_view(received).substr(kResultHeaderBytes));
        }
      } else if (got == 0 || (errno != EINTR && errno != EAGAIN)) {
        open = false;
      }
    }
  }
  if (reaped) {
    ::close(socket_);
    socket_ = -1;
    child_ = 0;
  } else {
    stop(&wait_status, &usage);
  }
  if (malformed) return Status(StatusCode::kCorrupt, "extractor sent a malformed result");
  return sandbox_failure(wait_status, seconds_of(usage) - cpu_at_start, kill, limits);
}

Result<ExtractedText> ExtractWorker::extract(DocumentFormat format, std::string_view bytes,
                                             std::string_view language,
                                             const SandboxLimits& ocr_limits) {
  Result<ExtractedText> extracted =
      run({ExtractionKind::kExtract, format, limits_.cpu_seconds, "", bytes}, limits_);
  if (format != DocumentFormat::kPdf || !needs_ocr(extracted)) return extracted;
  Result<ExtractedText> recognised =
      run({ExtractionKind::kOcr, format, ocr_limits.cpu_seconds, std::string(language), bytes},
          ocr_limits);
  if (!recognised.is_ok() && extracted.is_ok()) return extracted;
  return recognised;
}

}  // namespace jil::extract
