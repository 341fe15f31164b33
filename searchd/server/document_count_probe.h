// The document count /healthz reports when an I/O thread answers it (api/quick_routes.h): read
// from a Xapian handle of its own, reopened for each call so that it follows the indexer's
// commits, under a lock (I/O threads share it). It reads only the index's statistics, never a
// posting list; 0 when the index cannot be read.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>

#include "base/status.h"

namespace jil::server {

class DocumentCountProbe {
 public:
  static Result<std::unique_ptr<DocumentCountProbe>> open(const std::filesystem::path& database);
  uint64_t count();

 private:
  explicit DocumentCountProbe(Xapian::Database database) : database_(std::move(database)) {}

  std::mutex mutex_;
  Xapian::Database database_;
};

}  // namespace jil::server
