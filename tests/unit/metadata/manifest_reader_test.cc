// Tests metadata/manifest_reader.cc: JSON Lines and CSV manifests, their limits (RELIABILITY
// T-P7) and the line-and-field naming of every problem.
#include "metadata/manifest_reader.h"

#include <gtest/gtest.h>

#include <fstream>

#include "schema/doc_record.h"
#include "temporary_directory.h"

namespace jil::metadata {
namespace {

using nlohmann::json;

const std::string kRow =
    R"("title": "T", "language": "en", "type": "guidance", "organisation": "ijin", )"
    R"("country": "", "region": "global", "year": 2020, "topics": ["gifts"])";

std::string row(const std::string& file, const std::string& extra = "") {
  return "{\"file\": \"" + file + "\", " + kRow + extra + "}\n";
}

testing::AssertionResult has_problem(const Manifest& manifest, const std::string& text) {
  for (const std::string& problem : manifest.problems) {
    if (problem.find(text) != std::string::npos) return testing::AssertionSuccess();
  }
  std::string all;
  for (const std::string& problem : manifest.problems) all += "\n  " + problem;
  return testing::AssertionFailure() << "no problem with '" << text << "' in:" << all;
}

TEST(JsonlManifest, ValidRowsAreKeyedByFileWithoutTheFileField) {
  const Manifest manifest = parse_jsonl_manifest(row("a.pdf") + "\n" + row("./sub/b.docx"));
  ASSERT_EQ(manifest.rows.size(), 2u);
  EXPECT_TRUE(manifest.problems.empty());
  const ManifestRow& a = manifest.rows.at("a.pdf");
  EXPECT_EQ(a.line, 1u);
  EXPECT_FALSE(a.fields.contains("file"));
  EXPECT_EQ(a.fields["type"], "guidance");
  EXPECT_EQ(manifest.rows.at("sub/b.docx").line, 3u);  // the blank line still counts
}

TEST(JsonlManifest, RowsMayLeaveFieldsToOtherSources) {
  const Manifest manifest = parse_jsonl_manifest(R"({"file": "a.pdf", "type": "report"})");
  ASSERT_EQ(manifest.rows.size(), 1u);
  EXPECT_EQ(manifest.rows.at("a.pdf").fields, json({{"type", "report"}}));
}

TEST(JsonlManifest, BadVocabularyValueFailsThatFileNamingLineAndField) {
  const Manifest manifest =
      parse_jsonl_manifest(row("good.txt") + R"({"file": "bad.txt", "type": "memo"})" + "\n");
  EXPECT_EQ(manifest.rows.size(), 1u);
  ASSERT_TRUE(manifest.row_errors.contains("bad.txt"));
  EXPECT_EQ(
      manifest.row_errors.at("bad.txt").rfind("line 2: field 'type': 'memo' is not one of: ", 0),
      0u)
      << manifest.row_errors.at("bad.txt");
}

TEST(JsonlManifest, BrokenLineIsAProblemOfTheManifestAndOtherRowsStay) {
  const Manifest manifest =
      parse_jsonl_manifest(row("a.txt") + "{\"file\": \"b.txt\", \"type\": \n" + row("c.txt"));
  EXPECT_EQ(manifest.rows.size(), 2u);
  EXPECT_TRUE(has_problem(manifest, "line 2: metadata is not valid JSON"));
}

TEST(JsonlManifest, FileFieldIsRequiredAndMustStayInsideTheFolder) {
  const Manifest manifest = parse_jsonl_manifest(
      "{\"type\": \"report\"}\n{\"file\": \"../x.txt\"}\n{\"file\": \"/etc/passwd\"}\n"
      "{\"file\": 7}\n");
  EXPECT_TRUE(manifest.rows.empty());
  EXPECT_TRUE(has_problem(manifest, "line 1: field 'file' is required"));
  EXPECT_TRUE(has_problem(manifest, "line 2: field 'file' must be a relative path"));
  EXPECT_TRUE(has_problem(manifest, "line 3: field 'file' must be a relative path"));
  EXPECT_TRUE(has_problem(manifest, "line 4: field 'file' must be a relative path"));
}

TEST(JsonlManifest, AFileDescribedTwiceFailsWithBothLines) {
  const Manifest manifest = parse_jsonl_manifest(row("a.txt") + row("b.txt") + row("a.txt"));
  EXPECT_EQ(manifest.rows.size(), 1u);
  EXPECT_EQ(manifest.row_errors.at("a.txt"), "line 1 and line 3: 'a.txt' is described twice");
}

TEST(JsonlManifest, DeepLineIsRefusedBeforeParsing) {
  // T-P7: 100,000-deep nesting in one line must give one clear error, not a crash.
  const std::string deep = "{\"file\": \"a.txt\", \"summary\": " + std::string(100000, '[') +
                           std::string(100000, ']') + "}\n";
  const Manifest manifest = parse_jsonl_manifest(deep + row("b.txt"));
  EXPECT_TRUE(has_problem(manifest, "line 1: metadata is nested deeper than 8 levels"));
  EXPECT_EQ(manifest.rows.size(), 1u);
}

TEST(JsonlManifest, HugeLineIsRefusedAtTheSidecarLimit) {
  const std::string huge = "{\"file\": \"a.txt\", \"summary\": \"" +
                           std::string(schema::kMaxSidecarBytes, 'x') + "\"}\n";
  const Manifest manifest = parse_jsonl_manifest(huge);
  EXPECT_TRUE(has_problem(manifest, "line 1: metadata is larger than 262144 bytes"));
}

TEST(JsonlManifest, TooManyLinesRefusesTheWholeManifest) {
  std::string lines;
  for (size_t index = 0; index <= kMaxManifestLines; ++index) lines += "{}\n";
  const Manifest manifest = parse_jsonl_manifest(lines);
  EXPECT_TRUE(manifest.rows.empty());
  ASSERT_EQ(manifest.problems.size(), 1u);
  EXPECT_EQ(manifest.problems[0], "has more than 100000 lines; split it by folder");
}

TEST(JsonlManifest, DuplicateKeysNanAndWrongShapesAreClearErrors) {
  // T-P7: nlohmann would keep the last "type" silently; NaN is not JSON; a line must be an object.
  const Manifest manifest = parse_jsonl_manifest(
      "{\"file\": \"a.txt\", \"type\": \"report\", \"type\": \"tool\"}\n"
      "{\"file\": \"b.txt\", \"year\": NaN}\n[\"c.txt\"]\n");
  EXPECT_TRUE(manifest.rows.empty());
  EXPECT_TRUE(has_problem(manifest, "line 1: field 'type': is given twice"));
  EXPECT_TRUE(has_problem(manifest, "line 2: metadata is not valid JSON"));
  EXPECT_TRUE(has_problem(manifest, "line 3: metadata must be a JSON object"));
}

TEST(JsonlManifest, ByteOrderMarkAndCrLfAreAccepted) {
  const Manifest manifest =
      parse_jsonl_manifest("\xEF\xBB\xBF{\"file\": \"a.txt\", \"year\": 2001}\r\n");
  ASSERT_EQ(manifest.rows.size(), 1u);
  EXPECT_EQ(manifest.rows.at("a.txt").fields["year"], 2001);
}

TEST(CsvManifest, HeaderNamesFieldsListsSplitAtSemicolonsAndYearIsANumber) {
  const Manifest manifest = parse_csv_manifest(
      "file,title,language,type,organisation,country,region,year,topics,values\n"
      "a.pdf,\"Code, with a comma\",fr,code-of-conduct,ijin,FR,europe-central-asia,2019,"
      "gifts; gender,integrity\n");
  ASSERT_EQ(manifest.rows.size(), 1u) << (manifest.problems.empty() ? "" : manifest.problems[0]);
  const json& fields = manifest.rows.at("a.pdf").fields;
  EXPECT_EQ(fields["title"], "Code, with a comma");
  EXPECT_EQ(fields["year"], 2019);
  EXPECT_EQ(fields["topics"], json({"gifts", "gender"}));
  EXPECT_EQ(fields["values"], json({"integrity"}));
  EXPECT_EQ(manifest.rows.at("a.pdf").line, 2u);
}

TEST(CsvManifest, EmptyCellsAreNotGivenButAnEmptyCountryIsInternational) {
  const Manifest manifest = parse_csv_manifest("file,type,country,summary\nb.txt,,,\n");
  ASSERT_EQ(manifest.rows.size(), 1u);
  EXPECT_EQ(manifest.rows.at("b.txt").fields, json({{"country", ""}}));
}

TEST(CsvManifest, QuotedCellsSpanLinesAndLineNumbersFollow) {
  const Manifest manifest = parse_csv_manifest(
      "file,summary,type\r\na.txt,\"two\nlines, \"\"quoted\"\"\",report\r\nb.txt,x,memo\r\n");
  ASSERT_TRUE(manifest.rows.contains("a.txt"));
  EXPECT_EQ(manifest.rows.at("a.txt").fields["summary"], "two\nlines, \"quoted\"");
  ASSERT_TRUE(manifest.row_errors.contains("b.txt"));
  EXPECT_EQ(manifest.row_errors.at("b.txt").rfind("line 4: field 'type': 'memo' is not one of", 0),
            0u)
      << manifest.row_errors.at("b.txt");
}

TEST(CsvManifest, BadYearCellIsNamed) {
  const Manifest manifest = parse_csv_manifest("file,year\na.txt,MMXX\n");
  EXPECT_EQ(manifest.row_errors.at("a.txt"),
            "line 2: field 'year': must be an integer from 1900 to 2100");
}

TEST(CsvManifest, HeaderProblemsRefuseTheManifest) {
  EXPECT_TRUE(has_problem(parse_csv_manifest("file,tpye\na.txt,report\n"),
                          "line 1: column 'tpye' is not a field of the metadata schema"));
  EXPECT_TRUE(
      has_problem(parse_csv_manifest("title,type\nx,report\n"), "line 1: no 'file' column"));
  EXPECT_TRUE(has_problem(parse_csv_manifest("file,type,type\n"), "line 1: column 'type' twice"));
}

TEST(CsvManifest, RowProblemsNameTheirLine) {
  const Manifest manifest = parse_csv_manifest("file,type\na.txt,report,extra\n\"b.txt,report\n");
  EXPECT_TRUE(has_problem(manifest, "line 2: 3 cells where the header has 2"));
  EXPECT_TRUE(has_problem(manifest, "line 3: a quoted cell is not closed"));
}

void write(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

TEST(FolderManifest, NoneBothOrRowsForMissingFiles) {
  TemporaryDirectory folder;
  EXPECT_FALSE(read_folder_manifest(folder.path()).has_value());
  write(folder.path() / "a.txt", "text");
  write(folder.path() / "manifest.jsonl", row("a.txt") + row("gone.txt"));
  std::optional<Manifest> manifest = read_folder_manifest(folder.path());
  ASSERT_TRUE(manifest.has_value());
  EXPECT_EQ(manifest->name, "manifest.jsonl");
  EXPECT_TRUE(manifest->rows.contains("a.txt"));
  EXPECT_TRUE(has_problem(*manifest, "line 2: 'gone.txt' is not a file in this folder"));
  write(folder.path() / "manifest.csv", "file,type\na.txt,report\n");
  manifest = read_folder_manifest(folder.path());
  ASSERT_TRUE(manifest.has_value());
  EXPECT_TRUE(manifest->rows.empty());
  EXPECT_TRUE(has_problem(*manifest, "both manifest.jsonl and manifest.csv are here: keep one"));
}

}  // namespace
}  // namespace jil::metadata
