// Implementation of crash_points.h.
#include "ingest/crash_points.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>

#include <unistd.h>

namespace jil::ingest {

CrashPoints::CrashPoints(std::string_view setting) {
  const size_t colon = setting.find(':');
  if (colon == std::string_view::npos) return;
  std::string rest(setting.substr(colon + 1));
  if (rest.ends_with(":stop")) {
    stop_ = true;
    rest.resize(rest.size() - 5);
  }
  target_ = std::strtol(rest.c_str(), nullptr, 10);
  if (target_ > 0) point_ = std::string(setting.substr(0, colon));
}

CrashPoints CrashPoints::from_environment() {
  const char* setting = std::getenv(kCrashAtVariable);
  return CrashPoints(setting ? setting : "");
}

void CrashPoints::reach(std::string_view point) {
  if (point_.empty() || point != point_ || ++arrivals_ != target_) return;
  std::fprintf(stderr, "crash point %s reached (%s, pid %d)\n", point_.c_str(),
               stop_ ? "stop" : "kill", static_cast<int>(::getpid()));
  std::fflush(stderr);
  std::raise(stop_ ? SIGSTOP : SIGKILL);
}

}  // namespace jil::ingest
