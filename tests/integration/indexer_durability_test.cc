// Durability of jil-indexer (issue 4 item 4; RELIABILITY.md T-D1, T-D2, T-D3/T-D4, T-D5, T-D7),
// with real processes: a run killed at any point, or stopped by a full disk, leaves the last
// committed state intact and searchable, and the next run ends in the same index as an
// undisturbed run; searchd keeps answering while batches are committed and shows them at once;
// a second indexer is refused; a damaged index is refused and left byte-identical.
#include <gtest/gtest.h>
#include <signal.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <future>
#include <thread>

#include "http_client.h"
#include "indexer_test_files.h"
#include "schema/spelling_words.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

constexpr size_t kDocuments = 36;  // in the generated source folder
constexpr size_t kBatch = 5;       // documents per commit in these runs

// A source folder of generated documents and the index an undisturbed run makes of it.
struct Baseline {
  std::filesystem::path source;
  std::map<unsigned, std::string> snapshot;
  std::map<std::string, unsigned> spelling;  // word → documents, of the spelling dictionary
};

std::map<std::string, unsigned> spelling_snapshot(const std::filesystem::path& index) {
  std::map<std::string, unsigned> words;
  const Xapian::Database database(index.string());
  for (auto word = database.spellings_begin(); word != database.spellings_end(); ++word) {
    words[*word] = word.get_termfreq();
  }
  return words;
}

// The dictionary schema/spelling_words.h asks for, from the index's terms: every spelling word
// of at least kMinSpellingDocuments documents, with its document count.
std::map<std::string, unsigned> spelling_by_rule(const std::filesystem::path& index) {
  std::map<std::string, unsigned> words;
  const Xapian::Database database(index.string());
  for (auto term = database.allterms_begin(); term != database.allterms_end(); ++term) {
    if (schema::is_spelling_word(*term) && term.get_termfreq() >= schema::kMinSpellingDocuments)
      words[*term] = term.get_termfreq();
  }
  return words;
}

const Baseline& baseline() {
  static const Baseline made = [] {
    Baseline result;
    result.source = environment().make_temp_dir("durability-source");
    write_generated_documents(result.source, "durable", kDocuments);
    const std::filesystem::path work = environment().make_temp_dir("durability-baseline");
    const ProgramResult run = index_folders(work / "index", work / "store", {result.source},
                                            {"--batch", std::to_string(kBatch)});
    EXPECT_EQ(run.exit_code, kIndexerOk) << run.err;
    result.snapshot = index_snapshot(work / "index");
    result.spelling = spelling_snapshot(work / "index");
    EXPECT_EQ(result.snapshot.size(), kDocuments);
    return result;
  }();
  return made;
}

size_t document_count(const std::filesystem::path& index) {
  try {
    return Xapian::Database(index.string()).get_doccount();
  } catch (const Xapian::Error& error) {
    ADD_FAILURE() << "index does not open: " << error.get_description();
    return 0;
  }
}

size_t temporary_files(const std::filesystem::path& store) {
  size_t count = 0;
  std::error_code error;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(store, error)) {
    if (entry.path().filename().string().starts_with(".tmp-")) ++count;
  }
  return count;
}

// After an interrupted run: the index opens at a whole number of batches and passes Xapian's
// check; every committed document has its original in the store. Then the next run finishes the
// job (exit 0), a second changes nothing, `check` agrees, no temporary file is left, and the
// index equals the undisturbed run's.
void expect_recovery(const std::filesystem::path& index, const std::filesystem::path& store,
                     const std::string& label) {
  SCOPED_TRACE(label);
  const size_t committed = document_count(index);
  EXPECT_EQ(committed % kBatch, 0u) << committed << " documents: a batch was half committed";
  EXPECT_EQ(Xapian::Database::check(index.string()), 0u);
  const ProgramResult check =
      run_indexer({"check", "--db", index.string(), "--store", store.string()});
  EXPECT_EQ(check.out.find("error: index"), std::string::npos) << check.out;
  EXPECT_EQ(check.out.find("is missing from the store"), std::string::npos) << check.out;

  const ProgramResult rerun =
      index_folders(index, store, {baseline().source}, {"--batch", std::to_string(kBatch)});
  EXPECT_EQ(rerun.exit_code, kIndexerOk) << rerun.err;
  const ProgramResult again = index_folders(index, store, {baseline().source});
  EXPECT_NE(again.err.find("; nothing changed"), std::string::npos) << again.err;
  const ProgramResult agree =
      run_indexer({"check", "--db", index.string(), "--store", store.string()});
  EXPECT_EQ(agree.exit_code, kIndexerOk) << agree.out;
  EXPECT_EQ(temporary_files(store), 0u);
  EXPECT_EQ(index_snapshot(index), baseline().snapshot) << "differs from an undisturbed run";
}

TEST(IndexerDurability, KilledAtEachCrashPointRecoversToTheUndisturbedIndex) {
  const char* const kPoints[] = {"after-original:3", "after-record:8", "before-commit:2",
                                 "after-commit:1", "after-record:36"};
  for (const char* point : kPoints) {
    const std::filesystem::path work = environment().make_temp_dir("crash");
    const ProgramResult killed = run_program(
        "/usr/bin/env", {std::string("JIL_TEST_CRASH_AT=") + point, kIndexerPath, "index", "--db",
                         (work / "index").string(), "--store", (work / "store").string(), "--batch",
                         std::to_string(kBatch), baseline().source.string()});
    EXPECT_EQ(killed.signal, SIGKILL) << point << ": " << killed.err;
    // What a kill in the middle of a store write leaves: a temporary file beside the originals.
    std::filesystem::create_directories(work / "store" / "00");
    write_bytes(work / "store" / "00" / ".tmp-00aa-12345", "half an orig");
    expect_recovery(work / "index", work / "store", point);
  }
}

TEST(IndexerDurability, KillMinus9AfterCommittedBatchesRecovers) {
  for (const int batches : {1, 3}) {
    const std::filesystem::path work = environment().make_temp_dir("kill9");
    ServerProcess indexer;
    std::string error;
    // The shell prints its pid, then becomes jil-indexer (exec keeps the pid), stderr on stdout.
    ASSERT_TRUE(
        indexer.start("/bin/sh",
                      {"-c", "echo $$; exec \"$0\" \"$@\" 2>&1", kIndexerPath, "index", "--db",
                       (work / "index").string(), "--store", (work / "store").string(), "--batch",
                       std::to_string(kBatch), baseline().source.string()},
                      error))
        << error;
    const std::optional<std::string> pid_line = indexer.read_line(std::chrono::seconds(30));
    ASSERT_TRUE(pid_line.has_value());
    const pid_t pid = std::stoi(*pid_line);
    int seen = 0;
    std::string last_acked;  // "committed: batch N (last id ID), ..."
    while (seen < batches) {
      const std::optional<std::string> line = indexer.read_line(std::chrono::seconds(60));
      ASSERT_TRUE(line.has_value()) << "the indexer ended before batch " << batches;
      if (!line->starts_with("committed: ")) continue;
      ++seen;
      const size_t at = line->find("(last id ");
      ASSERT_NE(at, std::string::npos) << *line;
      last_acked = line->substr(at + 9, line->find(')', at) - at - 9);
    }
    ASSERT_EQ(::kill(pid, SIGKILL), 0);
    EXPECT_EQ(indexer.stop(), -1) << "killed by a signal";
    EXPECT_GE(document_count(work / "index"), batches * kBatch);
    // The last document the indexer acknowledged as committed is there.
    EXPECT_TRUE(Xapian::Database((work / "index").string()).term_exists("Q" + last_acked))
        << last_acked;
    expect_recovery(work / "index", work / "store",
                    "kill -9 after batch " + std::to_string(batches));
  }
}

TEST(IndexerDurability, FullDiskStopsTheRunAndKeepsTheLastCommit) {
  // T-D2 in a private mount namespace: a 2 MiB tmpfs holds the index and the store; the source
  // needs more. After the failed run the index is copied out; then the tmpfs grows and the
  // same command finishes the job.
  const std::filesystem::path work = environment().make_temp_dir("disk-full");
  const std::filesystem::path mount_point = work / "tmpfs";
  std::filesystem::create_directories(mount_point);
  const std::filesystem::path source = work / "source";
  std::filesystem::create_directories(source);
  write_generated_documents(source, "full", 30);
  // Make each original large (~120 KB) so that the disk fills after a few batches.
  for (size_t number = 0; number < 30; ++number) {
    char name[64];
    std::snprintf(name, sizeof name, "full-%04zu.txt", number);
    std::string text = read_bytes(source / name);
    for (int copy = 0; copy < 11; ++copy) text += std::string(10000, 'a' + copy % 26) + "\n";
    write_bytes(source / name, text);
  }
  const std::string script =
      "mount -t tmpfs -o size=2m tmpfs \"$1\" || exit 99\n"
      "\"$2\" index --db \"$1/index\" --store \"$1/store\" --batch 5 \"$3\" "
      "  >\"$4/first.out\" 2>\"$4/first.err\"; echo $? >\"$4/first.rc\"\n"
      "cp -a \"$1/index\" \"$4/index-after-full\"\n"
      "mount -o remount,size=64m \"$1\" || exit 98\n"
      "\"$2\" index --db \"$1/index\" --store \"$1/store\" --batch 5 \"$3\" "
      "  >\"$4/second.out\" 2>\"$4/second.err\"; echo $? >\"$4/second.rc\"\n"
      "cp -a \"$1/index\" \"$4/index-final\" && cp -a \"$1/store\" \"$4/store-final\"\n";
  const ProgramResult run = run_program(
      "/usr/bin/unshare", {"--mount", "--propagation", "private", "/bin/sh", "-c", script, "sh",
                           mount_point.string(), kIndexerPath, source.string(), work.string()});
  if (run.exit_code == 99 || (run.exit_code != 0 && !std::filesystem::exists(work / "first.rc"))) {
    GTEST_SKIP() << "cannot mount a private tmpfs here (needs root and unshare): " << run.err;
  }
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string first_err = read_bytes(work / "first.err");
  EXPECT_EQ(read_bytes(work / "first.rc"), "3\n") << first_err;
  EXPECT_NE(first_err.find("No space left on device"), std::string::npos) << first_err;
  EXPECT_NE(first_err.find(mount_point.string()), std::string::npos)
      << "the message names the full directory: " << first_err;

  // The last committed state: whole batches, and searchable.
  const std::filesystem::path after_full = work / "index-after-full";
  const size_t committed = document_count(after_full);
  std::printf("[ disk full ] %zu of 30 documents committed before the disk filled\n", committed);
  EXPECT_EQ(committed % 5, 0u);
  EXPECT_EQ(Xapian::Database::check(after_full.string()), 0u);
  if (committed > 0) {
    PrivateSearchd searchd(after_full, work / "store-final");
    ASSERT_NE(searchd.port(), 0) << searchd.error();
    const nlohmann::json body = searchd.get_json("/api/v1/search?q=" + generated_word("full", 0));
    ASSERT_TRUE(body.is_object());
    EXPECT_EQ(body["total"], 1);
  }
  // After space was freed, the rerun completed the job.
  EXPECT_EQ(read_bytes(work / "second.rc"), "0\n") << read_bytes(work / "second.err");
  EXPECT_EQ(document_count(work / "index-final"), 30u);
  EXPECT_EQ(temporary_files(work / "store-final"), 0u);
}

TEST(IndexerDurability, SearchdServesEveryRequestWhileBatchesAreCommitted) {
  // T-D3/T-D4: a loop of requests runs while the indexer adds documents in batches and then
  // replaces some; no request may fail, a document may never be missing or doubled, and new
  // documents are visible as soon as the indexer has finished.
  const std::filesystem::path work = environment().make_temp_dir("serving");
  const std::filesystem::path source = work / "source";
  std::filesystem::create_directories(source);
  write_generated_documents(source, "served", 6);
  ASSERT_EQ(index_folders(work / "index", work / "store", {source}).exit_code, kIndexerOk);
  PrivateSearchd searchd(work / "index", work / "store");
  ASSERT_NE(searchd.port(), 0) << searchd.error();

  std::atomic<bool> stop{false};
  std::atomic<size_t> requests{0};
  std::atomic<size_t> failures{0};
  std::atomic<size_t> wrong_counts{0};
  const unsigned short port = searchd.port();
  std::thread reader([&] {
    const std::string stable = "/api/v1/search?q=" + generated_word("served", 2);
    while (!stop) {
      const HttpReply list = http_get(port, "/api/v1/search?q=&size=1");
      const HttpReply one = http_get(port, stable);
      requests += 2;
      if (list.status != 200 || one.status != 200) {
        ++failures;
        continue;
      }
      // The document that is replaced during the run is always found exactly once.
      if (nlohmann::json::parse(one.body, nullptr, false).value("total", 0) != 1) ++wrong_counts;
    }
  });
  write_generated_documents(source, "served", 60);  // 54 new ones, and the first 6 unchanged
  const ProgramResult add =
      index_folders(work / "index", work / "store", {source}, {"--batch", "4"});
  const auto finished = std::chrono::steady_clock::now();
  EXPECT_EQ(add.exit_code, kIndexerOk) << add.err;
  const std::string last = "/api/v1/search?q=" + generated_word("served", 59);
  while (true) {
    const nlohmann::json body = searchd.get_json(last);
    if (body.is_object() && body.value("total", 0) == 1) break;
    ASSERT_LT(std::chrono::steady_clock::now() - finished, std::chrono::seconds(30));
  }
  const double delay =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - finished).count();
  std::printf("[ visibility ] last document searchable %.3f s after the indexer finished\n", delay);
  EXPECT_LE(delay, 2.0) << "the issue's contract: visible within 2 s of the commit";

  // Replace document 2 (same id, new text that still holds its word) while reading.
  write_source_document(source, "served-0002.txt",
                        "Replaced text " + generated_word("served", 2) + " of the second.",
                        sidecar_json("served-0002"));
  const ProgramResult update = index_folders(work / "index", work / "store", {source});
  EXPECT_EQ(update.exit_code, kIndexerOk) << update.err;
  EXPECT_NE(update.err.find("updated 1,"), std::string::npos) << update.err;
  stop = true;
  reader.join();
  std::printf("[ serving ] %zu requests during indexing, %zu failed\n", requests.load(),
              failures.load());
  EXPECT_GT(requests.load(), 0u);
  EXPECT_EQ(failures.load(), 0u);
  EXPECT_EQ(wrong_counts.load(), 0u);
}

TEST(IndexerDurability, SecondIndexerIsRefusedWhileTheFirstHoldsTheIndex) {
  const std::filesystem::path work = environment().make_temp_dir("two-indexers");
  ServerProcess first;
  std::string error;
  // The first indexer stops itself (SIGSTOP) in the middle of its run, holding the lock.
  ASSERT_TRUE(first.start(
      "/bin/sh",
      {"-c", "exec \"$0\" \"$@\" 2>&1", "/usr/bin/env", "JIL_TEST_CRASH_AT=after-record:7:stop",
       kIndexerPath, "index", "--db", (work / "index").string(), "--store",
       (work / "store").string(), "--batch", std::to_string(kBatch), baseline().source.string()},
      error))
      << error;
  pid_t pid = 0;
  while (pid == 0) {
    const std::optional<std::string> line = first.read_line(std::chrono::seconds(60));
    ASSERT_TRUE(line.has_value()) << "the first indexer ended before its stop point";
    const size_t at = line->find("(stop, pid ");
    if (at != std::string::npos) pid = std::stoi(line->substr(at + 11));
  }
  const auto index_before = folder_sha256s(work / "index");
  const auto store_before = folder_sha256s(work / "store");
  const auto started = std::chrono::steady_clock::now();
  const ProgramResult second = index_folders(work / "index", work / "store", {baseline().source});
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_EQ(second.exit_code, kIndexerLocked) << second.err;
  EXPECT_NE(second.err.find("is being written by another jil-indexer"), std::string::npos)
      << second.err;
  std::printf("[ lock ] second indexer refused after %.3f s\n", seconds);
  EXPECT_EQ(folder_sha256s(work / "index"), index_before) << "the refused run changed the index";
  EXPECT_EQ(folder_sha256s(work / "store"), store_before) << "the refused run changed the store";

  ASSERT_EQ(::kill(pid, SIGCONT), 0);
  std::string rest;
  while (const std::optional<std::string> line = first.read_line(std::chrono::seconds(120))) {
    rest += *line + "\n";
  }
  EXPECT_EQ(first.stop(), 0) << rest;
  EXPECT_EQ(index_snapshot(work / "index"), baseline().snapshot);
}

// Parallel build of a new index (ingest/parallel_build.h): shards written at once and merged
// give the index the one writer gives, docids included; the next run is incremental.
TEST(IndexerDurability, ParallelBuildEqualsTheOneWriterIndex) {
  const std::filesystem::path work = environment().make_temp_dir("parallel");
  const ProgramResult run =
      index_folders(work / "index", work / "store", {baseline().source},
                    {"--batch", std::to_string(kBatch), "--parallel-shards", "3"});
  EXPECT_EQ(run.exit_code, kIndexerOk) << run.err;
  EXPECT_NE(run.err.find("in 3 shards at once"), std::string::npos) << run.err;
  // One progress display for the three shards (not a terminal here: log lines, a last one at
  // the end counting every file).
  EXPECT_NE(run.err.find("progress: " + std::to_string(kDocuments) + "/" +
                         std::to_string(kDocuments) + " files"),
            std::string::npos)
      << run.err;
  EXPECT_EQ(index_snapshot(work / "index"), baseline().snapshot);
  // The shards' spelling words, written once as a dictionary of their own and merged in, count
  // what the one writer's batch-by-batch dictionary counts, and suggest alike.
  EXPECT_EQ(spelling_snapshot(work / "index"), baseline().spelling);
  std::string word;  // the last long ASCII word, misspelt in its last letter
  for (const auto& [entry, documents] : baseline().spelling) {
    if (entry.size() >= 6 &&
        std::all_of(entry.begin(), entry.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
      word = entry;
  }
  ASSERT_FALSE(word.empty());
  const std::string misspelt = word.substr(0, word.size() - 1) + (word.back() == 'q' ? "x" : "q");
  EXPECT_EQ(Xapian::Database((work / "index").string()).get_spelling_suggestion(misspelt), word)
      << misspelt;
  EXPECT_EQ(Xapian::Database::check((work / "index").string()), 0u);
  EXPECT_FALSE(std::filesystem::exists(work / "index.jil-build")) << "build folder left";
  const ProgramResult agree = run_indexer(
      {"check", "--db", (work / "index").string(), "--store", (work / "store").string()});
  EXPECT_EQ(agree.exit_code, kIndexerOk) << agree.out;
  // The index now holds documents: the next run is the one writer's, and finds nothing to do.
  const ProgramResult again = index_folders(work / "index", work / "store", {baseline().source},
                                            {"--parallel-shards", "3"});
  EXPECT_NE(again.err.find("; nothing changed"), std::string::npos) << again.err;
  EXPECT_EQ(again.err.find("shards at once"), std::string::npos) << again.err;
  const ProgramResult refused = index_folders(work / "other", work / "store", {baseline().source},
                                              {"--parallel-shards", "0"});
  EXPECT_EQ(refused.exit_code, 2) << refused.err;  // a bad command line
  EXPECT_NE(refused.err.find("--parallel-shards takes 1 to 16"), std::string::npos) << refused.err;
}

// The spelling dictionary holds the words of two documents or more, with their document counts,
// whichever writer made it: the one writer's batches, a parallel build, and the one writer again
// after a document changed and one was removed.
TEST(IndexerDurability, SpellingDictionaryHoldsTheWordsOfTwoDocumentsOrMore) {
  const std::filesystem::path source = environment().make_temp_dir("spelling-source");
  write_generated_documents(source, "speller", 12);  // two per language
  write_source_document(source, "alpha.txt", "Recusal of magistrates. Alphaonly.\n",
                        sidecar_json("alpha"));
  write_source_document(source, "beta.txt", "Recusal of magistrates. Betaonly.\n",
                        sidecar_json("beta"));
  const std::filesystem::path work = environment().make_temp_dir("spelling");
  const std::filesystem::path one = work / "one";
  const ProgramResult batches =
      index_folders(one, work / "store", {source}, {"--batch", "3", "--parallel-shards", "1"});
  ASSERT_EQ(batches.exit_code, kIndexerOk) << batches.err;
  const ProgramResult parallel = index_folders(work / "parallel", work / "parallel-store", {source},
                                               {"--batch", "3", "--parallel-shards", "2"});
  ASSERT_EQ(parallel.exit_code, kIndexerOk) << parallel.err;
  const std::map<std::string, unsigned> dictionary = spelling_snapshot(one);
  EXPECT_EQ(dictionary, spelling_by_rule(one));
  EXPECT_EQ(spelling_snapshot(work / "parallel"), dictionary);
  EXPECT_EQ(dictionary.count("recusal") ? dictionary.at("recusal") : 0u, 2u);
  EXPECT_EQ(dictionary.count("magistrates") ? dictionary.at("magistrates") : 0u, 2u);
  EXPECT_EQ(dictionary.count("alphaonly"), 0u) << "a word of one document";
  EXPECT_EQ(Xapian::Database(one.string()).get_termfreq("alphaonly"), 1u) << "but indexed";
  EXPECT_EQ(Xapian::Database(one.string()).get_spelling_suggestion("alphaonli"), "");

  // beta now says "alphaonly" instead of "recusal" and "betaonly".
  write_source_document(source, "beta.txt", "Alphaonly magistrates.\n", sidecar_json("beta"));
  const ProgramResult changed = index_folders(one, work / "store", {source}, {"--batch", "3"});
  ASSERT_EQ(changed.exit_code, kIndexerOk) << changed.err;
  std::map<std::string, unsigned> now = spelling_snapshot(one);
  EXPECT_EQ(now, spelling_by_rule(one));
  EXPECT_EQ(now.count("alphaonly") ? now.at("alphaonly") : 0u, 2u);
  EXPECT_EQ(now.count("recusal"), 0u) << "down to one document";
  EXPECT_EQ(Xapian::Database(one.string()).get_spelling_suggestion("alphaonli"), "alphaonly");

  const ProgramResult removed =
      run_indexer({"remove", "--db", one.string(), "--store", (work / "store").string(), "alpha"});
  ASSERT_EQ(removed.exit_code, kIndexerOk) << removed.out << removed.err;
  now = spelling_snapshot(one);
  EXPECT_EQ(now, spelling_by_rule(one));
  EXPECT_EQ(now.count("alphaonly"), 0u);
  EXPECT_EQ(now.count("magistrates"), 0u);
  EXPECT_GT(now.size(), 10u) << "the generated documents' shared words stay";
}

// A parallel build killed after a shard's commit leaves the index empty (all or nothing), and
// the next run removes the build folder and ends in the undisturbed index.
TEST(IndexerDurability, KilledParallelBuildLeavesTheIndexEmptyAndRecovers) {
  const std::filesystem::path work = environment().make_temp_dir("parallel-crash");
  const ProgramResult killed =
      run_program("/usr/bin/env",
                  {"JIL_TEST_CRASH_AT=after-commit:2", kIndexerPath, "index", "--db",
                   (work / "index").string(), "--store", (work / "store").string(), "--batch",
                   std::to_string(kBatch), "--parallel-shards", "2", baseline().source.string()});
  EXPECT_EQ(killed.signal, SIGKILL) << killed.err;
  EXPECT_EQ(document_count(work / "index"), 0u);
  EXPECT_TRUE(std::filesystem::exists(work / "index.jil-build"));
  const ProgramResult rerun =
      index_folders(work / "index", work / "store", {baseline().source},
                    {"--batch", std::to_string(kBatch), "--parallel-shards", "2"});
  EXPECT_EQ(rerun.exit_code, kIndexerOk) << rerun.err;
  EXPECT_FALSE(std::filesystem::exists(work / "index.jil-build"));
  EXPECT_EQ(index_snapshot(work / "index"), baseline().snapshot);
  EXPECT_EQ(temporary_files(work / "store"), 0u);
}

// An id used by files in two different shards is still refused once.
TEST(IndexerDurability, ParallelBuildRefusesAnIdUsedInTwoShards) {
  const std::filesystem::path work = environment().make_temp_dir("parallel-ids");
  const std::filesystem::path source = work / "source";
  // a.txt and b.txt go to the first shard, c.txt and d.txt to the second; a and d share an id.
  const std::pair<const char*, const char*> kFiles[] = {
      {"a.txt", "same-id"}, {"b.txt", "id-b"}, {"c.txt", "id-c"}, {"d.txt", "same-id"}};
  std::filesystem::create_directories(source);
  for (const auto& [name, id] : kFiles) {
    write_source_document(source, name, std::string("parallel text ") + name, sidecar_json(id));
  }
  const ProgramResult run =
      index_folders(work / "index", work / "store", {source}, {"--parallel-shards", "2"});
  EXPECT_EQ(run.exit_code, kIndexerSomeFailed) << run.err;
  EXPECT_NE(run.err.find("id 'same-id' is already used by"), std::string::npos) << run.err;
  EXPECT_EQ(document_count(work / "index"), 3u);
}

TEST(IndexerDurability, DamagedIndexIsRefusedAndLeftByteIdentical) {
  struct Damage {
    const char* name;
    void (*apply)(const std::filesystem::path& index);
  };
  const Damage kDamages[] = {
      {"truncated iamglass",
       [](const std::filesystem::path& index) {
         std::filesystem::resize_file(index / "iamglass", 10);
       }},
      {"deleted postlist.glass",
       [](const std::filesystem::path& index) {
         std::filesystem::remove(index / "postlist.glass");
       }},
      {"zeroed iamglass",
       [](const std::filesystem::path& index) {
         const auto size = std::filesystem::file_size(index / "iamglass");
         write_bytes(index / "iamglass", std::string(size, '\0'));
       }},
  };
  for (const Damage& damage : kDamages) {
    SCOPED_TRACE(damage.name);
    const std::filesystem::path work = environment().make_temp_dir("damaged");
    std::filesystem::copy(environment().index_dir(), work / "index",
                          std::filesystem::copy_options::recursive);
    damage.apply(work / "index");
    const auto before = folder_sha256s(work / "index");
    const ProgramResult run =
        index_folders(work / "index", work / "store", {environment().corpus_dir()});
    EXPECT_EQ(run.exit_code, kIndexerFatal) << run.err;
    EXPECT_NE(run.err.find("left untouched"), std::string::npos) << run.err;
    EXPECT_EQ(folder_sha256s(work / "index"), before);
    EXPECT_FALSE(std::filesystem::exists(work / "store")) << "nothing stored for a refused run";
  }
}

}  // namespace
}  // namespace jil::integration
