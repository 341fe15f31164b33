// Removed documents in OAI-PMH (deletedRecord "transient"): a private index gets three documents
// (2020), loses two of them (2022, `jil-indexer remove`) and gets one back (2023). A harvester
// then sees the one still gone as a deleted record, datestamped with its removal and in its
// sets, selected by from/until and set like any record, as GetRecord answers it too; the one
// indexed again is an ordinary record. Every answer is valid against the protocol's schema. A
// fourth document, removed last (2024), dates the library's last change.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <string>

#include "http_client.h"
#include "indexer_test_files.h"
#include "oai_schema_check.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

constexpr char kIndexed[] = "1600000000";  // 2020-09-13T12:26:40Z
constexpr char kRemoved[] = "1650000000";  // 2022-04-15T05:20:00Z
constexpr char kRemovedDatestamp[] = "2022-04-15T05:20:00Z";
constexpr char kBack[] = "1690000000";  // 2023-07-22T04:26:40Z
constexpr char kBackDatestamp[] = "2023-07-22T04:26:40Z";
constexpr char kLate[] = "1720000000";  // 2024-07-03T09:46:40Z
constexpr char kLateDatestamp[] = "2024-07-03T09:46:40Z";

// Runs jil-indexer with `arguments` as if at `epoch`, then puts the suite's clock back.
void run_at(const char* epoch, const std::vector<std::string>& arguments) {
  ASSERT_EQ(setenv("SOURCE_DATE_EPOCH", epoch, 1), 0);
  const ProgramResult result = run_indexer(arguments);
  ASSERT_EQ(setenv("SOURCE_DATE_EPOCH", kIndexEpoch, 1), 0);
  ASSERT_EQ(result.exit_code, kIndexerOk) << result.out << result.err;
}

struct Header {
  bool deleted = false;
  std::string datestamp;
  std::string sets;  // the setSpecs, joined with spaces
  bool operator==(const Header&) const = default;
};

// identifier (without "oai:jil:") → its header, for every header of one answer.
std::map<std::string, Header> headers_of(const std::string& xml) {
  std::map<std::string, Header> out;
  static const std::regex header(
      R"(<header( status="deleted")?><identifier>oai:jil:([^<]+)</identifier><datestamp>([^<]+)</datestamp>((?:<setSpec>[^<]*</setSpec>)*)</header>)");
  static const std::regex spec("<setSpec>([^<]*)</setSpec>");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), header); it != std::sregex_iterator();
       ++it) {
    Header& entry = out[(*it)[2].str()];
    entry.deleted = (*it)[1].matched;
    entry.datestamp = (*it)[3].str();
    const std::string specs = (*it)[4].str();
    for (auto s = std::sregex_iterator(specs.begin(), specs.end(), spec);
         s != std::sregex_iterator(); ++s) {
      entry.sets += (entry.sets.empty() ? "" : " ") + (*s)[1].str();
    }
  }
  return out;
}

class OaiDeleted : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::filesystem::path root = environment().make_temp_dir("oai-deleted");
    root_ = root;
    const std::string text = "Judicial integrity and the conduct of judges.\n";
    const std::string index = (root / "index").string();
    const std::string store = (root / "store").string();
    std::map<std::string, std::filesystem::path> folders;
    for (const auto& [id, language] : std::map<std::string, std::string>{
             {"kept-en", "en"}, {"gone-fr", "fr"}, {"back-es", "es"}, {"late-ru", "ru"}}) {
      folders[id] = root / id;
      std::filesystem::create_directories(folders[id]);
      nlohmann::json sidecar = sidecar_json(id, language);
      if (id == "gone-fr") sidecar["type"] = "report";
      write_source_document(folders[id], id + ".txt", text, sidecar);
    }
    run_at(kIndexed,
           {"index", "--db", index, "--store", store, folders["kept-en"].string(),
            folders["gone-fr"].string(), folders["back-es"].string(), folders["late-ru"].string()});
    run_at(kRemoved, {"remove", "--db", index, "--store", store, "gone-fr", "back-es"});
    run_at(kBack, {"index", "--db", index, "--store", store, folders["back-es"].string()});
    run_at(kLate, {"remove", "--db", index, "--store", store, "late-ru"});
    server_ = new PrivateSearchd(root / "index", root / "store");
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(server_->port(), 0) << server_->error(); }

  static std::string oai(const std::string& arguments) {
    const HttpReply reply = http_get(server_->port(), "/oai?" + arguments);
    EXPECT_EQ(reply.status, 200u) << arguments;
    return reply.body;
  }
  static std::map<std::string, Header> list(const std::string& arguments) {
    return headers_of(oai("verb=ListIdentifiers&metadataPrefix=oai_dc" + arguments));
  }

  static PrivateSearchd* server_;
  static std::filesystem::path root_;  // index/ and store/
};
PrivateSearchd* OaiDeleted::server_ = nullptr;
std::filesystem::path OaiDeleted::root_;

// `tools/serve.sh` rebuilds the index from the store after a schema change: with
// --removals-from the new index keeps the old one's removal records, so a harvester still
// learns of removals made before; without it they are gone.
TEST_F(OaiDeleted, ARebuildKeepsTheRemovalRecordsOfTheIndexItReplaces) {
  const std::filesystem::path out = environment().make_temp_dir("oai-deleted-rebuild");
  const std::string store = (root_ / "store").string();
  const ProgramResult kept =
      run_indexer({"rebuild", "--index", (out / "kept").string(), "--store", store,
                   "--removals-from", (root_ / "index").string(), "--quiet"});
  ASSERT_EQ(kept.exit_code, kIndexerOk) << kept.err;
  EXPECT_NE(kept.err.find("kept 2 removal records of"), std::string::npos) << kept.err;
  const ProgramResult lost =
      run_indexer({"rebuild", "--index", (out / "lost").string(), "--store", store, "--quiet"});
  ASSERT_EQ(lost.exit_code, kIndexerOk) << lost.err;
  const auto headers_from = [&](const std::filesystem::path& index) {
    PrivateSearchd rebuilt(index, root_ / "store");
    EXPECT_NE(rebuilt.port(), 0) << rebuilt.error();
    const HttpReply reply =
        http_get(rebuilt.port(), "/oai?verb=ListIdentifiers&metadataPrefix=oai_dc");
    EXPECT_EQ(reply.status, 200u);
    return headers_of(reply.body);
  };
  EXPECT_EQ(headers_from(out / "kept"), list(""));
  const auto without = headers_from(out / "lost");
  EXPECT_EQ(without.size(), 2u);
  EXPECT_FALSE(without.contains("gone-fr"));
}

TEST_F(OaiDeleted, ARebuildFromAnUnreadableIndexStopsBeforeWriting) {
  const std::filesystem::path out = environment().make_temp_dir("oai-deleted-rebuild-bad");
  const ProgramResult run =
      run_indexer({"rebuild", "--index", (out / "new").string(), "--store",
                   (root_ / "store").string(), "--removals-from", (out / "nowhere").string()});
  EXPECT_EQ(run.exit_code, kIndexerFatal);
  EXPECT_NE(
      run.err.find("--removals-from " + (out / "nowhere").string() + ": not a readable index"),
      std::string::npos)
      << run.err;
  EXPECT_FALSE(std::filesystem::exists(out / "new"));
}

TEST_F(OaiDeleted, IdentifySaysDeletionsAreKeptTransiently) {
  const std::string identify = oai("verb=Identify");
  EXPECT_NE(identify.find("<deletedRecord>transient</deletedRecord>"), std::string::npos)
      << identify;
}

TEST_F(OaiDeleted, ARemovedDocumentIsADeletedRecordDatestampedWithItsRemoval) {
  const auto headers = list("");
  ASSERT_EQ(headers.size(), 4u);
  ASSERT_TRUE(headers.contains("gone-fr"));
  EXPECT_TRUE(headers.at("gone-fr").deleted);
  EXPECT_EQ(headers.at("gone-fr").datestamp, kRemovedDatestamp);
  EXPECT_EQ(headers.at("gone-fr").sets, "type:report language:fr");
  // Indexed again after its removal: an ordinary record again, of the new time.
  EXPECT_FALSE(headers.at("back-es").deleted);
  EXPECT_EQ(headers.at("back-es").datestamp, kBackDatestamp);
  EXPECT_FALSE(headers.at("kept-en").deleted);
}

TEST_F(OaiDeleted, FromUntilAndSetSelectDeletedRecordsLikeAnyOther) {
  const auto since_removal = list("&from=2022-01-01");
  EXPECT_TRUE(since_removal.contains("gone-fr"));
  EXPECT_TRUE(since_removal.contains("back-es"));
  EXPECT_FALSE(since_removal.contains("kept-en"));
  EXPECT_FALSE(list("&until=2021-12-31").contains("gone-fr"));
  EXPECT_TRUE(list("&set=language:fr").contains("gone-fr"));
  EXPECT_TRUE(list("&set=type:report").contains("gone-fr"));
  EXPECT_FALSE(list("&set=language:en").contains("gone-fr"));
}

TEST_F(OaiDeleted, GetRecordAndListRecordsGiveADeletedRecordAHeaderOnly) {
  const std::string record = oai("verb=GetRecord&identifier=oai:jil:gone-fr&metadataPrefix=oai_dc");
  EXPECT_NE(record.find("<record><header status=\"deleted\"><identifier>oai:jil:gone-fr"),
            std::string::npos)
      << record;
  EXPECT_EQ(record.find("<metadata>"), std::string::npos) << record;
  const std::string records = oai("verb=ListRecords&metadataPrefix=oai_dc&set=language:fr");
  EXPECT_NE(records.find("<header status=\"deleted\">"), std::string::npos) << records;
  EXPECT_EQ(records.find("<metadata>"), std::string::npos) << records;
  EXPECT_NE(oai("verb=ListMetadataFormats&identifier=oai:jil:gone-fr").find("oai_dc"),
            std::string::npos);
  // The search knows nothing of it.
  const HttpReply document = http_get(server_->port(), "/doc/gone-fr");
  EXPECT_EQ(document.status, 404u);
}

// The last change of the library is its last removal, which came after its last addition.
TEST_F(OaiDeleted, AFeedWithoutEntriesIsDatedByTheLastRemoval) {
  const HttpReply feed = http_get(server_->port(), "/feed.atom?q=zyxwvutsrq");
  ASSERT_EQ(feed.status, 200u) << feed.body;
  EXPECT_EQ(feed.body.find("<entry>"), std::string::npos) << feed.body;
  EXPECT_NE(feed.body.find(std::string("<updated>") + kLateDatestamp + "</updated>"),
            std::string::npos)
      << feed.body;
  EXPECT_EQ(list("").at("late-ru").datestamp, kLateDatestamp);
}

TEST_F(OaiDeleted, AnswersWithDeletedRecordsAreValid) {
  if (!have_xmllint()) GTEST_SKIP() << "libxml2-utils is not installed";
  for (const std::string arguments :
       {"verb=Identify", "verb=ListIdentifiers&metadataPrefix=oai_dc",
        "verb=ListRecords&metadataPrefix=oai_dc",
        "verb=GetRecord&identifier=oai:jil:gone-fr&metadataPrefix=oai_dc"}) {
    EXPECT_EQ(oai_schema_errors(oai(arguments)), "") << arguments;
  }
}

}  // namespace
}  // namespace jil::integration
