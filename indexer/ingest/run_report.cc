// Formatting of run_report.h.
#include "ingest/run_report.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace jil::ingest {

void RunReport::count(FileOutcome outcome) {
  switch (outcome) {
    case FileOutcome::kAdded:
      ++added;
      break;
    case FileOutcome::kUpdated:
      ++updated;
      break;
    case FileOutcome::kUnchanged:
      ++unchanged;
      break;
    case FileOutcome::kFailed:
      break;  // recorded with its reason in `failures`
  }
}

std::string RunReport::summary_line() const {
  char seconds_text[32];
  std::snprintf(seconds_text, sizeof seconds_text, "%.1f", seconds);
  std::string line = dry_run ? "dry run, would have: " : "";
  line += "added " + std::to_string(added) + ", updated " + std::to_string(updated) +
          ", unchanged " + std::to_string(unchanged) + ", removed " +
          std::to_string(removed_ids.size()) + ", failed " + std::to_string(failures.size()) +
          " - " + std::to_string(documents_in_index) + " documents in the index (" + seconds_text +
          " s)";
  if (changed_nothing() && failures.empty() && fatal.empty()) line += "; nothing changed";
  return line;
}

std::string RunReport::to_json() const {
  nlohmann::json failed = nlohmann::json::array();
  for (const auto& failure : failures) {
    failed.push_back({{"file", failure.file}, {"reason", failure.reason}});
  }
  nlohmann::json out = {{"added", added},
                        {"updated", updated},
                        {"unchanged", unchanged},
                        {"removed", removed_ids.size()},
                        {"removed_ids", removed_ids},
                        {"failed", failed},
                        {"bytes_read", bytes_read},
                        {"documents_in_index", documents_in_index},
                        {"seconds", seconds},
                        {"dry_run", dry_run}};
  if (!fatal.empty()) out["fatal"] = fatal;
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace jil::ingest
