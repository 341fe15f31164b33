// Tests ingest/fingerprint.cc: the same files give the same fingerprint under this build's
// versions, other files another; same_files looks past the versions; a rebuild restamps them.
#include "ingest/fingerprint.h"

#include <gtest/gtest.h>

#include <string>

#include "analysis/analyzer_version.h"
#include "schema/schema_version.h"

namespace jil::ingest {
namespace {

const std::string kVersions = "/a" + std::to_string(analysis::kAnalyzerVersion) + "/s" +
                              std::to_string(schema::kSchemaVersion);

TEST(Fingerprint, NamesTheFilesAndThisBuildsVersions) {
  const std::string made = fingerprint_of("original bytes", "{\"title\": \"T\"}");
  ASSERT_EQ(made.size(), 32 + kVersions.size());
  EXPECT_EQ(made.substr(32), kVersions);
  EXPECT_EQ(made, fingerprint_of("original bytes", "{\"title\": \"T\"}"));
  EXPECT_NE(made, fingerprint_of("original bytes", "{\"title\": \"U\"}"));
  EXPECT_NE(made, fingerprint_of("other bytes", "{\"title\": \"T\"}"));
}

TEST(Fingerprint, SameFilesLooksPastTheVersions) {
  const std::string files(32, 'c');
  EXPECT_TRUE(same_files(files + "/a1/s9", files + kVersions));
  EXPECT_FALSE(same_files(files + "/a1/s9", std::string(32, 'd') + "/a1/s9"));
  EXPECT_FALSE(same_files("", ""));
  EXPECT_FALSE(same_files(files, files));  // no versions: not a fingerprint
}

TEST(Fingerprint, WithCurrentVersionsKeepsTheFiles) {
  const std::string files(32, 'e');
  EXPECT_EQ(with_current_versions(files + "/a1/s9"), files + kVersions);
  EXPECT_EQ(with_current_versions(files + kVersions), files + kVersions);
  EXPECT_EQ(with_current_versions("no-versions"), "no-versions");
  EXPECT_EQ(with_current_versions("/a1/s9"), "/a1/s9");
}

}  // namespace
}  // namespace jil::ingest
