// Tests ingest/fingerprint.cc: the same files give the same fingerprint under this build's
// versions, other files another; a format whose extraction changed names its version; same_files
// looks past the versions; a rebuild restamps them.
#include "ingest/fingerprint.h"

#include <gtest/gtest.h>

#include <string>

#include "analysis/analyzer_version.h"
#include "extract/extraction_version.h"
#include "schema/schema_version.h"

namespace jil::ingest {
namespace {

using extract::DocumentFormat;

const std::string kVersions = "/a" + std::to_string(analysis::kAnalyzerVersion) + "/s" +
                              std::to_string(schema::kSchemaVersion);
const std::string kHtmlVersions =
    kVersions + "/x" + std::to_string(extract::extraction_version(DocumentFormat::kHtml));

TEST(Fingerprint, NamesTheFilesAndThisBuildsVersions) {
  const std::string made =
      fingerprint_of("original bytes", "{\"title\": \"T\"}", DocumentFormat::kPdf);
  ASSERT_EQ(made.size(), 32 + kVersions.size());
  EXPECT_EQ(made.substr(32), kVersions);
  EXPECT_EQ(made, fingerprint_of("original bytes", "{\"title\": \"T\"}", DocumentFormat::kPdf));
  EXPECT_NE(made, fingerprint_of("original bytes", "{\"title\": \"U\"}", DocumentFormat::kPdf));
  EXPECT_NE(made, fingerprint_of("other bytes", "{\"title\": \"T\"}", DocumentFormat::kPdf));
}

TEST(Fingerprint, AFormatWhoseExtractionChangedNamesItsVersion) {
  ASSERT_GT(extract::extraction_version(DocumentFormat::kHtml), 1);
  EXPECT_EQ(extract::extraction_version(DocumentFormat::kText), 1);
  const std::string html = fingerprint_of("<p>bytes</p>", "{}", DocumentFormat::kHtml);
  const std::string text = fingerprint_of("<p>bytes</p>", "{}", DocumentFormat::kText);
  EXPECT_EQ(html.substr(32), kHtmlVersions);
  EXPECT_EQ(text.substr(32), kVersions);  // formats at version 1 keep the form they had
  // A document made by the previous HTML extraction is the same files, made again by `index`.
  EXPECT_NE(html, html.substr(0, 32) + kVersions);
  EXPECT_TRUE(same_files(html, html.substr(0, 32) + kVersions));
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
  EXPECT_EQ(with_current_versions(files + "/a1/s9", DocumentFormat::kPdf), files + kVersions);
  EXPECT_EQ(with_current_versions(files + kVersions, DocumentFormat::kPdf), files + kVersions);
  EXPECT_EQ(with_current_versions(files + kVersions, DocumentFormat::kHtml), files + kHtmlVersions);
  EXPECT_EQ(with_current_versions("no-versions", DocumentFormat::kPdf), "no-versions");
  EXPECT_EQ(with_current_versions("/a1/s9", DocumentFormat::kPdf), "/a1/s9");
}

}  // namespace
}  // namespace jil::ingest
