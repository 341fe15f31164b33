// A jil-searchd of a test's own (beside the shared one), on the fixture's store and web folder,
// with the index and options the test chooses; stopped with SIGTERM when it goes out of scope.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "child_process.h"

namespace jil::integration {

class OwnSearchd {
 public:
  // port() is 0 when it did not start.
  OwnSearchd(const std::filesystem::path& database, const std::vector<std::string>& extra);
  ~OwnSearchd() { process_.stop(); }
  unsigned short port() const { return port_; }
  pid_t pid() const { return process_.pid(); }

 private:
  ServerProcess process_;
  unsigned short port_ = 0;
};

// A counter of searchd's GET /metrics (server/edge_counters.h), e.g.
// "jil_requests_handled_total"; nothing when the page or the line is missing.
std::optional<uint64_t> searchd_metric(unsigned short port, const std::string& name);

// A TCP port on 127.0.0.1 that was free a moment ago (for programs that need a fixed port).
unsigned short free_port();
// True once something accepts connections on 127.0.0.1:`port` (tries for up to a minute).
bool wait_until_listening(unsigned short port);

}  // namespace jil::integration
