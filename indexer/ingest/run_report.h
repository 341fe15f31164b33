// What an ingest run did: counts per outcome and every failed file with its reason, printed for
// people (plain lines) or for scripts (--json).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace jil::ingest {

enum class FileOutcome { kAdded, kUpdated, kUnchanged, kFailed };

struct FileFailure {
  std::string file;
  std::string reason;
};

struct RunReport {
  size_t added = 0;
  size_t updated = 0;
  size_t unchanged = 0;
  std::vector<std::string> removed_ids;  // deleted by --prune or `remove`
  std::vector<FileFailure> failures;
  uint64_t bytes_read = 0;
  uint64_t documents_in_index = 0;
  double seconds = 0;
  bool dry_run = false;
  std::string fatal;  // set when the run stopped early (disk full, lock lost)

  void count(FileOutcome outcome);
  bool changed_nothing() const { return added == 0 && updated == 0 && removed_ids.empty(); }
  // "added 3, updated 1, unchanged 60, removed 0, failed 1 - 64 documents in the index (0.8 s)"
  std::string summary_line() const;
  std::string to_json() const;
};

}  // namespace jil::ingest
