// Tests base/read_only_file.cc on real files: reads at offsets, the size limit, and refusals of
// what is not a regular file.
#include "base/read_only_file.h"

#include <gtest/gtest.h>

#include <string>

#include "base/file_io.h"
#include "temporary_directory.h"

namespace jil {
namespace {

TEST(ReadOnlyFile, ReadsAtAnyOffsetAndZeroAtTheEnd) {
  TemporaryDirectory directory;
  ASSERT_TRUE(write_file_atomically(directory.path() / "f", "0123456789").is_ok());
  Result<std::shared_ptr<const ReadOnlyFile>> file = ReadOnlyFile::open(directory.path() / "f", 10);
  ASSERT_TRUE(file.is_ok()) << file.status().to_string();
  EXPECT_EQ((*file)->size(), 10u);
  char buffer[4];
  Result<size_t> got = (*file)->read_at(7, buffer, sizeof buffer);
  ASSERT_TRUE(got.is_ok());
  EXPECT_EQ(std::string(buffer, *got), "789");
  got = (*file)->read_at(2, buffer, sizeof buffer);
  ASSERT_TRUE(got.is_ok());
  EXPECT_EQ(std::string(buffer, *got), "2345");
  got = (*file)->read_at(10, buffer, sizeof buffer);
  ASSERT_TRUE(got.is_ok());
  EXPECT_EQ(*got, 0u);
}

TEST(ReadOnlyFile, RefusesWhatIsOverTheLimitMissingOrNotARegularFile) {
  TemporaryDirectory directory;
  ASSERT_TRUE(write_file_atomically(directory.path() / "f", "12345").is_ok());
  EXPECT_EQ(ReadOnlyFile::open(directory.path() / "f", 4).status().code(),
            StatusCode::kLimitExceeded);
  EXPECT_EQ(ReadOnlyFile::open(directory.path() / "absent", 4).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(ReadOnlyFile::open(directory.path(), 1 << 20).status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace jil
