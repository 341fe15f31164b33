// Implementation of child_process.h with posix_spawn, pipes and poll (no sleeps: every wait is
// on a file descriptor or on waitpid).
#include "child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
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
// (-1 keeps the test's own). Returns the pid, or -1 with `error` set.
pid_t spawn(const std::string& program, const std::vector<std::string>& arguments, int out_fd,
            int err_fd, std::string& error, const std::string& err_path = "") {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program.c_str()));
  for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  if (out_fd >= 0) posix_spawn_file_actions_adddup2(&actions, out_fd, STDOUT_FILENO);
  if (err_fd >= 0) posix_spawn_file_actions_adddup2(&actions, err_fd, STDERR_FILENO);
  if (!err_path.empty()) {
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
  }
  pid_t pid = -1;
  const int status = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (status != 0) {
    error = "cannot start " + program + ": " + std::strerror(status);
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
