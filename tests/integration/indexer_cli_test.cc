// jil-indexer's command line (indexer/ingest/): reruns change nothing, bad files fail alone with
// a reason, a locked index is refused with exit 4 (RELIABILITY.md T-D5), and a folder that is
// not an index is never written to (T-D7). Test files are generated here, not shipped.
#include <Poco/SHA2Engine.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "http_client.h"
#include "schema/schema_version.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

using nlohmann::json;

// indexer/ingest/exit_codes.h
constexpr int kExitOk = 0;
constexpr int kExitSomeFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kExitFatal = 3;
constexpr int kExitLocked = 4;
constexpr int kExitIncompatible = 5;

void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream output(path, std::ios::binary);
  output << bytes;
  ASSERT_TRUE(output.good()) << path;
}

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream input(path, std::ios::binary);
  std::stringstream bytes;
  bytes << input.rdbuf();
  return bytes.str();
}

std::string sha256_of_file(const std::filesystem::path& path) {
  const std::string bytes = file_bytes(path);
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  return Poco::DigestEngine::digestToHex(engine.digest());
}

// Every file under `folder` (relative path → sha256), to show a folder was left as it was.
std::map<std::string, std::string> folder_manifest(const std::filesystem::path& folder) {
  std::map<std::string, std::string> manifest;
  std::error_code error;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder, error)) {
    const std::string name = std::filesystem::relative(entry.path(), folder).string();
    manifest[name] = entry.is_regular_file() ? sha256_of_file(entry.path()) : "(folder)";
  }
  return manifest;
}

// A valid sidecar (indexer/schema/doc_record.cc) for an English guidance document.
json sidecar_for(const std::string& id) {
  return {{"id", id},
          {"title", "Integration test document " + id},
          {"language", "en"},
          {"type", "guidance"},
          {"organisation", "ijin"},
          {"country", ""},
          {"region", "global"},
          {"year", 2024},
          {"topics", {"judicial-ethics"}}};
}

void write_document(const std::filesystem::path& folder, const std::string& name,
                    const std::string& text, const json& sidecar) {
  write_file(folder / name, text);
  write_file(folder / (name + ".json"), sidecar.dump(2));
}

ProgramResult run_index(const std::filesystem::path& index, const std::filesystem::path& store,
                        const std::filesystem::path& source, bool as_json) {
  std::vector<std::string> arguments = {"index", "--db", index.string(), "--store", store.string()};
  if (as_json) arguments.push_back("--json");
  arguments.push_back(source.string());
  return run_program(kIndexerPath, arguments);
}

json parsed(const ProgramResult& result) {
  const json summary = json::parse(result.out, nullptr, false);
  EXPECT_TRUE(summary.is_object()) << "--json printed: " << result.out << result.err;
  return summary;
}

TEST(IndexerCli, FirstRunAddsEveryCorpusDocument) {
  const size_t documents = environment().catalog().documents().size();
  const json summary = parsed(environment().initial_index_run());
  EXPECT_EQ(summary.value("added", 0u), documents);
  EXPECT_EQ(summary.value("updated", 1u), 0u);
  EXPECT_EQ(summary.value("unchanged", 1u), 0u);
  EXPECT_EQ(summary["failed"], json::array());
  EXPECT_EQ(summary.value("documents_in_index", 0u), documents);
}

TEST(IndexerCli, SecondRunOverTheCorpusChangesNothing) {
  const size_t documents = environment().catalog().documents().size();
  const ProgramResult text = run_index(environment().index_dir(), environment().store_dir(),
                                       environment().corpus_dir(), /*as_json=*/false);
  EXPECT_EQ(text.exit_code, kExitOk) << text.err;
  const std::string counts = "added 0, updated 0, unchanged " + std::to_string(documents) +
                             ", removed 0, failed 0 - " + std::to_string(documents) +
                             " documents in the index";
  EXPECT_NE(text.err.find(counts), std::string::npos) << text.err;
  EXPECT_NE(text.err.find("; nothing changed"), std::string::npos) << text.err;
  EXPECT_EQ(text.err.find("failed:"), std::string::npos) << text.err;

  const ProgramResult as_json = run_index(environment().index_dir(), environment().store_dir(),
                                          environment().corpus_dir(), /*as_json=*/true);
  EXPECT_EQ(as_json.exit_code, kExitOk) << as_json.err;
  const json summary = parsed(as_json);
  EXPECT_EQ(summary.value("added", 1u), 0u);
  EXPECT_EQ(summary.value("updated", 1u), 0u);
  EXPECT_EQ(summary.value("unchanged", 0u), documents);
  EXPECT_EQ(summary["failed"], json::array());
  EXPECT_EQ(summary.value("documents_in_index", 0u), documents);
}

TEST(IndexerCli, UsageErrorsExitWith2) {
  EXPECT_EQ(run_program(kIndexerPath, {}).exit_code, kExitUsage);
  EXPECT_EQ(run_program(kIndexerPath, {"index", "--db", "x"}).exit_code, kExitUsage);
  EXPECT_EQ(run_program(kIndexerPath, {"frobnicate"}).exit_code, kExitUsage);
}

// A folder with one good document and three broken ones.
std::filesystem::path make_mixed_folder() {
  const std::filesystem::path folder = environment().make_temp_dir("mixed-source");
  write_document(folder, "good.txt", "A note on zanzibarite and judicial ethics.\n",
                 sidecar_for("integration-good-doc"));
  json unknown_type = sidecar_for("integration-bad-type");
  unknown_type["type"] = "pamphlet";
  write_document(folder, "bad-type.txt", "Text with a sidecar of an unknown type.\n", unknown_type);
  write_file(folder / "no-sidecar.txt", "Text without any metadata beside it.\n");
  write_document(
      folder, "bad-utf8.html",
      "<html><head><meta charset=\"utf-8\"></head><body><p>caf\xE9 \xFF\xFE</p></body></html>",
      sidecar_for("integration-bad-utf8"));
  return folder;
}

TEST(IndexerCli, BrokenFilesFailAloneWithTheirReasons) {
  const std::filesystem::path source = make_mixed_folder();
  const std::filesystem::path work = environment().make_temp_dir("mixed-index");
  const ProgramResult run = run_index(work / "index", work / "store", source, false);
  EXPECT_EQ(run.exit_code, kExitSomeFailed) << run.err;
  const std::string expected_lines[] = {
      "failed: bad-type.txt: bad-type.txt.json: field 'type': 'pamphlet' is not one of:",
      "failed: no-sidecar.txt: no metadata: expected no-sidecar.txt.json beside it",
      "failed: bad-utf8.html: html file is not valid UTF-8",
  };
  for (const auto& line : expected_lines) {
    EXPECT_NE(("\n" + run.err).find("\n" + line), std::string::npos) << line << "\nin:\n"
                                                                     << run.err;
  }
  EXPECT_NE(run.err.find(
                "added 1, updated 0, unchanged 0, removed 0, failed 3 - 1 documents in the index"),
            std::string::npos)
      << run.err;

  const ProgramResult rerun = run_index(work / "index", work / "store", source, true);
  EXPECT_EQ(rerun.exit_code, kExitSomeFailed);
  const json summary = parsed(rerun);
  EXPECT_EQ(summary.value("unchanged", 0u), 1u);
  std::map<std::string, std::string> failed;
  for (const auto& failure : summary["failed"]) {
    failed[failure.value("file", "")] = failure.value("reason", "");
  }
  ASSERT_EQ(failed.size(), 3u) << summary.dump(2);
  EXPECT_NE(failed["bad-type.txt"].find("pamphlet"), std::string::npos);
  EXPECT_NE(failed["no-sidecar.txt"].find("no-sidecar.txt.json"), std::string::npos);
  EXPECT_NE(failed["bad-utf8.html"].find("UTF-8"), std::string::npos);

  // The good document is searchable: serve this small index with its own searchd.
  ServerProcess searchd;
  std::string error;
  ASSERT_TRUE(searchd.start(
      kSearchdPath,
      {"--db", (work / "index").string(), "--store", (work / "store").string(), "--web",
       (kSourceDir / "web").string(), "--listen", "127.0.0.1", "--port", "0", "--threads", "1",
       "--anonymous-rate", "100000", "--anonymous-burst", "1000000"},
      error))
      << error;
  const std::optional<std::string> line = searchd.read_line(std::chrono::seconds(60));
  ASSERT_TRUE(line.has_value());
  const size_t colon = line->rfind(':');
  ASSERT_NE(colon, std::string::npos) << *line;
  const auto port = static_cast<unsigned short>(std::stoi(line->substr(colon + 1)));
  const HttpReply reply = http_get(port, "/api/v1/search?q=zanzibarite");
  ASSERT_EQ(reply.status, 200u) << reply.body;
  const json body = json::parse(reply.body);
  EXPECT_EQ(body["total"], 1);
  ASSERT_EQ(body["results"].size(), 1u);
  EXPECT_EQ(body["results"][0]["id"], "integration-good-doc");
  const HttpReply original = http_get(port, "/doc/integration-good-doc/original");
  EXPECT_EQ(original.body, file_bytes(source / "good.txt"));
  EXPECT_EQ(searchd.stop(), 0);
}

// A source folder with first.txt (id `first_id`) and its index + store, indexed once.
struct IndexedOnce {
  std::filesystem::path source;
  std::filesystem::path index;
  std::filesystem::path store;
};

IndexedOnce index_one_document(const std::string& name, const std::string& first_id) {
  IndexedOnce made;
  made.source = environment().make_temp_dir(name + "-source");
  write_document(made.source, "first.txt", "The first document.\n", sidecar_for(first_id));
  const std::filesystem::path work = environment().make_temp_dir(name + "-index");
  made.index = work / "index";
  made.store = work / "store";
  EXPECT_EQ(run_index(made.index, made.store, made.source, false).exit_code, kExitOk);
  return made;
}

TEST(IndexerCli, LockedIndexIsRefusedWithExit4) {
  const auto [source, index, store] = index_one_document("locked", "integration-first");
  ASSERT_FALSE(::testing::Test::HasFailure());
  // A second file the refused run would otherwise add.
  write_document(source, "second.txt", "The second document.\n", sidecar_for("integration-second"));
  const auto store_before = folder_manifest(store);
  {
    Xapian::WritableDatabase holder(index.string(), Xapian::DB_OPEN);  // holds the write lock
    const ProgramResult refused = run_index(index, store, source, false);
    EXPECT_EQ(refused.exit_code, kExitLocked) << refused.err;
    EXPECT_NE(refused.err.find("is being written by another jil-indexer"), std::string::npos)
        << refused.err;
    EXPECT_EQ(holder.get_doccount(), 1u);
  }
  EXPECT_EQ(folder_manifest(store), store_before) << "the refused run wrote to the store";
  EXPECT_EQ(Xapian::Database(index.string()).get_doccount(), 1u);
  // Once the lock is released the same command succeeds.
  const ProgramResult after = run_index(index, store, source, true);
  EXPECT_EQ(after.exit_code, kExitOk) << after.err;
  EXPECT_EQ(parsed(after).value("added", 0u), 1u);
}

TEST(IndexerCli, IndexOfAnotherVersionIsRefusedWithExit5AndRebuildsFromTheStore) {
  const auto [source, index, store] = index_one_document("old-version", "integration-old");
  ASSERT_FALSE(::testing::Test::HasFailure());
  {
    Xapian::WritableDatabase older(index.string(), Xapian::DB_OPEN);  // as an older JIL left it
    older.set_metadata(std::string(schema::kSchemaVersionKey), "1");
    older.commit();
  }
  write_document(source, "second.txt", "The second document.\n", sidecar_for("integration-new"));
  const ProgramResult refused = run_index(index, store, source, false);
  EXPECT_EQ(refused.exit_code, kExitIncompatible) << refused.err;
  EXPECT_NE(refused.err.find("jil-indexer rebuild"), std::string::npos) << refused.err;
  EXPECT_EQ(Xapian::Database(index.string()).get_doccount(), 1u);
  // What tools/serve.sh does on exit 5: rebuild from the store, then index the new file.
  const std::filesystem::path rebuilt = index.parent_path() / "rebuilt";
  const ProgramResult rebuild = run_program(
      kIndexerPath, {"rebuild", "--index", rebuilt.string(), "--store", store.string()});
  ASSERT_EQ(rebuild.exit_code, kExitOk) << rebuild.err;
  EXPECT_EQ(Xapian::Database(rebuilt.string()).get_doccount(), 1u);
  const ProgramResult after = run_index(rebuilt, store, source, true);
  EXPECT_EQ(after.exit_code, kExitOk) << after.err;
  EXPECT_EQ(parsed(after).value("added", 0u), 1u);
  EXPECT_EQ(parsed(after).value("unchanged", 0u), 1u);
}

// An existing folder that is not an index, holding someone's file.
std::filesystem::path make_non_index_folder() {
  const std::filesystem::path folder = environment().make_temp_dir("not-an-index");
  write_file(folder / "notes.txt", "Precious notes that are not a Xapian index.\n");
  return folder;
}

std::filesystem::path make_one_document_source() {
  const std::filesystem::path source = environment().make_temp_dir("one-document");
  write_document(source, "doc.txt", "Some text.\n", sidecar_for("integration-one"));
  return source;
}

TEST(IndexerCli, NonIndexFolderIsRefusedAndItsFileUntouched) {
  const std::filesystem::path folder = make_non_index_folder();
  const std::string before = sha256_of_file(folder / "notes.txt");
  const std::filesystem::path store = environment().make_temp_dir("not-an-index-store");
  const ProgramResult run = run_index(folder, store, make_one_document_source(), false);
  EXPECT_EQ(run.exit_code, kExitFatal) << run.err;
  EXPECT_NE(run.err.find(folder.string()), std::string::npos) << run.err;
  EXPECT_EQ(sha256_of_file(folder / "notes.txt"), before);
  EXPECT_EQ(folder_manifest(store), (std::map<std::string, std::string>{}))
      << "nothing may be stored for a run that cannot open its index";
}

TEST(IndexerCli, AFileWhoseContentIsAnotherFormatIsRefusedUntilItIsRenamed) {
  // T-P8: a real PDF named .txt used to be decoded as a legacy charset and indexed as noise.
  const std::filesystem::path source = environment().make_temp_dir("lying-names");
  const std::string pdf = file_bytes(kSourceDir / "tests/fixtures/formats/two-pages-en.pdf");
  write_document(source, "two-pages.txt", pdf, sidecar_for("integration-two-pages"));
  write_document(source, "notes.txt", "A plain note on judicial ethics.\n",
                 sidecar_for("integration-plain-note"));
  const std::filesystem::path work = environment().make_temp_dir("lying-names-index");
  const ProgramResult run = run_index(work / "index", work / "store", source, false);
  EXPECT_EQ(run.exit_code, kExitSomeFailed) << run.err;
  EXPECT_NE(run.err.find("failed: two-pages.txt: the content is a PDF document, not the txt its "
                         "name says: rename it .pdf"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("added 1, updated 0, unchanged 0, removed 0, failed 1"), std::string::npos)
      << run.err;
  EXPECT_FALSE(std::filesystem::exists(work / "store/records/integration-two-pages.json"));

  // Renamed as the message says, the same bytes and sidecar are indexed as the PDF they are.
  std::filesystem::rename(source / "two-pages.txt", source / "two-pages.pdf");
  std::filesystem::rename(source / "two-pages.txt.json", source / "two-pages.pdf.json");
  const ProgramResult renamed = run_index(work / "index", work / "store", source, false);
  EXPECT_EQ(renamed.exit_code, kExitOk) << renamed.err;
  EXPECT_NE(renamed.err.find("added 1, updated 0, unchanged 1, removed 0, failed 0"),
            std::string::npos)
      << renamed.err;
  const json record = json::parse(file_bytes(work / "store/records/integration-two-pages.json"));
  EXPECT_EQ(record["document"].value("format", ""), "pdf") << record.dump(2);
}

// Two folders' files that declare one id would take turns replacing each other's document, each
// run undoing the other's. A file whose id is held by a file still in another folder is refused,
// and nothing of the document changes; once that file is gone, this one takes the id over.
TEST(IndexerCli, AnIdHeldByAFileStillInAnotherFolderIsRefused) {
  const std::filesystem::path first = environment().make_temp_dir("held-id-first");
  const std::filesystem::path second = environment().make_temp_dir("held-id-second");
  write_document(first, "code.txt", "The first folder's code of judicial conduct.\n",
                 sidecar_for("integration-held-id"));
  write_document(second, "upload.txt", "An upload that reuses the id by mistake.\n",
                 sidecar_for("integration-held-id"));
  const std::filesystem::path work = environment().make_temp_dir("held-id-index");
  ASSERT_EQ(run_index(work / "index", work / "store", first, false).exit_code, kExitOk);
  const std::string record_before = file_bytes(work / "store/records/integration-held-id.json");

  const ProgramResult refused = run_index(work / "index", work / "store", second, false);
  EXPECT_EQ(refused.exit_code, kExitSomeFailed) << refused.err;
  EXPECT_NE(refused.err.find("failed: upload.txt: id 'integration-held-id' is already used by "
                             "code.txt in " +
                             std::filesystem::canonical(first).string() +
                             ", which is still there: give this file another id, or remove that "
                             "one first"),
            std::string::npos)
      << refused.err;
  EXPECT_EQ(file_bytes(work / "store/records/integration-held-id.json"), record_before)
      << "the document is the first folder's still";

  std::filesystem::remove(first / "code.txt");
  const ProgramResult taken = run_index(work / "index", work / "store", second, false);
  EXPECT_EQ(taken.exit_code, kExitOk) << taken.err;
  EXPECT_NE(taken.err.find("added 0, updated 1"), std::string::npos) << taken.err;
}

TEST(IndexerCli, NonIndexFolderGainsNoFiles) {
  // T-D7: the folder must be byte-identical afterwards, new files included.
  const std::filesystem::path folder = make_non_index_folder();
  const auto before = folder_manifest(folder);
  const std::filesystem::path store = environment().make_temp_dir("not-an-index-store");
  const ProgramResult run = run_index(folder, store, make_one_document_source(), false);
  EXPECT_EQ(run.exit_code, kExitFatal) << run.err;
  EXPECT_EQ(folder_manifest(folder), before);
}

}  // namespace
}  // namespace jil::integration
