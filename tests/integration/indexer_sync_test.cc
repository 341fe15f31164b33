// Keeping the index in step with the folders (issue 4 item 4): `index --prune` deletes the
// documents whose file left a folder of the run, and only that folder's; `remove ID` deletes by
// id. Both count in the summary's "removed" and in --json, and both drop the stored records.
#include <gtest/gtest.h>
#include <xapian.h>

#include <set>

#include "indexer_test_files.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

std::set<std::string> ids_in(const std::filesystem::path& index) {
  std::set<std::string> ids;
  Xapian::Database database(index.string());
  for (auto term = database.allterms_begin("Q"); term != database.allterms_end("Q"); ++term) {
    ids.insert((*term).substr(1));
  }
  return ids;
}

std::set<std::string> record_ids(const std::filesystem::path& store) {
  std::set<std::string> ids;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(store / "records", error)) {
    ids.insert(entry.path().stem().string());
  }
  return ids;
}

struct TwoFolders {
  std::filesystem::path first;
  std::filesystem::path second;
  std::filesystem::path index;
  std::filesystem::path store;
};

// Two folders indexed into one index: first holds a1, a2, a3; second holds b1.
TwoFolders index_two_folders() {
  TwoFolders setup;
  setup.first = environment().make_temp_dir("prune-first");
  setup.second = environment().make_temp_dir("prune-second");
  const std::filesystem::path work = environment().make_temp_dir("prune-work");
  setup.index = work / "index";
  setup.store = work / "store";
  for (const char* id : {"prune-a1", "prune-a2", "prune-a3"}) {
    write_source_document(setup.first, std::string(id) + ".txt", "Text of " + std::string(id),
                          sidecar_json(id));
  }
  // The same file name as in the first folder: origins are told apart by folder.
  write_source_document(setup.second, "prune-a1.txt", "Text of b1", sidecar_json("prune-b1"));
  EXPECT_EQ(index_folders(setup.index, setup.store, {setup.first}).exit_code, kIndexerOk);
  EXPECT_EQ(index_folders(setup.index, setup.store, {setup.second}).exit_code, kIndexerOk);
  return setup;
}

TEST(IndexerSync, PruneDeletesOnlyTheVanishedFilesOfTheFoldersIndexed) {
  const TwoFolders setup = index_two_folders();
  std::filesystem::remove(setup.first / "prune-a1.txt");
  std::filesystem::remove(setup.first / "prune-a1.txt.json");

  // Without --prune nothing is deleted.
  const ProgramResult plain = index_folders(setup.index, setup.store, {setup.first}, {"--json"});
  EXPECT_EQ(json_of(plain).value("removed", 99u), 0u);
  EXPECT_EQ(ids_in(setup.index).size(), 4u);

  // A dry run says what would go and deletes nothing.
  const ProgramResult dry =
      index_folders(setup.index, setup.store, {setup.first}, {"--prune", "--dry-run", "--json"});
  EXPECT_EQ(json_of(dry)["removed_ids"], nlohmann::json::array({"prune-a1"}));
  EXPECT_EQ(ids_in(setup.index).size(), 4u);

  // Pruning the first folder (given with a trailing slash: the same origin) keeps the second's
  // document, although its file has the same name as the one that left.
  const ProgramResult pruned =
      index_folders(setup.index, setup.store, {setup.first.string() + "/"}, {"--prune", "--json"});
  EXPECT_EQ(pruned.exit_code, kIndexerOk) << pruned.err;
  const nlohmann::json summary = json_of(pruned);
  EXPECT_EQ(summary.value("removed", 0u), 1u);
  EXPECT_EQ(summary["removed_ids"], nlohmann::json::array({"prune-a1"}));
  EXPECT_EQ(summary.value("unchanged", 0u), 2u);
  EXPECT_EQ(ids_in(setup.index), (std::set<std::string>{"prune-a2", "prune-a3", "prune-b1"}));
  EXPECT_EQ(record_ids(setup.store), (std::set<std::string>{"prune-a2", "prune-a3", "prune-b1"}));

  // Pruning the second folder deletes nothing of the first.
  const ProgramResult second =
      index_folders(setup.index, setup.store, {setup.second}, {"--prune", "--json"});
  EXPECT_EQ(json_of(second).value("removed", 99u), 0u);
  EXPECT_EQ(ids_in(setup.index).size(), 3u);
}

TEST(IndexerSync, PruneDeletesTheOldIdOfAFileWhoseIdChanged) {
  const TwoFolders setup = index_two_folders();
  write_bytes(setup.first / "prune-a2.txt.json", sidecar_json("prune-a2-renamed").dump());
  const ProgramResult run = index_folders(setup.index, setup.store, {setup.first}, {"--prune"});
  EXPECT_EQ(run.exit_code, kIndexerOk) << run.err;
  EXPECT_NE(run.err.find("added 1, updated 0, unchanged 2, removed 1, failed 0"), std::string::npos)
      << run.err;
  EXPECT_EQ(ids_in(setup.index),
            (std::set<std::string>{"prune-a1", "prune-a2-renamed", "prune-a3", "prune-b1"}));
}

TEST(IndexerSync, RemoveDeletesByIdAndReportsUnknownIds) {
  const TwoFolders setup = index_two_folders();
  const ProgramResult removed =
      run_indexer({"remove", "--db", setup.index.string(), "--store", setup.store.string(),
                   "--json", "prune-a3", "prune-b1"});
  EXPECT_EQ(removed.exit_code, kIndexerOk) << removed.err;
  const nlohmann::json summary = json_of(removed);
  EXPECT_EQ(summary.value("removed", 0u), 2u);
  EXPECT_EQ(summary.value("documents_in_index", 0u), 2u);
  EXPECT_EQ(ids_in(setup.index), (std::set<std::string>{"prune-a1", "prune-a2"}));
  EXPECT_EQ(record_ids(setup.store), (std::set<std::string>{"prune-a1", "prune-a2"}));

  const ProgramResult unknown = run_indexer(
      {"remove", "--db", setup.index.string(), "--store", setup.store.string(), "no-such-doc"});
  EXPECT_EQ(unknown.exit_code, kIndexerSomeFailed);
  EXPECT_NE(unknown.err.find("failed: no-such-doc: no document with this id"), std::string::npos)
      << unknown.err;
  EXPECT_NE(unknown.err.find("removed 0, failed 1"), std::string::npos) << unknown.err;

  // The next run of the first folder brings a3 back (its file is still there).
  const ProgramResult again = index_folders(setup.index, setup.store, {setup.first}, {"--json"});
  EXPECT_EQ(json_of(again).value("added", 0u), 1u);
}

}  // namespace
}  // namespace jil::integration
