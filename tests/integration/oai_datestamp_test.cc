// OAI-PMH datestamps are per document (issue 6 item 5): the time the indexer wrote that version
// of it. A private index is filled in three runs at three times (SOURCE_DATE_EPOCH): unchanged
// documents keep their stamp, a changed one gets the new time, and from/until select by it.
// The same files written again by another indexer version keep theirs too.
#include <gtest/gtest.h>
#include <xapian.h>

#include <map>
#include <regex>
#include <set>
#include <string>

#include "http_client.h"
#include "indexer_test_files.h"
#include "schema/prefixes.h"
#include "schema/value_slots.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

constexpr char kFirstRun[] = "1600000000";   // 2020-09-13T12:26:40Z
constexpr char kSecondRun[] = "1650000000";  // 2022-04-15T05:20:00Z
constexpr char kThirdRun[] = "1690000000";   // 2023-07-22T04:26:40Z

// Runs the indexer over `source` as if at `epoch`, then puts the suite's clock back.
void index_at(const char* epoch, const std::filesystem::path& root,
              const std::filesystem::path& source) {
  ASSERT_EQ(setenv("SOURCE_DATE_EPOCH", epoch, 1), 0);
  const ProgramResult result = index_folders(root / "index", root / "store", {source});
  ASSERT_EQ(setenv("SOURCE_DATE_EPOCH", kIndexEpoch, 1), 0);
  ASSERT_EQ(result.exit_code, kIndexerOk) << result.out << result.err;
}

// identifier → datestamp of every header in one answer.
std::map<std::string, std::string> headers_of(const std::string& xml) {
  std::map<std::string, std::string> out;
  static const std::regex header(
      R"(<header><identifier>oai:jil:([^<]+)</identifier><datestamp>([^<]+)</datestamp>)");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), header); it != std::sregex_iterator();
       ++it) {
    out[(*it)[1].str()] = (*it)[2].str();
  }
  return out;
}

class OaiDatestamps : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::filesystem::path root = environment().make_temp_dir("oai-datestamps");
    const std::filesystem::path source = root / "source";
    std::filesystem::create_directories(source);
    const std::string text = "Judicial integrity and the conduct of judges.\n";
    write_source_document(source, "stamp-old.txt", text, sidecar_json("stamp-old"));
    write_source_document(source, "stamp-changed.txt", text, sidecar_json("stamp-changed"));
    index_at(kFirstRun, root, source);
    write_source_document(source, "stamp-new.txt", text, sidecar_json("stamp-new"));
    index_at(kSecondRun, root, source);
    nlohmann::json changed = sidecar_json("stamp-changed");
    changed["title"] = "A corrected title";
    write_source_document(source, "stamp-changed.txt", text, changed);
    index_at(kThirdRun, root, source);
    server_ = new PrivateSearchd(root / "index", root / "store");
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(server_->port(), 0) << server_->error(); }

  static std::map<std::string, std::string> list(const std::string& arguments) {
    const HttpReply reply =
        http_get(server_->port(), "/oai?verb=ListIdentifiers&metadataPrefix=oai_dc" + arguments);
    EXPECT_EQ(reply.status, 200u);
    return headers_of(reply.body);
  }

  static PrivateSearchd* server_;
};

PrivateSearchd* OaiDatestamps::server_ = nullptr;

TEST_F(OaiDatestamps, EachDocumentCarriesTheTimeItWasLastWritten) {
  const std::map<std::string, std::string> expected = {
      {"stamp-old", "2020-09-13T12:26:40Z"},
      {"stamp-new", "2022-04-15T05:20:00Z"},
      {"stamp-changed", "2023-07-22T04:26:40Z"},
  };
  EXPECT_EQ(list(""), expected);
  const HttpReply record = http_get(
      server_->port(), "/oai?verb=GetRecord&identifier=oai:jil:stamp-new&metadataPrefix=oai_dc");
  EXPECT_EQ(headers_of(record.body),
            (std::map<std::string, std::string>{{"stamp-new", "2022-04-15T05:20:00Z"}}));
  const HttpReply identify = http_get(server_->port(), "/oai?verb=Identify");
  EXPECT_NE(identify.body.find("<earliestDatestamp>2020-09-13T12:26:40Z</earliestDatestamp>"),
            std::string::npos)
      << identify.body;
}

TEST_F(OaiDatestamps, FromAndUntilSelectByIt) {
  auto ids = [](const std::map<std::string, std::string>& headers) {
    std::set<std::string> out;
    for (const auto& [id, datestamp] : headers) out.insert(id);
    return out;
  };
  using Ids = std::set<std::string>;
  EXPECT_EQ(ids(list("&from=2022-01-01")), (Ids{"stamp-changed", "stamp-new"}));
  EXPECT_EQ(ids(list("&until=2021-12-31")), (Ids{"stamp-old"}));
  EXPECT_EQ(ids(list("&from=2022-04-15T05:20:00Z&until=2022-04-15T05:20:00Z")), (Ids{"stamp-new"}));
  EXPECT_EQ(ids(list("&from=2022-04-15T05:20:01Z")), (Ids{"stamp-changed"}));
  EXPECT_EQ(ids(list("&from=2020-09-13&until=2023-07-22")),
            (Ids{"stamp-changed", "stamp-new", "stamp-old"}));
}

// After an analyzer or schema change every file is written again once (its fingerprint names
// the versions): a file whose bytes and sidecar did not change keeps its time, so that the feeds
// and harvesters are not told the whole library is new. Simulated by giving the indexed
// document a fingerprint of older versions.
TEST(OaiDatestampsAcrossVersions, FilesWrittenAgainByANewIndexerKeepTheirTime) {
  const std::filesystem::path root = environment().make_temp_dir("oai-datestamps-versions");
  const std::filesystem::path source = root / "source";
  std::filesystem::create_directories(source);
  const std::string text = "Judicial integrity and the conduct of judges.\n";
  write_source_document(source, "stamp-kept.txt", text, sidecar_json("stamp-kept"));
  write_source_document(source, "stamp-edited.txt", text, sidecar_json("stamp-edited"));
  index_at(kFirstRun, root, source);
  const std::filesystem::path index = root / "index";
  {
    Xapian::WritableDatabase database(index.string(), Xapian::DB_OPEN);
    for (const char* id : {"stamp-kept", "stamp-edited"}) {
      const std::string id_term = schema::term(schema::kIdPrefix, id);
      const Xapian::docid docid = *database.postlist_begin(id_term);
      Xapian::Document document = database.get_document(docid);
      const std::string fingerprint = document.get_value(schema::kFingerprintSlot);
      document.add_value(schema::kFingerprintSlot,
                         fingerprint.substr(0, fingerprint.find('/')) + "/a1/s1");
      database.replace_document(docid, document);
    }
    database.commit();
  }
  nlohmann::json edited = sidecar_json("stamp-edited");
  edited["title"] = "An edited title";
  write_source_document(source, "stamp-edited.txt", text, edited);
  index_at(kSecondRun, root, source);
  Xapian::Database database(index.string());
  const auto indexed_at = [&](const char* id) {
    const Xapian::docid docid = *database.postlist_begin(schema::term(schema::kIdPrefix, id));
    return database.get_document(docid).get_value(schema::kIndexedAtSlot);
  };
  const Xapian::docid kept =
      *database.postlist_begin(schema::term(schema::kIdPrefix, "stamp-kept"));
  EXPECT_FALSE(database.get_document(kept).get_value(schema::kFingerprintSlot).ends_with("/a1/s1"))
      << "written again";
  EXPECT_EQ(indexed_at("stamp-kept"), "2020-09-13T12:26:40Z") << "same files: its first time";
  EXPECT_EQ(indexed_at("stamp-edited"), "2022-04-15T05:20:00Z") << "a changed sidecar: now";
}

}  // namespace
}  // namespace jil::integration
