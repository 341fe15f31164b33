// jil-indexer's metadata sources end to end (issue 4 item 2): folders with no sidecars but a
// manifest.jsonl or manifest.csv, files described only by their embedded properties and a
// detected language, and bad manifests (a bad vocabulary value, a broken line, huge and deep JSON:
// RELIABILITY T-P7), which fail with precise lines while the rest is indexed; then a real
// jil-searchd finds the documents through the language and type filters.
#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "http_client.h"
#include "schema/document_data.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

using nlohmann::json;

void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
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

const std::string kEnglish =
    "Judges who use social media should remember that their posts may be read by the parties "
    "to the cases before them. A friendly message to a lawyer, a comment on a pending case or a "
    "joke about a litigant can all raise doubts about impartiality. Quokkamarine is the word "
    "that only this manifest document contains.\n";
const std::string kFrench =
    "Le juge qui reçoit un cadeau doit se demander si un observateur raisonnable pourrait y voir "
    "une tentative d'influencer sa décision. Les cadeaux d'une valeur symbolique sont admis, "
    "mais tout avantage offert par une partie à un litige en cours doit être refusé. Le mot "
    "pélicanique n'apparaît que dans ce document.\n";
const std::string kSpanish =
    "La declaración patrimonial de los jueces permite conocer la evolución de su patrimonio y "
    "prevenir los conflictos de intereses. La información debe presentarse cada año ante el "
    "consejo de la judicatura, que la verifica y la publica en forma resumida. La palabra "
    "flamencaria solo aparece en este documento.\n";
const std::string kRussian =
    "<html><head><title>Правила распределения дел</title></head><body><p>Порядок, в котором "
    "дело передаётся конкретному судье, напрямую влияет на доверие к суду. Если председатель "
    "суда может выбрать судью для рассмотрения дела, ни беспристрастность, ни независимость "
    "судей не могут быть гарантированы. Слово бегемотовый встречается только здесь.</p>"
    "</body></html>\n";
// No sidecar, no manifest row, no lang attribute: everything from <meta>, language detected.
const std::string kEmbeddedOnlyHtml =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
    "<title>Guide sur les cadeaux et l'hospitalité</title>"
    "<meta name=\"dc.type\" content=\"Guidance\">"
    "<meta name=\"author\" content=\"International Judicial Integrity Network\">"
    "<meta name=\"dc.coverage\" content=\"Global\">"
    "<meta name=\"keywords\" content=\"Gifts and hospitality; integrity\">"
    "<meta name=\"dc.date\" content=\"2021-06-30\">"
    "<meta name=\"description\" content=\"Quand un juge peut-il accepter une invitation ?\">"
    "</head><body><h1>Guide sur les cadeaux</h1><p>" +
    kFrench +
    "</p><p>Une invitation à un repas offerte par un avocat qui plaide régulièrement "
    "devant le juge doit en principe être déclinée, même si elle paraît anodine.</p>"
    "</body></html>\n";

json row(const std::string& file, const std::string& language, const std::string& type) {
  return {{"file", file},           {"language", language}, {"type", type},
          {"organisation", "ijin"}, {"country", ""},        {"region", "global"},
          {"year", 2023},           {"topics", {"gifts"}},  {"title", "Row title of " + file}};
}

// The source tree of this test: see each folder's comment.
std::filesystem::path make_metadata_source() {
  const std::filesystem::path root = environment().make_temp_dir("metadata-source");
  // jsonl/: no sidecars; good rows, a file with no language (detected), a bad vocabulary value,
  // a broken line, a 100,000-deep line and a line over the sidecar limit.
  json no_language = row("detected-en.txt", "", "report");
  no_language.erase("language");
  no_language.erase("title");
  json bad_type = row("bad-type.txt", "en", "memo");
  write_file(root / "jsonl" / "a-en.txt", kEnglish);
  write_file(root / "jsonl" / "detected-en.txt", kEnglish);
  write_file(root / "jsonl" / "bad-type.txt", kEnglish);
  write_file(root / "jsonl" / "broken.txt", kEnglish);
  write_file(root / "jsonl" / "manifest.jsonl",
             row("a-en.txt", "en", "guidance").dump() + "\n" + no_language.dump() + "\n" +
                 bad_type.dump() + "\n" + "{\"file\": \"broken.txt\", \"type\": \n" +
                 "{\"file\": \"deep.txt\", \"summary\": " + std::string(100000, '[') +
                 std::string(100000, ']') + "}\n" + "{\"file\": \"huge.txt\", \"summary\": \"" +
                 std::string(300 * 1024, 'x') + "\"}\n");
  // csv/: no sidecars; a Spanish text and a Russian HTML page, one with a sidecar that wins.
  write_file(root / "csv" / "c-es.txt", kSpanish);
  write_file(root / "csv" / "d-ru.html", kRussian);
  write_file(root / "csv" / "manifest.csv",
             "file,id,title,language,type,organisation,country,region,year,topics,values\n"
             "c-es.txt,,\"Declaración, patrimonio\",es,legislation,redjus,MX,americas,2017,"
             "asset-declarations;corruption-prevention,integrity\n"
             "d-ru.html,csv-russian,,ru,report,eurasjud,KZ,europe-central-asia,2019,"
             "case-assignment,\n");
  write_file(root / "csv" / "d-ru.html.json", R"({"type": "tool"})");
  // embedded/: one HTML page with only <meta> (and its language detected), one PDF whose
  // properties give title, year, organisation and topics while a manifest row adds the rest.
  write_file(root / "embedded" / "only-meta.html", kEmbeddedOnlyHtml);
  write_file(root / "embedded" / "properties" / "embedded-properties-fr.pdf",
             file_bytes(kSourceDir / "tests/fixtures/formats/embedded-properties-fr.pdf"));
  write_file(root / "embedded" / "properties" / "manifest.csv",
             "file,type,country,region\nembedded-properties-fr.pdf,guidance,FR,"
             "europe-central-asia\n");
  return root;
}

ProgramResult run_index(const std::filesystem::path& work, const std::filesystem::path& source) {
  return run_program(kIndexerPath, {"index", "--db", (work / "index").string(), "--store",
                                    (work / "store").string(), "--json", source.string()});
}

std::map<std::string, std::string> failures_of(const json& summary) {
  std::map<std::string, std::string> failed;
  for (const auto& failure : summary["failed"]) {
    failed[failure.value("file", "")] = failure.value("reason", "");
  }
  return failed;
}

// The stored document data of `id`: its head (indexer/schema/document_data.h).
json document_data(const std::filesystem::path& index, const std::string& id) {
  Xapian::Database database(index.string());
  Xapian::PostingIterator posting = database.postlist_begin("Q" + id);
  if (posting == database.postlist_end("Q" + id)) return json();
  const std::string data = database.get_document(*posting).get_data();
  schema::BlockDecompressor decompressor = schema::BlockDecompressor::for_index(database);
  Result<json> head = schema::read_document_head(data, decompressor);  // schema/document_data.h
  return head.is_ok() ? *head : json();
}

class IndexerMetadata : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    source_ = new std::filesystem::path(make_metadata_source());
    work_ = new std::filesystem::path(environment().make_temp_dir("metadata-index"));
    first_run_ = new ProgramResult(run_index(*work_, *source_));
  }
  static void TearDownTestSuite() {
    delete source_;
    delete work_;
    delete first_run_;
  }
  static std::filesystem::path* source_;
  static std::filesystem::path* work_;
  static ProgramResult* first_run_;
};
std::filesystem::path* IndexerMetadata::source_ = nullptr;
std::filesystem::path* IndexerMetadata::work_ = nullptr;
ProgramResult* IndexerMetadata::first_run_ = nullptr;

TEST_F(IndexerMetadata, BadManifestLinesFailPreciselyAndTheRestIsIndexed) {
  EXPECT_EQ(first_run_->exit_code, 1) << first_run_->err;
  const json summary = json::parse(first_run_->out, nullptr, false);
  ASSERT_TRUE(summary.is_object()) << first_run_->out << first_run_->err;
  EXPECT_EQ(summary.value("added", 0u), 6u) << summary.dump(2);
  const auto failed = failures_of(summary);
  const auto reason = [&](const std::string& file) {
    const auto found = failed.find(file);
    return found == failed.end() ? std::string("(not failed)") : found->second;
  };
  EXPECT_EQ(reason("jsonl/bad-type.txt")
                .rfind("manifest.jsonl line 3: field 'type': 'memo' is not one of: ", 0),
            0u)
      << reason("jsonl/bad-type.txt");
  // The broken line's file has no row: it fails for want of metadata, naming the manifest.
  EXPECT_EQ(reason("jsonl/broken.txt"),
            "no metadata: expected broken.txt.json beside it or a row in manifest.jsonl (the "
            "file itself gives no type, organisation, country, region, year, topics)");
  // The manifest's own problems, once each: the broken line, and one clear error each for the
  // deep and the huge line (no crash; the files they name are never looked at).
  std::vector<std::string> manifest_problems;
  for (const auto& failure : summary["failed"]) {
    if (failure.value("file", "") == "jsonl/manifest.jsonl") {
      manifest_problems.push_back(failure.value("reason", ""));
    }
  }
  ASSERT_EQ(manifest_problems.size(), 3u) << summary.dump(2);
  EXPECT_EQ(manifest_problems[0].rfind("line 4: metadata is not valid JSON", 0), 0u)
      << manifest_problems[0];
  EXPECT_EQ(manifest_problems[1], "line 5: metadata is nested deeper than 8 levels");
  EXPECT_EQ(manifest_problems[2], "line 6: metadata is larger than 262144 bytes");
  EXPECT_EQ(summary["failed"].size(), 5u) << summary.dump(2);
}

TEST_F(IndexerMetadata, StoredDocumentsSayWhereTheirLanguageCameFrom) {
  const std::filesystem::path index = *work_ / "index";
  const json manifest_row = document_data(index, "a-en");  // id from the file name
  ASSERT_TRUE(manifest_row.is_object());
  EXPECT_EQ(manifest_row["title"], "Row title of a-en.txt");
  EXPECT_EQ(manifest_row["language_source"], "metadata");
  EXPECT_EQ(manifest_row["language_confidence"], 1.0);

  const json detected = document_data(index, "detected-en");
  ASSERT_TRUE(detected.is_object());
  EXPECT_EQ(detected["language"], "en");
  EXPECT_EQ(detected["language_source"], "detected");
  EXPECT_GE(detected["language_confidence"].get<double>(), 0.5);
  // The extractor's title (the first line) when no source gives one.
  EXPECT_EQ(detected["title"].get<std::string>().rfind("Judges who use social media", 0), 0u)
      << detected["title"];

  const json sidecar_wins = document_data(index, "csv-russian");
  ASSERT_TRUE(sidecar_wins.is_object());
  EXPECT_EQ(sidecar_wins["type"], "tool");                        // the sidecar
  EXPECT_EQ(sidecar_wins["organisation"], "eurasjud");            // the CSV row
  EXPECT_EQ(sidecar_wins["title"], "Правила распределения дел");  // the page's <title>

  const json csv = document_data(index, "c-es");
  ASSERT_TRUE(csv.is_object());
  EXPECT_EQ(csv["title"], "Declaración, patrimonio");
  EXPECT_EQ(csv["topics"], json({"asset-declarations", "corruption-prevention"}));
  EXPECT_EQ(csv["country"], "MX");

  const json only_meta = document_data(index, "only-meta");
  ASSERT_TRUE(only_meta.is_object());
  EXPECT_EQ(only_meta["language"], "fr");
  EXPECT_EQ(only_meta["language_source"], "detected");
  EXPECT_EQ(only_meta["type"], "guidance");
  EXPECT_EQ(only_meta["organisation"], "ijin");
  EXPECT_EQ(only_meta["region"], "global");
  EXPECT_EQ(only_meta["country"], "");
  EXPECT_EQ(only_meta["year"], 2021);
  EXPECT_EQ(only_meta["topics"], json({"gifts"}));
  EXPECT_EQ(only_meta["values"], json({"integrity"}));
  EXPECT_EQ(only_meta["summary"], "Quand un juge peut-il accepter une invitation ?");

  const json pdf = document_data(index, "embedded-properties-fr");
  ASSERT_TRUE(pdf.is_object());
  EXPECT_EQ(pdf["title"], "Lignes directrices sur les conflits d'intérêts (propriétés intégrées)");
  EXPECT_EQ(pdf["year"], 2022);
  EXPECT_EQ(pdf["organisation"], "ccje-net");
  EXPECT_EQ(pdf["topics"], json({"conflicts-of-interest"}));
  EXPECT_EQ(pdf["language"], "fr");
  EXPECT_EQ(pdf["language_source"], "detected");
  EXPECT_EQ(pdf["type"], "guidance");
}

TEST_F(IndexerMetadata, RerunIsUnchangedAndAnEditedRowUpdatesItsDocument) {
  ProgramResult rerun = run_index(*work_, *source_);
  json summary = json::parse(rerun.out, nullptr, false);
  ASSERT_TRUE(summary.is_object()) << rerun.out << rerun.err;
  EXPECT_EQ(summary.value("unchanged", 0u), 6u) << summary.dump(2);
  EXPECT_EQ(summary.value("added", 1u) + summary.value("updated", 1u), 0u) << summary.dump(2);

  const std::filesystem::path manifest = *source_ / "embedded" / "properties" / "manifest.csv";
  const std::string before = file_bytes(manifest);
  write_file(manifest,
             "file,type,country,region\nembedded-properties-fr.pdf,report,FR,"
             "europe-central-asia\n");
  rerun = run_index(*work_, *source_);
  summary = json::parse(rerun.out, nullptr, false);
  ASSERT_TRUE(summary.is_object()) << rerun.out << rerun.err;
  EXPECT_EQ(summary.value("updated", 0u), 1u) << summary.dump(2);
  EXPECT_EQ(document_data(*work_ / "index", "embedded-properties-fr")["type"], "report");
  write_file(manifest, before);
  rerun = run_index(*work_, *source_);
  EXPECT_EQ(json::parse(rerun.out, nullptr, false).value("updated", 0u), 1u) << rerun.out;
}

TEST_F(IndexerMetadata, SearchFindsThemWithLanguageAndTypeFilters) {
  ServerProcess searchd;
  std::string error;
  ASSERT_TRUE(searchd.start(
      kSearchdPath,
      {"--db", (*work_ / "index").string(), "--store", (*work_ / "store").string(), "--web",
       (kSourceDir / "web").string(), "--listen", "127.0.0.1", "--port", "0", "--threads", "1",
       "--anonymous-rate", "100000", "--anonymous-burst", "1000000"},
      error))
      << error;
  const std::optional<std::string> line = searchd.read_line(std::chrono::seconds(60));
  ASSERT_TRUE(line.has_value());
  const auto port = static_cast<unsigned short>(std::stoi(line->substr(line->rfind(':') + 1)));
  const auto ids = [&](const std::string& target) {
    const HttpReply reply = http_get(port, target);
    EXPECT_EQ(reply.status, 200u) << target << ": " << reply.body;
    std::vector<std::string> found;
    const json body = json::parse(reply.body, nullptr, false);
    if (!body.is_object()) return found;
    for (const auto& result : body["results"]) found.push_back(result["id"]);
    std::sort(found.begin(), found.end());
    return found;
  };
  using Ids = std::vector<std::string>;
  EXPECT_EQ(ids("/api/v1/search?q=quokkamarine&lang=en"), (Ids{"a-en", "detected-en"}));
  EXPECT_EQ(ids("/api/v1/search?q=quokkamarine&lang=en&type=report"), (Ids{"detected-en"}));
  EXPECT_EQ(ids("/api/v1/search?q=quokkamarine&lang=fr"), Ids{});
  EXPECT_EQ(ids("/api/v1/search?q=pelicanique&lang=fr&type=guidance"), (Ids{"only-meta"}));
  EXPECT_EQ(ids("/api/v1/search?q=flamencaria&lang=es&type=legislation"), (Ids{"c-es"}));
  // бегемотовый, percent-encoded.
  EXPECT_EQ(
      ids("/api/v1/search?q=%D0%B1%D0%B5%D0%B3%D0%B5%D0%BC%D0%BE%D1%82%D0%BE%D0%B2%D1%8B%D0%B9"
          "&lang=ru&type=tool"),
      (Ids{"csv-russian"}));
  EXPECT_EQ(ids("/api/v1/search?q=impartialit%C3%A9&lang=fr&type=guidance&year=2022"),
            (Ids{"embedded-properties-fr"}));
  EXPECT_EQ(ids("/api/v1/search?q=memo&lang=en"), Ids{});  // the bad row's file is not indexed
  EXPECT_EQ(searchd.stop(), 0);
}

}  // namespace
}  // namespace jil::integration
