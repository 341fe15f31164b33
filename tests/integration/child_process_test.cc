// A test program that dies without cleaning up (SIGKILL, an abort) leaves no jil-searchd behind:
// spawn_probe starts searchd with child_process.cc, as every test does, and is killed; searchd
// must then be gone (PR_SET_PDEATHSIG), not orphaned.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <fstream>
#include <string>
#include <thread>

#include "child_process.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

const std::string kSpawnProbePath = JIL_SPAWN_PROBE_PATH;

// True while `pid` runs (a zombie has ended: it only waits to be reaped).
bool running(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return false;
  const size_t name_end = line.rfind(')');
  return name_end != std::string::npos && name_end + 2 < line.size() && line[name_end + 2] != 'Z';
}

TEST(ChildProcess, AKilledParentLeavesNoSearchd) {
  ServerProcess probe;
  std::string error;
  ASSERT_TRUE(probe.start(kSpawnProbePath,
                          {kSearchdPath, "--db", environment().index_dir().string(), "--store",
                           environment().store_dir().string(), "--web",
                           (kSourceDir / "web").string(), "--listen", "127.0.0.1", "--port", "0"},
                          error))
      << error;
  const std::optional<std::string> line = probe.read_line(std::chrono::seconds(60));
  ASSERT_TRUE(line && line->starts_with("child pid ")) << line.value_or("(nothing)");
  const pid_t searchd = static_cast<pid_t>(std::stoi(line->substr(10)));
  ASSERT_TRUE(running(searchd));
  ASSERT_EQ(::kill(probe.pid(), SIGKILL), 0);
  probe.stop();  // reaps the probe
  // The kernel kills searchd as its parent dies; wait (at most 20 s) until it has ended.
  bool ended = false;
  for (int attempt = 0; attempt < 400 && !ended; ++attempt) {
    ended = !running(searchd);
    if (!ended) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(ended) << "jil-searchd " << searchd << " outlived its parent";
  if (!ended) ::kill(searchd, SIGKILL);
}

}  // namespace
}  // namespace jil::integration
