// `jil-indexer watch` (issue 4 item 5): files dropped into an upload folder are indexed once
// complete and moved, with their sidecars, to done/ or to failed/ beside NAME.reason.txt;
// uploads in progress (dot-files, *.part, *.tmp, files still being written) are left alone.
#include <gtest/gtest.h>
#include <signal.h>

#include "indexer_test_files.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

// Backdates a file so that it counts as complete at once (ingest/indexer_options.h
// kInboxSettleTime is 2 s), as a file renamed in after its upload would be.
void backdate(const std::filesystem::path& path) {
  std::filesystem::last_write_time(
      path, std::filesystem::file_time_type::clock::now() - std::chrono::minutes(1));
}

void drop(const std::filesystem::path& inbox, const std::string& name, const std::string& text,
          const nlohmann::json& sidecar) {
  write_source_document(inbox, name, text, sidecar);
  backdate(inbox / name);
  backdate(inbox / (name + ".json"));
}

TEST(IndexerWatch, AnUploadWhoseContentIsAnotherFormatFailsWithTheNameToGiveIt) {
  // T-P8 through the inbox: a real PDF uploaded as .txt is not indexed as text.
  const std::filesystem::path inbox = environment().make_temp_dir("inbox-lying");
  const std::filesystem::path work = environment().make_temp_dir("inbox-lying-index");
  drop(inbox, "minutes.txt", read_bytes(kSourceDir / "tests/fixtures/formats/two-pages-en.pdf"),
       sidecar_json("inbox-minutes"));
  const ProgramResult run = run_indexer({"watch", "--db", (work / "index").string(), "--store",
                                         (work / "store").string(), "--once", inbox.string()});
  EXPECT_EQ(run.exit_code, kIndexerSomeFailed) << run.err;
  EXPECT_TRUE(std::filesystem::exists(inbox / "failed" / "minutes.txt"));
  EXPECT_EQ(read_bytes(inbox / "failed" / "minutes.txt.reason.txt")
                .find("the content is a PDF document, not the txt its name says: rename it .pdf"),
            0u)
      << read_bytes(inbox / "failed" / "minutes.txt.reason.txt");
}

TEST(IndexerWatch, OnceIndexesCompleteFilesAndSortsThemIntoDoneAndFailed) {
  const std::filesystem::path inbox = environment().make_temp_dir("inbox");
  const std::filesystem::path work = environment().make_temp_dir("inbox-index");
  drop(inbox, "good.md", "# Inbox guidance\n\nOn quetzalcoatlite and recusal.\n",
       sidecar_json("inbox-good"));
  drop(inbox, "second.txt", "Second inbox file about xylophonist judges.\n",
       sidecar_json("inbox-second", "fr"));
  // Hostile and broken drops.
  drop(inbox, "bomb.docx", "PK\x03\x04 this is not really a zip archive",
       sidecar_json("inbox-bomb"));
  nlohmann::json bad = sidecar_json("inbox-bad");
  bad["type"] = "pamphlet";
  drop(inbox, "bad.txt", "Text with a bad sidecar.\n", bad);
  write_bytes(inbox / "tool.exe", "MZ\x90\x00");
  backdate(inbox / "tool.exe");
  // Uploads in progress: never touched.
  write_bytes(inbox / "upload.pdf.part", "%PDF-1.4 half");
  write_bytes(inbox / ".hidden.txt", "hidden");
  write_bytes(inbox / "notes.tmp", "scratch");

  const ProgramResult run = run_indexer({"watch", "--db", (work / "index").string(), "--store",
                                         (work / "store").string(), "--once", inbox.string()});
  EXPECT_EQ(run.exit_code, kIndexerSomeFailed) << run.err;
  EXPECT_NE(run.err.find("done: good.md"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("added 2, updated 0, unchanged 0, removed 0, failed 3"), std::string::npos)
      << run.err;
  for (const char* name : {"good.md", "good.md.json", "second.txt", "second.txt.json"}) {
    EXPECT_TRUE(std::filesystem::exists(inbox / "done" / name)) << name;
    EXPECT_FALSE(std::filesystem::exists(inbox / name)) << name;
  }
  for (const char* name : {"bomb.docx", "bomb.docx.json", "bad.txt", "bad.txt.json", "tool.exe"}) {
    EXPECT_TRUE(std::filesystem::exists(inbox / "failed" / name)) << name;
  }
  EXPECT_NE(read_bytes(inbox / "failed" / "bad.txt.reason.txt").find("'pamphlet' is not one of"),
            std::string::npos);
  EXPECT_NE(read_bytes(inbox / "failed" / "tool.exe.reason.txt").find("not a supported format"),
            std::string::npos);
  EXPECT_FALSE(read_bytes(inbox / "failed" / "bomb.docx.reason.txt").empty());
  for (const char* name : {"upload.pdf.part", ".hidden.txt", "notes.tmp"}) {
    EXPECT_TRUE(std::filesystem::exists(inbox / name)) << name << " was touched";
  }

  PrivateSearchd searchd(work / "index", work / "store");
  ASSERT_NE(searchd.port(), 0) << searchd.error();
  const nlohmann::json found = searchd.get_json("/api/v1/search?q=quetzalcoatlite");
  ASSERT_TRUE(found.is_object());
  EXPECT_EQ(found["total"], 1);
}

TEST(IndexerWatch, OnceWaitsForAFileStillBeingWritten) {
  const std::filesystem::path inbox = environment().make_temp_dir("inbox-fresh");
  const std::filesystem::path work = environment().make_temp_dir("inbox-fresh-index");
  // Just written: not complete until it has stayed unmodified for the settle time.
  write_source_document(inbox, "fresh.txt", "A freshly uploaded file.\n",
                        sidecar_json("inbox-fresh"));
  const ProgramResult run = run_indexer({"watch", "--db", (work / "index").string(), "--store",
                                         (work / "store").string(), "--once", inbox.string()});
  EXPECT_EQ(run.exit_code, kIndexerOk) << run.err;
  EXPECT_TRUE(std::filesystem::exists(inbox / "done" / "fresh.txt")) << run.err;
}

TEST(IndexerWatch, LoopPicksUpARenamedUploadAndStopsOnSigterm) {
  const std::filesystem::path inbox = environment().make_temp_dir("inbox-loop");
  const std::filesystem::path work = environment().make_temp_dir("inbox-loop-index");
  ServerProcess watcher;
  std::string error;
  ASSERT_TRUE(watcher.start(
      "/bin/sh",
      {"-c", "exec \"$0\" \"$@\" 2>&1", kIndexerPath, "watch", "--db", (work / "index").string(),
       "--store", (work / "store").string(), inbox.string()},
      error))
      << error;
  const std::optional<std::string> ready = watcher.read_line(std::chrono::seconds(30));
  ASSERT_TRUE(ready.has_value());
  EXPECT_NE(ready->find("watching "), std::string::npos) << *ready;
  // Upload under a .part name, then rename into place (the usual way to drop a whole file).
  write_bytes(inbox / "late.txt.json", sidecar_json("inbox-late").dump());
  write_bytes(inbox / "late.txt.part", "Uploaded late, about zymurgical ethics.\n");
  backdate(inbox / "late.txt.json");
  backdate(inbox / "late.txt.part");
  std::filesystem::rename(inbox / "late.txt.part", inbox / "late.txt");
  bool done = false;
  while (!done) {
    const std::optional<std::string> line = watcher.read_line(std::chrono::seconds(60));
    ASSERT_TRUE(line.has_value()) << "watch stopped or stayed silent";
    done = *line == "done: late.txt";
  }
  EXPECT_EQ(watcher.stop(), 0) << "watch did not stop cleanly on SIGTERM";
  EXPECT_TRUE(std::filesystem::exists(inbox / "done" / "late.txt.json"));
}

}  // namespace
}  // namespace jil::integration
