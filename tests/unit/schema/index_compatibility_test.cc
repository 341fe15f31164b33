// Tests schema/index_compatibility.cc on real in-memory Xapian databases: a fresh index, a
// stamped one, and ones from another schema or analyzer version.
#include "schema/index_compatibility.h"

#include <gtest/gtest.h>

#include <string>

#include "analysis/analyzer_version.h"
#include "schema/schema_version.h"

namespace jil::schema {
namespace {

Xapian::WritableDatabase in_memory_database() {
  return Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
}

TEST(CheckCompatible, EmptyUnstampedIndexIsCompatible) {
  Xapian::WritableDatabase database = in_memory_database();
  EXPECT_TRUE(check_compatible(database).is_ok());
}

TEST(CheckCompatible, StampedIndexIsCompatible) {
  Xapian::WritableDatabase database = in_memory_database();
  stamp_versions(database);
  database.add_document(Xapian::Document());
  EXPECT_EQ(database.get_metadata(std::string(kSchemaVersionKey)), std::to_string(kSchemaVersion));
  EXPECT_EQ(database.get_metadata(std::string(kAnalyzerVersionKey)),
            std::to_string(analysis::kAnalyzerVersion));
  EXPECT_TRUE(check_compatible(database).is_ok());
}

TEST(CheckCompatible, UnstampedIndexWithDocumentsIsCorrupt) {
  Xapian::WritableDatabase database = in_memory_database();
  database.add_document(Xapian::Document());
  const Status status = check_compatible(database);
  EXPECT_EQ(status.code(), StatusCode::kCorrupt);
}

TEST(CheckCompatible, OtherSchemaVersionIsIncompatibleAndNamesBothVersions) {
  Xapian::WritableDatabase database = in_memory_database();
  stamp_versions(database);
  database.set_metadata(std::string(kSchemaVersionKey), "0");
  const Status status = check_compatible(database);
  EXPECT_EQ(status.code(), StatusCode::kIncompatible);
  const std::string analyzer = std::to_string(analysis::kAnalyzerVersion);
  EXPECT_EQ(status.message(), "index has schema version '0' and analyzer version '" + analyzer +
                                  "', this build needs " + std::to_string(kSchemaVersion) +
                                  " and " + analyzer +
                                  ": rebuild it from the store (jil-indexer rebuild) or index "
                                  "into a new directory");
}

TEST(CheckCompatible, OtherAnalyzerVersionIsIncompatible) {
  Xapian::WritableDatabase database = in_memory_database();
  stamp_versions(database);
  database.set_metadata(std::string(kAnalyzerVersionKey), "999");
  EXPECT_EQ(check_compatible(database).code(), StatusCode::kIncompatible);
}

}  // namespace
}  // namespace jil::schema
