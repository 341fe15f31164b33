// spawn_probe PROGRAM ARGUMENTS...: starts PROGRAM as the integration tests start their servers
// (child_process.cc), waits for its first line on stdout, prints "child pid N" and then waits
// until it is killed. ChildProcess.AKilledParentLeavesNoSearchd kills it with SIGKILL and
// checks that its child died with it.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "child_process.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: spawn_probe PROGRAM ARGUMENTS...\n");
    return 2;
  }
  jil::integration::ServerProcess child;
  std::string error;
  if (!child.start(argv[1], std::vector<std::string>(argv + 2, argv + argc), error)) {
    std::fprintf(stderr, "spawn_probe: %s\n", error.c_str());
    return 1;
  }
  if (!child.read_line(std::chrono::seconds(60))) {
    std::fprintf(stderr, "spawn_probe: %s printed nothing\n", argv[1]);
    return 1;
  }
  std::printf("child pid %d\n", static_cast<int>(child.pid()));
  std::fflush(stdout);
  while (true) pause();
}
