// Tests api/static_files.cc: assets are read once from a directory, with content type and ETag,
// and only safe names are served.
#include "api/static_files.h"

#include <gtest/gtest.h>

#include "base/file_io.h"
#include "temporary_directory.h"

namespace jil::api {
namespace {

TEST(StaticFiles, LoadsTheRealWebStaticDirectory) {
  Result<StaticFiles> files =
      StaticFiles::load(std::filesystem::path(JIL_SOURCE_DIR) / "web" / "static");
  ASSERT_TRUE(files.is_ok()) << files.status().to_string();
  const StaticFile* css = files->find("jil.css");
  ASSERT_NE(css, nullptr);
  EXPECT_EQ(css->content_type, "text/css; charset=utf-8");
  EXPECT_FALSE(css->content.empty());
  EXPECT_EQ(css->etag.size(), 22u);  // 20 hex digits in quotes
  EXPECT_EQ(css->etag.front(), '"');
  EXPECT_EQ(css->etag.back(), '"');
}

TEST(StaticFiles, UnsafeNamesAndSubdirectoriesAreNotServed) {
  TemporaryDirectory directory;
  ASSERT_TRUE(write_file_atomically(directory.path() / "app.js", "js").is_ok());
  ASSERT_TRUE(write_file_atomically(directory.path() / ".hidden", "secret").is_ok());
  ASSERT_TRUE(write_file_atomically(directory.path() / "Upper.css", "css").is_ok());
  std::filesystem::create_directory(directory.path() / "sub");
  ASSERT_TRUE(write_file_atomically(directory.path() / "sub" / "inner.css", "css").is_ok());
  Result<StaticFiles> files = StaticFiles::load(directory.path());
  ASSERT_TRUE(files.is_ok()) << files.status().to_string();
  ASSERT_NE(files->find("app.js"), nullptr);
  EXPECT_EQ(files->find("app.js")->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(files->find(".hidden"), nullptr);
  EXPECT_EQ(files->find("Upper.css"), nullptr);
  EXPECT_EQ(files->find("sub"), nullptr);
  EXPECT_EQ(files->find("sub/inner.css"), nullptr);
  EXPECT_EQ(files->find("../app.js"), nullptr);
}

TEST(StaticFiles, MissingDirectoryIsNotFound) {
  TemporaryDirectory directory;
  Result<StaticFiles> files = StaticFiles::load(directory.path() / "absent");
  ASSERT_FALSE(files.is_ok());
  EXPECT_EQ(files.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace jil::api
