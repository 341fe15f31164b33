// Runs the real JIL programs as child processes for the integration tests: either to completion
// with stdout and stderr captured, or as a server whose stdout the test reads. A child is killed
// when the thread that started it ends (PR_SET_PDEATHSIG), so a test program that aborts or is
// killed leaves no jil-searchd or jil-indexer running.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace jil::integration {

// What a finished program did. `exit_code` is -1 when a signal ended it (see `signal`).
struct ProgramResult {
  int exit_code = -1;
  int signal = 0;
  bool timed_out = false;  // killed by run_program after `limit`
  std::string out;
  std::string err;
};

// Runs `program` with `arguments` (stdin is /dev/null) until it exits, collecting both output
// streams. A program still running after `limit` is killed and reported as timed out.
ProgramResult run_program(const std::string& program, const std::vector<std::string>& arguments,
                          std::chrono::seconds limit = std::chrono::seconds(120));

// A running child whose stdout is a pipe read by the test; its stderr goes to the test's stderr.
// Not copyable; the destructor kills the child (SIGKILL) if stop() was not called.
class ServerProcess {
 public:
  ServerProcess() = default;
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;
  ~ServerProcess();

  // Starts `program`; false (with `error` set) when it could not be spawned. With
  // `stderr_path`, the child's stderr goes to that file (created or truncated) instead.
  bool start(const std::string& program, const std::vector<std::string>& arguments,
             std::string& error, const std::string& stderr_path = "");
  // The next line the child writes on stdout, without its newline; nullopt on end of file or
  // when no whole line arrives within `limit` (the child is left running).
  std::optional<std::string> read_line(std::chrono::seconds limit);
  // SIGTERM, then waits: the exit code, or -1 when a signal ended the child.
  int stop();
  // The child's process id (for SIGSTOP/SIGCONT in tests), -1 before start().
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::string pending_;  // bytes read past the last returned line
};

}  // namespace jil::integration
