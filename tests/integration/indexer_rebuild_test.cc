// `jil-indexer rebuild` (issue 4 item 3, RELIABILITY.md T-D8): an index recreated from the store
// alone answers like the original, through a real jil-searchd: the same totals, the same ids in
// the same order and the same facet counts for queries in the six languages, and the same
// documents (data, values, terms) read with Xapian. Rebuild never writes over an existing index.
#include <gtest/gtest.h>

#include <fstream>

#include "http_client.h"
#include "indexer_test_files.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

// Queries in the six languages, with and without filters and sorts; the empty query lists all.
const char* const kQueries[] = {
    "q=judicial+ethics",
    "q=conflict+of+interest&lang=en",
    "q=ind%C3%A9pendance+des+juges",
    "q=%C3%A9tica+judicial&sort=newest",
    "q=%D1%81%D1%83%D0%B4%D1%8C%D0%B8",
    "q=%D8%A7%D9%84%D9%82%D8%B6%D8%A7%D8%A9",
    "q=%E6%B3%95%E5%AE%98",
    "q=&size=50",
    "q=&type=guidance&sort=title&size=50",
    "q=gifts&topic=gifts",
    "q=court&region=europe-central-asia",
};

// What must agree: total, ids in order, facet counts.
nlohmann::json comparable(const nlohmann::json& body) {
  if (!body.is_object()) return body;
  nlohmann::json ids = nlohmann::json::array();
  for (const auto& hit : body["results"]) ids.push_back(hit["id"]);
  return {{"total", body["total"]}, {"ids", ids}, {"facets", body["facets"]}};
}

TEST(IndexerRebuild, RebuiltIndexAnswersLikeTheOriginal) {
  const std::filesystem::path rebuilt = environment().make_temp_dir("rebuild") / "index";
  const ProgramResult run = run_indexer({"rebuild", "--index", rebuilt.string(), "--store",
                                         environment().store_dir().string(), "--json"});
  ASSERT_EQ(run.exit_code, kIndexerOk) << run.err << run.out;
  const size_t documents = environment().catalog().documents().size();
  EXPECT_EQ(json_of(run).value("added", 0u), documents);

  EXPECT_EQ(index_snapshot(rebuilt), index_snapshot(environment().index_dir()))
      << "a rebuilt document differs from the original's";

  PrivateSearchd searchd(rebuilt, environment().store_dir());
  ASSERT_NE(searchd.port(), 0) << searchd.error();
  for (const char* query : kQueries) {
    const std::string target = std::string("/api/v1/search?") + query;
    const HttpReply original = http_get(environment().port(), target);
    ASSERT_EQ(original.status, 200u) << target << original.body;
    const nlohmann::json expected = comparable(nlohmann::json::parse(original.body));
    EXPECT_GT(expected["total"].get<int>(), 0) << target << ": pick a query that matches";
    EXPECT_EQ(comparable(searchd.get_json(target)), expected) << target;
  }
  // The rebuilt index serves the originals too.
  const HttpReply download = http_get(searchd.port(), "/doc/model-code-en/original");
  EXPECT_EQ(download.status, 200u);
  EXPECT_EQ(download.body, read_bytes(environment().catalog().document("model-code-en").original));
}

// After an upgrade (new analyzer or schema), tools/serve.sh rebuilds and then indexes its
// folders: the rebuild makes each document under the new versions, so that run finds every
// file unchanged instead of writing the whole library a second time. The store's records still
// name the old versions; `check` does not count that as a disagreement.
TEST(IndexerRebuild, TheIndexRunAfterARebuildForNewVersionsFindsEveryFileUnchanged) {
  const std::filesystem::path root = environment().make_temp_dir("rebuild-versions");
  const std::filesystem::path store = root / "store";
  std::filesystem::copy(environment().store_dir(), store, std::filesystem::copy_options::recursive);
  // The records as an indexer of an older analyzer wrote them ("<files>/a0/s…").
  size_t records = 0;
  for (const auto& entry : std::filesystem::directory_iterator(store / "records")) {
    nlohmann::json record = nlohmann::json::parse(read_bytes(entry.path()));
    std::string fingerprint = record["fingerprint"];
    const size_t versions = fingerprint.find("/a");
    ASSERT_NE(versions, std::string::npos) << fingerprint;
    record["fingerprint"] =
        fingerprint.substr(0, versions) +
        fingerprint.substr(fingerprint.find('/', versions + 1)).insert(0, "/a0");
    std::ofstream(entry.path(), std::ios::binary | std::ios::trunc) << record.dump();
    ++records;
  }
  const size_t documents = environment().catalog().documents().size();
  ASSERT_EQ(records, documents);
  const std::string index = (root / "index").string();
  const ProgramResult rebuilt =
      run_indexer({"rebuild", "--index", index, "--store", store.string(), "--json"});
  ASSERT_EQ(rebuilt.exit_code, kIndexerOk) << rebuilt.err;
  const ProgramResult again = run_indexer({"index", "--db", index, "--store", store.string(),
                                           "--json", environment().corpus_dir().string()});
  ASSERT_EQ(again.exit_code, kIndexerOk) << again.err;
  EXPECT_EQ(json_of(again).value("unchanged", 0u), documents) << again.out;
  EXPECT_EQ(json_of(again).value("updated", 0u), 0u) << again.out;
  const ProgramResult check =
      run_indexer({"check", "--db", index, "--store", store.string(), "--json"});
  EXPECT_EQ(check.exit_code, kIndexerOk) << check.out << check.err;
}

TEST(IndexerRebuild, RefusesToWriteOverAnExistingIndex) {
  const std::filesystem::path copy = environment().make_temp_dir("rebuild-over");
  std::filesystem::copy(environment().index_dir(), copy, std::filesystem::copy_options::recursive);
  const auto before = folder_sha256s(copy);
  const ProgramResult run = run_indexer(
      {"rebuild", "--index", copy.string(), "--store", environment().store_dir().string()});
  EXPECT_EQ(run.exit_code, kIndexerFatal);
  EXPECT_NE(run.err.find("rebuild writes only into a new directory"), std::string::npos) << run.err;
  EXPECT_EQ(folder_sha256s(copy), before);
}

}  // namespace
}  // namespace jil::integration
