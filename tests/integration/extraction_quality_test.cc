// What jil-indexer does with hard text end to end (issue 4 item 1): a scanned Russian PDF is read
// by OCR, a PDF text layer with Arabic lam-alef in visual order is repaired, a KOI8-R text file
// is decoded; each document's quality and page offsets are stored, and `jil-indexer stats`
// counts documents by quality.
#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "schema/document_data.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

using nlohmann::json;

void add_document(const std::filesystem::path& folder, const std::string& name,
                  const std::filesystem::path& original_or_empty, const std::string& bytes,
                  const std::string& id, const std::string& language) {
  if (!original_or_empty.empty()) {
    std::filesystem::copy_file(original_or_empty, folder / name);
  } else {
    std::ofstream(folder / name, std::ios::binary) << bytes;
  }
  const json sidecar = {{"id", id},
                        {"title", "Quality " + id},
                        {"language", language},
                        {"type", "report"},
                        {"organisation", "ijin"},
                        {"country", ""},
                        {"region", "global"},
                        {"year", 2024},
                        {"topics", {"gifts"}}};
  std::ofstream(folder / (name + ".json"), std::ios::binary) << sidecar.dump();
}

// The stored document data of `id` (indexer/schema/document_data.h): the head, with the text
// put back as "text".
json document_data(const Xapian::Database& database, const std::string& id) {
  Xapian::PostingIterator posting = database.postlist_begin("Q" + id);
  if (posting == database.postlist_end("Q" + id)) return json();
  const std::string data = database.get_document(*posting).get_data();
  schema::BlockDecompressor decompressor = schema::BlockDecompressor::for_index(database);
  Result<json> head = schema::read_document_head(data, decompressor);
  Result<schema::DocRecord> record = schema::from_document_data(data, decompressor);
  if (!head.is_ok() || !record.is_ok()) return json();
  (*head)["text"] = record->text;
  return *head;
}

TEST(ExtractionQuality, OcrRepairAndLegacyEncodingAreIndexedAndCounted) {
  const std::filesystem::path formats = kSourceDir / "tests/fixtures/formats";
  const std::filesystem::path source = environment().make_temp_dir("quality-source");
  const std::filesystem::path work = environment().make_temp_dir("quality-index");
  add_document(source, "scan.pdf", formats / "scanned-ru.pdf", "", "quality-scan-ru", "ru");
  add_document(source, "code.pdf", formats / "model-code-ar.pdf", "", "quality-code-ar", "ar");
  // "Судья обязан быть беспристрастным." in KOI8-R, a few times (the detector needs some text).
  std::string koi8;
  for (int repeat = 0; repeat < 8; ++repeat) {
    koi8 +=
        "\xf3\xd5\xc4\xd8\xd1 \xcf\xc2\xd1\xda\xc1\xce \xc2\xd9\xd4\xd8 "
        "\xc2\xc5\xd3\xd0\xd2\xc9\xd3\xd4\xd2\xc1\xd3\xd4\xce\xd9\xcd.\n";
  }
  add_document(source, "rules.txt", "", koi8, "quality-koi8-ru", "ru");

  const ProgramResult run = run_program(kIndexerPath,
                                        {"index", "--db", (work / "index").string(), "--store",
                                         (work / "store").string(), source.string()},
                                        std::chrono::seconds(600));
  ASSERT_EQ(run.exit_code, 0) << run.err;

  const ProgramResult stats =
      run_program(kIndexerPath, {"stats", "--db", (work / "index").string()});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_NE(stats.out.find("by quality: ocr=1 ok=1 repaired=1\n"), std::string::npos) << stats.out;

  Xapian::Database database((work / "index").string());
  const json scan = document_data(database, "quality-scan-ru");
  ASSERT_TRUE(scan.is_object());
  EXPECT_EQ(scan["quality"], "ocr");
  EXPECT_EQ(scan["page_offsets"], json::array({0}));
  EXPECT_NE(scan["text"].get<std::string>().find("судей"), std::string::npos) << scan["text"];
  EXPECT_GE(database.get_termfreq("XQocr"), 1u);

  const json code = document_data(database, "quality-code-ar");
  ASSERT_TRUE(code.is_object());
  EXPECT_EQ(code["quality"], "repaired");
  EXPECT_GE(code["page_offsets"].size(), 1u);
  EXPECT_NE(code["text"].get<std::string>().find("لا يستمد"), std::string::npos);

  const json rules = document_data(database, "quality-koi8-ru");
  ASSERT_TRUE(rules.is_object());
  EXPECT_EQ(rules["quality"], "ok");
  EXPECT_NE(rules["quality_notes"].get<std::string>().find("decoded from KOI8-R"),
            std::string::npos)
      << rules["quality_notes"];
  EXPECT_NE(rules["text"].get<std::string>().find("Судья обязан быть беспристрастным."),
            std::string::npos);
}

}  // namespace
}  // namespace jil::integration
