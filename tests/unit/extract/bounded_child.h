// Runs a piece of hostile-input work in a forked child under a memory and CPU cap, as the
// extract helper process will (STYLE.md habit 8), so that a parser blow-up fails one test
// instead of exhausting the shared machine.
#pragma once

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <functional>
#include <string>

namespace jil {

// Memory the child may allocate beyond what the test process had mapped (ASan maps terabytes
// of shadow up front, so the cap is relative), and CPU seconds it may use: guards, not targets.
inline constexpr rlim_t kChildMemoryHeadroomBytes = 2ull << 30;
inline constexpr rlim_t kChildCpuSeconds = 300;

struct ChildOutcome {
  bool finished = false;  // the child returned normally
  std::string output;     // what `work` returned, when it finished
  std::string failure;    // how it ended otherwise
};

namespace internal {

inline rlim_t current_virtual_bytes() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmSize:") {
      rlim_t kib = 0;
      status >> kib;
      return kib * 1024;
    }
    status.ignore(4096, '\n');
  }
  return 0;
}

}  // namespace internal

inline ChildOutcome run_bounded(const std::function<std::string()>& work) {
  int pipe_ends[2];
  if (::pipe(pipe_ends) != 0) return {false, "", "pipe() failed"};
  const pid_t child = ::fork();
  if (child < 0) return {false, "", "fork() failed"};
  if (child == 0) {
    ::close(pipe_ends[0]);
    const rlimit memory{internal::current_virtual_bytes() + kChildMemoryHeadroomBytes,
                        RLIM_INFINITY};
    ::setrlimit(RLIMIT_AS, &memory);
    const rlimit cpu{kChildCpuSeconds, RLIM_INFINITY};
    ::setrlimit(RLIMIT_CPU, &cpu);
    const std::string output = work();
    size_t written = 0;
    while (written < output.size()) {
      const ssize_t count = ::write(pipe_ends[1], output.data() + written, output.size() - written);
      if (count <= 0) ::_exit(2);
      written += static_cast<size_t>(count);
    }
    ::_exit(0);
  }
  ::close(pipe_ends[1]);
  ChildOutcome outcome;
  char buffer[4096];
  ssize_t count = 0;
  while ((count = ::read(pipe_ends[0], buffer, sizeof buffer)) > 0) {
    outcome.output.append(buffer, static_cast<size_t>(count));
  }
  ::close(pipe_ends[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    outcome.finished = true;
  } else if (WIFSIGNALED(status)) {
    outcome.failure = "killed by signal " + std::to_string(WTERMSIG(status)) +
                      (WTERMSIG(status) == SIGXCPU ? " (CPU limit)" : "");
  } else {
    outcome.failure = "exited with status " + std::to_string(WEXITSTATUS(status)) +
                      " (out of memory, or a crash)";
  }
  return outcome;
}

}  // namespace jil
