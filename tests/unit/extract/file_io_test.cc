// Tests base/file_io.cc on real files: bounded reads and atomic writes that leave no temporary
// file behind, whether they succeed or fail.
#include "base/file_io.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "temporary_directory.h"

namespace jil {
namespace {

std::vector<std::string> names_in(const std::filesystem::path& directory) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    names.push_back(entry.path().filename().string());
  }
  return names;
}

TEST(ReadFile, ReadsTheWholeFile) {
  TemporaryDirectory directory;
  const std::string content(200'000, 'x');  // several read() calls
  ASSERT_TRUE(write_file_atomically(directory.path() / "f", content).is_ok());
  Result<std::string> read = read_file(directory.path() / "f", content.size());
  ASSERT_TRUE(read.is_ok()) << read.status().to_string();
  EXPECT_EQ(*read, content);
}

TEST(ReadFile, FileOverTheLimitIsLimitExceeded) {
  TemporaryDirectory directory;
  ASSERT_TRUE(write_file_atomically(directory.path() / "f", "12345").is_ok());
  Result<std::string> read = read_file(directory.path() / "f", 4);
  ASSERT_FALSE(read.is_ok());
  EXPECT_EQ(read.status().code(), StatusCode::kLimitExceeded);
  EXPECT_TRUE(read_file(directory.path() / "f", 5).is_ok());
}

TEST(ReadFile, MissingFileIsNotFound) {
  TemporaryDirectory directory;
  Result<std::string> read = read_file(directory.path() / "absent", 10);
  ASSERT_FALSE(read.is_ok());
  EXPECT_EQ(read.status().code(), StatusCode::kNotFound);
}

TEST(ReadFile, DirectoryIsAnIoError) {
  TemporaryDirectory directory;
  Result<std::string> read = read_file(directory.path(), 10);
  ASSERT_FALSE(read.is_ok());
  EXPECT_EQ(read.status().code(), StatusCode::kIoError);
}

TEST(WriteFileAtomically, ReplacesContentAndLeavesNoTemporaryFile) {
  TemporaryDirectory directory;
  const std::filesystem::path path = directory.path() / "data.json";
  ASSERT_TRUE(write_file_atomically(path, "old").is_ok());
  ASSERT_TRUE(write_file_atomically(path, "new").is_ok());
  EXPECT_EQ(*read_file(path, 10), "new");
  EXPECT_EQ(names_in(directory.path()), std::vector<std::string>{"data.json"});
}

TEST(WriteFileAtomically, EmptyContentGivesAnEmptyFile) {
  TemporaryDirectory directory;
  ASSERT_TRUE(write_file_atomically(directory.path() / "empty", "").is_ok());
  EXPECT_EQ(*read_file(directory.path() / "empty", 0), "");
}

TEST(WriteFileAtomically, MissingDirectoryIsAnIoError) {
  TemporaryDirectory directory;
  const Status status = write_file_atomically(directory.path() / "absent" / "f", "x");
  EXPECT_EQ(status.code(), StatusCode::kIoError);
  EXPECT_TRUE(names_in(directory.path()).empty());
}

TEST(WriteFileAtomically, FailedRenameRemovesTheTemporaryFile) {
  TemporaryDirectory directory;
  // A non-empty directory where the file should go: rename() refuses to replace it.
  std::filesystem::create_directories(directory.path() / "target" / "inside");
  const Status status = write_file_atomically(directory.path() / "target", "x");
  EXPECT_EQ(status.code(), StatusCode::kIoError);
  EXPECT_EQ(names_in(directory.path()), std::vector<std::string>{"target"});
}

TEST(SyncDirectory, MissingDirectoryIsAnIoError) {
  TemporaryDirectory directory;
  EXPECT_EQ(sync_directory(directory.path() / "absent").code(), StatusCode::kIoError);
  EXPECT_TRUE(sync_directory(directory.path()).is_ok());
}

}  // namespace
}  // namespace jil
