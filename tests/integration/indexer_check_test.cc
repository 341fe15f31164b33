// `jil-indexer check` (issue 4 item 6): exit 0 when the index and the store agree; exit 1 with
// one precise line per disagreement when a stored original is deleted or damaged, a stored
// record is missing, or the index itself is damaged. Unreferenced originals are listed as notes.
#include <gtest/gtest.h>

#include <fstream>

#include "indexer_test_files.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

struct CheckedCopy {
  std::filesystem::path index;
  std::filesystem::path store;
};

// A private copy of the shared corpus index and store, to damage.
CheckedCopy copy_of_corpus_index(const std::string& label) {
  const std::filesystem::path work = environment().make_temp_dir(label);
  CheckedCopy copy{work / "index", work / "store"};
  std::filesystem::copy(environment().index_dir(), copy.index,
                        std::filesystem::copy_options::recursive);
  std::filesystem::copy(environment().store_dir(), copy.store,
                        std::filesystem::copy_options::recursive);
  return copy;
}

ProgramResult run_check(const CheckedCopy& copy) {
  return run_indexer({"check", "--db", copy.index.string(), "--store", copy.store.string()});
}

// The store path of a corpus document's original.
std::filesystem::path original_in_store(const CheckedCopy& copy, const std::string& id) {
  const std::string hash = sha256_hex_of(read_bytes(environment().catalog().document(id).original));
  return copy.store / hash.substr(0, 2) / hash;
}

TEST(IndexerCheck, IntactIndexAndStoreAgree) {
  const CheckedCopy copy = copy_of_corpus_index("check-intact");
  const ProgramResult check = run_check(copy);
  EXPECT_EQ(check.exit_code, kIndexerOk) << check.out << check.err;
  const size_t documents = environment().catalog().documents().size();
  EXPECT_NE(check.out.find("index and store agree: " + std::to_string(documents) + " documents, " +
                           std::to_string(documents) + " records"),
            std::string::npos)
      << check.out;
}

TEST(IndexerCheck, DeletedAndDamagedOriginalsAndMissingRecordsAreNamed) {
  const CheckedCopy copy = copy_of_corpus_index("check-damaged");
  const std::filesystem::path deleted = original_in_store(copy, "model-code-en");
  ASSERT_TRUE(std::filesystem::remove(deleted));
  const std::filesystem::path flipped = original_in_store(copy, "model-code-fr");
  std::string bytes = read_bytes(flipped);
  bytes[bytes.size() / 2] ^= 0x01;
  write_bytes(flipped, bytes);
  ASSERT_TRUE(std::filesystem::remove(copy.store / "records" / "model-code-es.json"));
  // An original that no document refers to is information, not an error.
  std::filesystem::create_directories(copy.store / "ab");
  write_bytes(copy.store / "ab" / ("ab" + std::string(62, '0')), "stray");

  const ProgramResult check = run_check(copy);
  EXPECT_EQ(check.exit_code, kIndexerSomeFailed) << check.out << check.err;
  EXPECT_NE(check.out.find("(model-code-en): original " + deleted.filename().string() +
                           " is missing from the store"),
            std::string::npos)
      << check.out;
  EXPECT_NE(check.out.find("(model-code-fr): original " + flipped.string() +
                           " does not match its sha256 (damaged)"),
            std::string::npos)
      << check.out;
  EXPECT_NE(check.out.find("(model-code-es): no stored record"), std::string::npos) << check.out;
  EXPECT_NE(check.out.find("note: unreferenced original: ab" + std::string(62, '0')),
            std::string::npos)
      << check.out;
  EXPECT_NE(check.out.find("index and store DISAGREE"), std::string::npos) << check.out;

  // A record whose document is gone is a disagreement too (rebuild would bring it back).
  write_bytes(copy.store / "records" / "ghost-doc.json",
              read_bytes(copy.store / "records" / "model-code-ru.json"));
  EXPECT_NE(run_check(copy).out.find("record ghost-doc: no such document in the index"),
            std::string::npos);

  // The next index run repairs the store: the missing original and record are written again.
  std::filesystem::remove(copy.store / "records" / "ghost-doc.json");
  std::filesystem::remove(flipped);
  const ProgramResult repair = index_folders(copy.index, copy.store, {environment().corpus_dir()});
  EXPECT_EQ(repair.exit_code, kIndexerOk) << repair.err;
  EXPECT_NE(repair.err.find("updated 3,"), std::string::npos) << repair.err;
  EXPECT_EQ(run_check(copy).exit_code, kIndexerOk) << run_check(copy).out;
}

TEST(IndexerCheck, DamagedIndexIsReported) {
  const CheckedCopy copy = copy_of_corpus_index("check-index");
  const std::filesystem::path table = copy.index / "postlist.glass";
  ASSERT_TRUE(std::filesystem::exists(table));
  {
    std::fstream file(table, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(0);
    const std::string zeros(8192, '\0');
    file.write(zeros.data(), static_cast<std::streamsize>(zeros.size()));
  }
  const ProgramResult check = run_check(copy);
  EXPECT_EQ(check.exit_code, kIndexerSomeFailed) << check.out << check.err;
  EXPECT_NE(check.out.find("error: index: "), std::string::npos) << check.out;
}

}  // namespace
}  // namespace jil::integration
