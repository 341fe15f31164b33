// searchd's tables after an indexer run that adds, replaces and prunes a few documents
// (search/local_tables.h reads only those, from the change lists the indexer wrote): a searchd
// that served the index before the run answers searches and facet counts exactly as a searchd
// started afterwards on the same index.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "indexer_test_files.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

const std::vector<std::string>& targets() {
  static const std::vector<std::string> all = {
      "/api/v1/search?q=judges&size=50",
      "/api/v1/search?q=judges&size=50&versions=all",
      "/api/v1/search?q=judges&size=50&lang=en&lang=fr",
      "/api/v1/search?q=judges&size=50&type=report",
      "/api/v1/search?q=incrword3&size=50",
      "/api/v1/search?size=50&sort=newest",
  };
  return all;
}

// Every target, from both search threads (requests are dealt to them in turn).
std::vector<nlohmann::json> answers(const PrivateSearchd& searchd) {
  std::vector<nlohmann::json> out;
  for (int round = 0; round < 2; ++round) {
    for (const std::string& target : targets()) out.push_back(searchd.get_json(target));
  }
  return out;
}

TEST(IncrementalRefresh, AnswersAfterAnIndexRunEqualThoseOfAFreshSearchd) {
  const std::filesystem::path folder = environment().make_temp_dir("incremental-source");
  const std::filesystem::path work = environment().make_temp_dir("incremental-work");
  const std::filesystem::path index = work / "index";
  const std::filesystem::path store = work / "store";
  write_generated_documents(folder, "incr", 12);
  ASSERT_EQ(index_folders(index, store, {folder}).exit_code, kIndexerOk);

  const PrivateSearchd kept(index, store, {"--no-cache"});
  ASSERT_NE(kept.port(), 0u) << kept.error();
  const std::vector<nlohmann::json> before = answers(kept);  // reads the tables whole
  ASSERT_FALSE(before.front().is_null());

  // Adds (one a new language version of an existing work), replaces with other facet values and
  // another work, and a pruned file.
  nlohmann::json added = sidecar_json("incr-new-1", "fr");
  added["work"] = "incr-0000";
  added["type"] = "report";
  write_source_document(folder, "incr-new-1.txt", "Les juges et les judges incrword3.", added);
  write_source_document(folder, "incr-new-2.txt", "Judges judges judges.",
                        sidecar_json("incr-new-2", "en"));
  nlohmann::json replaced = sidecar_json("incr-0001", "en");
  replaced["type"] = "report";
  replaced["work"] = "incr-0000";
  replaced["year"] = 2019;
  write_source_document(folder, "incr-0001.txt", "Judges of the new report incrword3.", replaced);
  std::filesystem::remove(folder / "incr-0006.txt");  // English: found by "judges"
  std::filesystem::remove(folder / "incr-0006.txt.json");
  const ProgramResult run = index_folders(index, store, {folder}, {"--prune"});
  ASSERT_EQ(run.exit_code, kIndexerOk) << run.err;

  const std::vector<nlohmann::json> after = answers(kept);
  const PrivateSearchd fresh(index, store, {"--no-cache"});
  ASSERT_NE(fresh.port(), 0u) << fresh.error();
  const std::vector<nlohmann::json> expected = answers(fresh);
  ASSERT_EQ(after.size(), expected.size());
  for (size_t index_of = 0; index_of < after.size(); ++index_of) {
    EXPECT_FALSE(expected[index_of].is_null()) << targets()[index_of % targets().size()];
    EXPECT_EQ(after[index_of].dump(1), expected[index_of].dump(1))
        << targets()[index_of % targets().size()];
  }
  EXPECT_NE(before.front().dump(), after.front().dump());  // the run did change the answers
}

}  // namespace
}  // namespace jil::integration
