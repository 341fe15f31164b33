// Implementation of index_compatibility.h.
#include "schema/index_compatibility.h"

#include <string>

#include "analysis/analyzer_version.h"
#include "schema/schema_version.h"

namespace jil::schema {

Status check_compatible(const Xapian::Database& database) {
  const std::string schema = database.get_metadata(std::string(kSchemaVersionKey));
  const std::string analyzer = database.get_metadata(std::string(kAnalyzerVersionKey));
  if (schema.empty() && analyzer.empty() && database.get_doccount() == 0) return Status::ok();
  const std::string expected_schema = std::to_string(kSchemaVersion);
  const std::string expected_analyzer = std::to_string(analysis::kAnalyzerVersion);
  if (schema != expected_schema || analyzer != expected_analyzer) {
    // An unstamped index with documents was not made by JIL at all: that is damage, not age.
    const StatusCode code =
        schema.empty() && analyzer.empty() ? StatusCode::kCorrupt : StatusCode::kIncompatible;
    return Status(code, "index has schema version '" + schema + "' and analyzer version '" +
                            analyzer + "', this build needs " + expected_schema + " and " +
                            expected_analyzer +
                            ": rebuild it from the store (jil-indexer rebuild) or index into a "
                            "new directory");
  }
  return Status::ok();
}

void stamp_versions(Xapian::WritableDatabase& database) {
  database.set_metadata(std::string(kSchemaVersionKey), std::to_string(kSchemaVersion));
  database.set_metadata(std::string(kAnalyzerVersionKey),
                        std::to_string(analysis::kAnalyzerVersion));
}

}  // namespace jil::schema
