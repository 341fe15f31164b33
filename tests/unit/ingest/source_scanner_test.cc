// Tests ingest/source_scanner.cc: the documents of a folder in a stable order, and a folder that
// cannot be read stops the scan with its name instead of being left out (which --prune would
// then take for removed documents).
#include "ingest/source_scanner.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace jil::ingest {
namespace {

namespace fs = std::filesystem;

// A folder under the system's temporary directory, removed with what it holds.
class ScanFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "jil-scan-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    fs::permissions(root_, fs::perms::all);  // another user walks it in the test below
  }
  void TearDown() override {
    std::error_code ignored;
    for (const auto& entry : fs::recursive_directory_iterator(
             root_, fs::directory_options::skip_permission_denied, ignored)) {
      fs::permissions(entry.path(), fs::perms::all, ignored);
    }
    fs::permissions(root_ / "sub", fs::perms::all, ignored);
    fs::remove_all(root_, ignored);
  }
  void write(const fs::path& relative) {
    fs::create_directories((root_ / relative).parent_path());
    std::ofstream(root_ / relative) << "Judges decide impartially.\n";
    fs::permissions(root_ / relative, fs::perms::all);
    fs::permissions((root_ / relative).parent_path(), fs::perms::all);
  }
  fs::path root_;
};

TEST_F(ScanFolder, ListsTheDocumentsInOrderAndLeavesOutSidecarsReadmesAndManifests) {
  write("b/second.txt");
  write("b/second.txt.json");
  write("a/first.md");
  write("README.md");
  write("manifest.csv");
  write("notes.rtf");
  Result<std::vector<SourceFile>> files = scan_source(root_);
  ASSERT_TRUE(files.is_ok()) << files.status().to_string();
  ASSERT_EQ(files->size(), 2u);
  EXPECT_EQ((*files)[0].relative, "a/first.md");
  EXPECT_EQ((*files)[1].relative, "b/second.txt");
  EXPECT_EQ((*files)[1].sidecar, (*files)[1].path.string() + ".json");
}

TEST_F(ScanFolder, AnUnreadableFolderStopsTheScanNamingIt) {
  write("readable.txt");
  write("sub/hidden.txt");
  fs::permissions(root_ / "sub", fs::perms::none);
  // Root reads every folder: the scan runs in a child as the unprivileged user "nobody" then.
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(2);
    const Result<std::vector<SourceFile>> files = scan_source(root_);
    const std::string expected = "cannot read folder " + (root_ / "sub").string() +
                                 ": Permission denied (nothing was indexed: make it readable, "
                                 "or move it out of " +
                                 fs::canonical(root_).string() + ")";
    if (!files.is_ok() && files.status().message() == expected) ::_exit(0);
    std::fprintf(stderr, "scan gave: %s\nexpected:   %s\n",
                 files.is_ok() ? "a list" : files.status().message().c_str(), expected.c_str());
    ::_exit(1);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "1: the scan did not stop with the folder's name; "
                                       "2: could not become nobody";
}

}  // namespace
}  // namespace jil::ingest
