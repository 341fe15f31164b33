// Tests store/content_store.cc in a temporary directory: known sha256 vectors, idempotent and
// durable put, and path_of refusing anything that is not a stored hash.
#include "store/content_store.h"

#include <gtest/gtest.h>

#include <string>

#include "base/file_io.h"
#include "temporary_directory.h"

namespace jil::store {
namespace {

constexpr std::string_view kAbcHash =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

size_t files_under(const std::filesystem::path& root) {
  size_t count = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) ++count;
  }
  return count;
}

TEST(Sha256Hex, MatchesTheKnownVectors) {
  EXPECT_EQ(sha256_hex("abc"), kAbcHash);
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(IsSha256Hex, AcceptsSixtyFourLowerCaseHexDigitsOnly) {
  EXPECT_TRUE(is_sha256_hex(kAbcHash));
  EXPECT_FALSE(is_sha256_hex(kAbcHash.substr(1)));
  EXPECT_FALSE(is_sha256_hex(std::string(kAbcHash) + "0"));
  EXPECT_FALSE(is_sha256_hex("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
  EXPECT_FALSE(is_sha256_hex(std::string(63, 'a') + "g"));
  EXPECT_FALSE(is_sha256_hex(""));
}

TEST(ContentStore, PutStoresBytesUnderTheirHash) {
  TemporaryDirectory directory;
  ContentStore store(directory.path() / "store");
  Result<std::string> hash = store.put("abc");
  ASSERT_TRUE(hash.is_ok()) << hash.status().to_string();
  EXPECT_EQ(*hash, kAbcHash);
  const std::filesystem::path expected = directory.path() / "store" / "ba" / kAbcHash;
  Result<std::string> content = read_file(expected, 100);
  ASSERT_TRUE(content.is_ok()) << content.status().to_string();
  EXPECT_EQ(*content, "abc");
}

TEST(ContentStore, PutIsIdempotentAndLeavesNoTemporaryFiles) {
  TemporaryDirectory directory;
  ContentStore store(directory.path());
  ASSERT_TRUE(store.put("abc").is_ok());
  Result<std::string> again = store.put("abc");
  ASSERT_TRUE(again.is_ok()) << again.status().to_string();
  EXPECT_EQ(*again, kAbcHash);
  EXPECT_EQ(files_under(directory.path()), 1u);
}

TEST(ContentStore, StoredOriginalIsFoundByANewStoreOnTheSameRoot) {
  TemporaryDirectory directory;
  ASSERT_TRUE(ContentStore(directory.path()).put("abc").is_ok());
  const ContentStore reopened(directory.path());
  Result<std::filesystem::path> path = reopened.path_of(kAbcHash);
  ASSERT_TRUE(path.is_ok()) << path.status().to_string();
  EXPECT_EQ(*path, directory.path() / "ba" / kAbcHash);
}

TEST(ContentStore, PathOfAnAbsentHashIsNotFound) {
  TemporaryDirectory directory;
  const ContentStore store(directory.path());
  Result<std::filesystem::path> path = store.path_of(kAbcHash);
  ASSERT_FALSE(path.is_ok());
  EXPECT_EQ(path.status().code(), StatusCode::kNotFound);
}

TEST(ContentStore, PathOfRefusesWhatIsNotAHash) {
  TemporaryDirectory directory;
  const ContentStore store(directory.path());
  for (std::string_view bad : {std::string_view("../etc/passwd"), std::string_view(""),
                               std::string_view("ba/../../etc/passwd"),
                               std::string_view("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB4"
                                                "10FF61F20015AD")}) {
    Result<std::filesystem::path> path = store.path_of(bad);
    ASSERT_FALSE(path.is_ok()) << bad;
    EXPECT_EQ(path.status().code(), StatusCode::kInvalidArgument) << bad;
  }
}

TEST(ContentStore, RootThatIsAFileIsAnIoError) {
  TemporaryDirectory directory;
  const std::filesystem::path file = directory.path() / "not-a-directory";
  ASSERT_TRUE(write_file_atomically(file, "x").is_ok());
  ContentStore store(file);
  Result<std::string> hash = store.put("abc");
  ASSERT_FALSE(hash.is_ok());
  EXPECT_EQ(hash.status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace jil::store
