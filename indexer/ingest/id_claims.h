// Which file first used each document id in a run, so that a second file with the same id is
// refused. One IngestRun owns its own; the shard runs of a parallel build share one (thread-safe).
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace jil::ingest {

class IdClaims {
 public:
  // Claims `id` for `file`: nothing when it was free, else the file that already holds it.
  std::optional<std::string> claim(const std::string& id, const std::string& file) {
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto [owner, inserted] = owners_.emplace(id, file);
    if (inserted) return std::nullopt;
    return owner->second;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::string> owners_;  // id → file that used it
};

}  // namespace jil::ingest
