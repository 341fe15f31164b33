// RELIABILITY.md T-D6: the order of an ingest's writes, where kill -9 cannot show it (a power
// loss keeps only what reached the disk). strace records the real jil-indexer's renames and
// syncs: every original and record of the store is written to a temporary file and renamed into
// place, and the store is synced (syncfs) after its last rename and before the index commit that
// refers to it; for a new index built in parallel, before the merged index is put in place.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "indexer_test_files.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

namespace fs = std::filesystem;

constexpr char kStrace[] = "/usr/bin/strace";  // Debian's strace (tools/setup.sh test)

// One traced call, in the order the calls began.
struct WriteEvent {
  enum Kind { kStoreRename, kStoreSync, kCommit } kind;
  std::string path;  // the rename's target; "" for a sync
};

// `program arguments…` under strace -f; the calls' lines (strace's own output file).
std::vector<std::string> traced_lines(const std::vector<std::string>& arguments,
                                      const fs::path& log, ProgramResult& run) {
  // LeakSanitizer stops the world with ptrace, which a traced program cannot: leaks are left to
  // the other tests in a sanitizer build.
  const char* sanitizer = std::getenv("ASAN_OPTIONS");
  const std::string no_leak_check =
      "ASAN_OPTIONS=" + std::string(sanitizer != nullptr ? sanitizer : "") + ":detect_leaks=0";
  std::vector<std::string> traced = {
      "-f",        "-qq",         "-o", log.string(),
      "-E",        no_leak_check, "-e", "trace=rename,renameat,renameat2,syncfs",
      kIndexerPath};
  traced.insert(traced.end(), arguments.begin(), arguments.end());
  run = run_program(kStrace, traced, std::chrono::seconds(300));
  std::vector<std::string> lines;
  std::ifstream input(log);
  for (std::string line; std::getline(input, line);) lines.push_back(line);
  return lines;
}

bool is_inside(const std::string& path, const fs::path& folder) {
  const std::string prefix = folder.string() + "/";
  return path.starts_with(prefix);
}

// The store's renames, the syncs, and the commits of `index` (its version file renamed into
// place, or the index folder itself replaced by a parallel build's merged index). A rename
// into the store from anything but a temporary file of the same folder fails the test.
std::vector<WriteEvent> write_events(const std::vector<std::string>& lines, const fs::path& index,
                                     const fs::path& store) {
  static const std::regex kRename(R"re(\brename(?:at2?)?\([^"]*"([^"]+)"[^"]*"([^"]+)")re");
  static const std::regex kSync(R"re(\bsyncfs\()re");
  std::vector<WriteEvent> events;
  for (const std::string& line : lines) {
    if (line.find(" resumed>") != std::string::npos) continue;  // the end of a call seen before
    std::smatch match;
    if (std::regex_search(line, kSync) && line.find("= -1") == std::string::npos) {
      events.push_back({WriteEvent::kStoreSync, ""});
    } else if (std::regex_search(line, match, kRename)) {
      const std::string from = match[1];
      const std::string to = match[2];
      if (is_inside(to, store)) {
        EXPECT_EQ(fs::path(from).parent_path(), fs::path(to).parent_path()) << line;
        EXPECT_TRUE(fs::path(from).filename().string().starts_with(".tmp-")) << line;
        events.push_back({WriteEvent::kStoreRename, to});
      } else if (to == index.string() || (is_inside(to, index) && to.ends_with("/iamglass"))) {
        events.push_back({WriteEvent::kCommit, to});
      }
    }
  }
  return events;
}

// The T-D6 rule over one run's events.
struct OrderCheck {
  size_t commits = 0;
  std::vector<std::string> violations;  // each commit made while a store rename was unsynced
};

OrderCheck check_store_synced_before_each_commit(const std::vector<WriteEvent>& events) {
  OrderCheck check;
  bool unsynced_store_rename = false;
  for (size_t index = 0; index < events.size(); ++index) {
    switch (events[index].kind) {
      case WriteEvent::kStoreRename:
        unsynced_store_rename = true;
        break;
      case WriteEvent::kStoreSync:
        unsynced_store_rename = false;
        break;
      case WriteEvent::kCommit:
        ++check.commits;
        if (unsynced_store_rename) {
          check.violations.push_back("event " + std::to_string(index) + ": " + events[index].path +
                                     " committed before the store renamed ahead of it was synced");
        }
        break;
    }
  }
  return check;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

// Every regular file of the store's originals and records, by path.
std::set<std::string> stored_files(const fs::path& store) {
  std::set<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(store)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && !name.starts_with(".") && name != "LOCK") {
      files.insert(entry.path().string());
    }
  }
  return files;
}

std::set<std::string> renamed_into_store(const std::vector<WriteEvent>& events) {
  std::set<std::string> renamed;
  for (const WriteEvent& event : events) {
    if (event.kind == WriteEvent::kStoreRename) renamed.insert(event.path);
  }
  return renamed;
}

TEST(IndexerWriteOrder, TheStoreReachesTheDiskBeforeEachCommitThatRefersToIt) {
  ASSERT_TRUE(fs::exists(kStrace)) << "strace is needed: bash tools/setup.sh test installs it";
  const fs::path work = environment().make_temp_dir("write-order");
  const fs::path index = work / "index";
  const fs::path store = work / "store";
  const fs::path first = work / "first";
  const fs::path second = work / "second";
  fs::create_directories(first);
  fs::create_directories(second);
  write_generated_documents(first, "orderfirst", 20);
  write_generated_documents(second, "ordersecond", 20);

  // A new index, built in two shards merged at the end.
  ProgramResult run;
  const std::vector<WriteEvent> built =
      write_events(traced_lines({"index", "--db", index.string(), "--store", store.string(),
                                 "--parallel-shards", "2", first.string()},
                                work / "first.strace", run),
                   index, store);
  ASSERT_EQ(run.exit_code, kIndexerOk) << run.err;
  ASSERT_NE(run.err.find("added 20,"), std::string::npos) << run.err;
  const OrderCheck built_order = check_store_synced_before_each_commit(built);
  EXPECT_GE(built_order.commits, 1u);
  EXPECT_TRUE(built_order.violations.empty()) << joined(built_order.violations);
  // 20 originals and 20 records, each renamed into place, nothing written where it stays.
  EXPECT_EQ(renamed_into_store(built).size(), 40u);
  EXPECT_EQ(stored_files(store), renamed_into_store(built));

  // The same index grown by one writer in batches of 5: a commit per batch.
  const std::set<std::string> before = stored_files(store);
  const std::vector<WriteEvent> grown =
      write_events(traced_lines({"index", "--db", index.string(), "--store", store.string(),
                                 "--batch", "5", first.string(), second.string()},
                                work / "second.strace", run),
                   index, store);
  ASSERT_EQ(run.exit_code, kIndexerOk) << run.err;
  ASSERT_NE(run.err.find("added 20, updated 0, unchanged 20"), std::string::npos) << run.err;
  const OrderCheck grown_order = check_store_synced_before_each_commit(grown);
  EXPECT_GE(grown_order.commits, 4u);
  EXPECT_TRUE(grown_order.violations.empty()) << joined(grown_order.violations);
  std::set<std::string> added;
  for (const std::string& file : stored_files(store)) {
    if (!before.count(file)) added.insert(file);
  }
  EXPECT_EQ(added.size(), 40u);
  EXPECT_EQ(added, renamed_into_store(grown));
}

TEST(IndexerWriteOrder, TheRuleCatchesACommitBeforeTheSync) {
  // The checker itself, on a made-up trace of the wrong order: it must object.
  const fs::path index = "/x/index";
  const fs::path store = "/x/store";
  const std::vector<std::string> wrong = {
      R"(1 rename("/x/store/ab/.tmp-abc-1", "/x/store/ab/abc") = 0)",
      R"(1 rename("/x/index/v.tmp", "/x/index/iamglass") = 0)",
      R"(1 syncfs(5) = 0)",
  };
  const std::vector<WriteEvent> events = write_events(wrong, index, store);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[1].kind, WriteEvent::kCommit);
  const OrderCheck check = check_store_synced_before_each_commit(events);
  EXPECT_EQ(check.commits, 1u);
  ASSERT_EQ(check.violations.size(), 1u);
  EXPECT_NE(check.violations[0].find("/x/index/iamglass committed before"), std::string::npos);
  // In the right order, the same calls pass.
  const std::vector<std::string> right = {wrong[0], wrong[2], wrong[1]};
  EXPECT_TRUE(
      check_store_synced_before_each_commit(write_events(right, index, store)).violations.empty());
}

}  // namespace
}  // namespace jil::integration
