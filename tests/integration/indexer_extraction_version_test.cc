// A new extraction for one format (extract/extraction_version.h) reaches the documents already
// indexed: the next `index` run extracts that format's files again, and only them, and keeps
// their indexing time for the feeds. Simulated by giving an indexed HTML document the
// fingerprint the previous HTML extraction wrote (without "/x2").
#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

#include "extract/extraction_version.h"
#include "indexer_test_files.h"
#include "schema/prefixes.h"
#include "schema/value_slots.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

Xapian::Document document_of(const Xapian::Database& database, const std::string& id) {
  return database.get_document(*database.postlist_begin(schema::term(schema::kIdPrefix, id)));
}

TEST(IndexerExtractionVersion, OnlyTheFormatWhoseExtractionChangedIsExtractedAgain) {
  const std::filesystem::path root = environment().make_temp_dir("extraction-version");
  const std::filesystem::path source = root / "source";
  std::filesystem::create_directories(source);
  write_source_document(source, "staffing.html",
                        "<html><body><h1>Court staffing</h1><table><tr><th>Judges</th>"
                        "<th>2021</th></tr><tr><td>Serving</td><td>1,108</td></tr></table>"
                        "</body></html>",
                        sidecar_json("staffing-table"));
  write_source_document(source, "ethics.txt", "Judicial ethics and the conduct of judges.\n",
                        sidecar_json("ethics-note"));
  const std::filesystem::path index = root / "index";
  const std::filesystem::path store = root / "store";
  const ProgramResult first = index_folders(index, store, {source}, {"--json"});
  ASSERT_EQ(first.exit_code, kIndexerOk) << first.err << first.out;
  ASSERT_EQ(json_of(first).value("added", 0u), 2u) << first.out;

  const std::string html_versions =
      "/x" + std::to_string(extract::extraction_version(extract::DocumentFormat::kHtml));
  std::string text_fingerprint;
  std::string html_indexed_at;
  {
    Xapian::WritableDatabase database(index.string(), Xapian::DB_OPEN);
    text_fingerprint = document_of(database, "ethics-note").get_value(schema::kFingerprintSlot);
    const Xapian::docid docid =
        *database.postlist_begin(schema::term(schema::kIdPrefix, "staffing-table"));
    Xapian::Document html = database.get_document(docid);
    const std::string fingerprint = html.get_value(schema::kFingerprintSlot);
    ASSERT_TRUE(fingerprint.ends_with(html_versions)) << fingerprint;
    html_indexed_at = html.get_value(schema::kIndexedAtSlot);
    html.add_value(schema::kFingerprintSlot,
                   fingerprint.substr(0, fingerprint.size() - html_versions.size()));
    database.replace_document(docid, html);
    database.commit();
  }

  const ProgramResult again = index_folders(index, store, {source}, {"--json"});
  ASSERT_EQ(again.exit_code, kIndexerOk) << again.err << again.out;
  EXPECT_EQ(json_of(again).value("updated", 0u), 1u) << again.out;
  EXPECT_EQ(json_of(again).value("unchanged", 0u), 1u) << again.out;
  const Xapian::Database database(index.string());
  const Xapian::Document html = document_of(database, "staffing-table");
  EXPECT_TRUE(html.get_value(schema::kFingerprintSlot).ends_with(html_versions));
  EXPECT_EQ(html.get_value(schema::kIndexedAtSlot), html_indexed_at) << "same files: same time";
  EXPECT_EQ(document_of(database, "ethics-note").get_value(schema::kFingerprintSlot),
            text_fingerprint);

  const ProgramResult third = index_folders(index, store, {source}, {"--json"});
  ASSERT_EQ(third.exit_code, kIndexerOk) << third.err << third.out;
  EXPECT_EQ(json_of(third).value("unchanged", 0u), 2u) << "once only: " << third.out;
}

}  // namespace
}  // namespace jil::integration
