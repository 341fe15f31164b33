// Implementation of child_process.h with fork and exec, pipes and poll (no sleeps: every wait is
// on a file descriptor or on waitpid).
#include "child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace jil::integration {
namespace {

using Clock = std::chrono::steady_clock;

struct Pipe {
  int read_end = -1;
  int write_end = -1;
};

bool make_pipe(Pipe& pipe) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return false;
  pipe.read_end = fds[0];
  pipe.write_end = fds[1];
  return true;
}

void close_fd(int& fd) {
  if (fd >= 0) close(fd);
  fd = -1;
}

// Spawns `program` with stdin from /dev/null and stdout/stderr on the given descriptors
// (-1 keeps the test's own). The child is killed when the test's thread that started it ends
// (PR_SET_PDEATHSIG), so a test program that aborts or is killed leaves no searchd or indexer
// behind. Returns the pid, or -1 with `error` set (also when exec fails: the child reports its
// errno through a close-on-exec pipe).
pid_t spawn(const std::string& program, const std::vector<std::string>& arguments, int out_fd,
            int err_fd, std::string& error, const std::string& err_path = "") {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program.c_str()));
  for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  int err_file = -1;
  if (!err_path.empty()) {
    err_file = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (err_file < 0) {
      error = "cannot open " + err_path + ": " + std::strerror(errno);
      return -1;
    }
  }
  Pipe report;
  if (!make_pipe(report)) {
    error = std::string("pipe: ") + std::strerror(errno);
    close_fd(err_file);
    return -1;
  }
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid == 0) {
    // Only async-signal-safe calls from here to exec.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);  // the parent died before prctl
    int failed = 0;
    const int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd < 0 || dup2(null_fd, STDIN_FILENO) < 0) failed = errno;
    if (!failed && out_fd >= 0 && dup2(out_fd, STDOUT_FILENO) < 0) failed = errno;
    if (!failed && err_fd >= 0 && dup2(err_fd, STDERR_FILENO) < 0) failed = errno;
    if (!failed && err_file >= 0 && dup2(err_file, STDERR_FILENO) < 0) failed = errno;
    if (!failed) {
      execve(program.c_str(), argv.data(), environ);
      failed = errno;
    }
    (void)!write(report.write_end, &failed, sizeof failed);
    _exit(127);
  }
  const int fork_errno = errno;
  close_fd(report.write_end);
  close_fd(err_file);
  if (pid < 0) {
    close_fd(report.read_end);
    error = "cannot start " + program + ": " + std::strerror(fork_errno);
    return -1;
  }
  int child_errno = 0;
  ssize_t got = 0;
  while ((got = read(report.read_end, &child_errno, sizeof child_errno)) < 0 && errno == EINTR) {
  }
  close_fd(report.read_end);
  if (got == static_cast<ssize_t>(sizeof child_errno)) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    error = "cannot start " + program + ": " + std::strerror(child_errno);
    return -1;
  }
  return pid;
}

// Waits for `pid` and decodes its status.
void wait_for(pid_t pid, int& exit_code, int& signal_number) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  signal_number = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

}  // namespace

ProgramResult run_program(const std::string& program, const std::vector<std::string>& arguments,
                          std::chrono::seconds limit) {
  ProgramResult result;
  Pipe out;
  Pipe err;
  if (!make_pipe(out) || !make_pipe(err)) {
    result.err = std::string("pipe: ") + std::strerror(errno);
    return result;
  }
  std::string error;
  const pid_t pid = spawn(program, arguments, out.write_end, err.write_end, error);
  close_fd(out.write_end);
  close_fd(err.write_end);
  if (pid < 0) {
    close_fd(out.read_end);
    close_fd(err.read_end);
    result.err = error;
    return result;
  }
  const auto deadline = Clock::now() + limit;
  pollfd fds[2] = {{out.read_end, POLLIN, 0}, {err.read_end, POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_streams = 2;
  while (open_streams > 0) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) {
      kill(pid, SIGKILL);
      result.timed_out = true;
      break;
    }
    if (poll(fds, 2, static_cast<int>(left)) < 0 && errno != EINTR) break;
    for (int index = 0; index < 2; ++index) {
      if (fds[index].fd < 0 || fds[index].revents == 0) continue;
      char buffer[65536];
      const ssize_t count = read(fds[index].fd, buffer, sizeof buffer);
      if (count > 0) {
        sinks[index]->append(buffer, static_cast<size_t>(count));
      } else if (count == 0 || errno != EINTR) {
        fds[index].fd = -1;  // poll ignores negative descriptors
        --open_streams;
      }
    }
  }
  close_fd(out.read_end);
  close_fd(err.read_end);
  wait_for(pid, result.exit_code, result.signal);
  return result;
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    int exit_code = 0;
    int signal_number = 0;
    wait_for(pid_, exit_code, signal_number);
  }
  close_fd(stdout_fd_);
}

bool ServerProcess::start(const std::string& program, const std::vector<std::string>& arguments,
                          std::string& error, const std::string& stderr_path) {
  Pipe out;
  if (!make_pipe(out)) {
    error = std::string("pipe: ") + std::strerror(errno);
    return false;
  }
  pid_ = spawn(program, arguments, out.write_end, -1, error, stderr_path);
  close_fd(out.write_end);
  if (pid_ < 0) {
    close_fd(out.read_end);
    return false;
  }
  stdout_fd_ = out.read_end;
  return true;
}

std::optional<std::string> ServerProcess::read_line(std::chrono::seconds limit) {
  const auto deadline = Clock::now() + limit;
  while (true) {
    const size_t newline = pending_.find('\n');
    if (newline != std::string::npos) {
      std::string line = pending_.substr(0, newline);
      pending_.erase(0, newline + 1);
      return line;
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0 || stdout_fd_ < 0) return std::nullopt;
    pollfd fd = {stdout_fd_, POLLIN, 0};
    const int ready = poll(&fd, 1, static_cast<int>(left));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return std::nullopt;
    char buffer[4096];
    const ssize_t count = read(stdout_fd_, buffer, sizeof buffer);
    if (count < 0 && errno == EINTR) continue;
    if (count <= 0) return std::nullopt;
    pending_.append(buffer, static_cast<size_t>(count));
  }
}

int ServerProcess::stop() {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  int exit_code = -1;
  int signal_number = 0;
  wait_for(pid_, exit_code, signal_number);
  pid_ = -1;
  close_fd(stdout_fd_);
  return exit_code;
}

}  // namespace jil::integration
