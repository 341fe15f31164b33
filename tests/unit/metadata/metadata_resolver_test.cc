// Tests metadata/metadata_resolver.cc on real folders: sidecar > manifest row > embedded >
// detected for each field, the id from the file name, the fingerprint text, and every message.
#include "metadata/metadata_resolver.h"

#include <gtest/gtest.h>

#include <fstream>

#include "temporary_directory.h"

namespace jil::metadata {
namespace {

using nlohmann::json;

const json kComplete = {{"title", "Given title"}, {"language", "en"},   {"type", "guidance"},
                        {"organisation", "ijin"}, {"country", ""},      {"region", "global"},
                        {"year", 2020},           {"topics", {"gifts"}}};

const std::string kEnglishText =
    "Social media have changed the way people inform themselves, keep in touch and take part in "
    "public life. Judges are members of society and many of them use these platforms privately, "
    "while courts increasingly use them to explain their work. Nothing in the ethical principles "
    "forbids a judge to use them, but their use raises questions of impartiality and dignity.";

void write(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

class MetadataResolverTest : public testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<MetadataResolver>> created = MetadataResolver::create();
    ASSERT_TRUE(created.is_ok()) << created.status().message();
    resolver_ = std::move(*created);
  }
  std::filesystem::path file(const std::string& relative) {
    const std::filesystem::path path = root_.path() / relative;
    if (!std::filesystem::exists(path)) write(path, "text");
    return path;
  }
  Result<GivenMetadata> given(const std::string& relative) {
    const std::filesystem::path path = file(relative);
    return resolver_->given_metadata(path, path.string() + ".json", root_.path());
  }
  Result<schema::DocRecord> resolved(const std::string& relative,
                                     const extract::ExtractedText& extracted) {
    Result<GivenMetadata> sources = given(relative);
    if (!sources.is_ok()) return sources.status();
    return resolver_->resolve(*sources, extracted);
  }

  TemporaryDirectory root_;
  std::unique_ptr<MetadataResolver> resolver_;
};

extract::ExtractedText english_text() {
  extract::ExtractedText extracted;
  extracted.title = "First line";
  extracted.text = kEnglishText;
  return extracted;
}

TEST_F(MetadataResolverTest, SidecarAloneKeepsItsBytesAsTheFingerprint) {
  json sidecar = kComplete;
  sidecar["id"] = "given-id";
  write(file("a.txt").string() + ".json", sidecar.dump());
  Result<GivenMetadata> sources = given("a.txt");
  ASSERT_TRUE(sources.is_ok()) << sources.status().message();
  EXPECT_EQ(sources->id, "given-id");
  EXPECT_EQ(sources->fingerprint_text, sidecar.dump());
  Result<schema::DocRecord> record = resolver_->resolve(*sources, english_text());
  ASSERT_TRUE(record.is_ok()) << record.status().message();
  EXPECT_EQ(record->title, "Given title");
  EXPECT_EQ(record->language_source, "metadata");
  EXPECT_EQ(record->language_confidence, 1.0);
}

TEST_F(MetadataResolverTest, SidecarBeatsManifestRowWhichBeatsEmbedded) {
  json row = kComplete;
  row["file"] = "a.txt";
  row["type"] = "report";
  row["year"] = 2001;
  write(root_.path() / "manifest.jsonl", row.dump() + "\n");
  write(file("a.txt").string() + ".json", R"({"type": "tool"})");
  extract::ExtractedText extracted = english_text();
  extracted.embedded.year = 1999;
  extracted.embedded.title = "Embedded title";
  extracted.embedded.description = "Embedded summary";
  Result<GivenMetadata> sources = given("a.txt");
  ASSERT_TRUE(sources.is_ok()) << sources.status().message();
  EXPECT_EQ(sources->row_label, "manifest.jsonl line 1");
  EXPECT_NE(sources->fingerprint_text.find(row.dump()), std::string::npos);
  EXPECT_EQ(sources->id, "doc-a");  // from the file name ("a" is too short alone)
  Result<schema::DocRecord> record = resolver_->resolve(*sources, extracted);
  ASSERT_TRUE(record.is_ok()) << record.status().message();
  EXPECT_EQ(record->type, "tool");                 // sidecar
  EXPECT_EQ(record->year, 2001);                   // manifest row
  EXPECT_EQ(record->title, "Given title");         // manifest row
  EXPECT_EQ(record->summary, "Embedded summary");  // embedded
}

TEST_F(MetadataResolverTest, NearestManifestInAFolderAboveDescribesSubfolders) {
  json row = kComplete;
  row["file"] = "sub/deep/a.txt";
  write(root_.path() / "manifest.jsonl", row.dump() + "\n");
  write(root_.path() / "sub" / "manifest.csv", "file,type\nother.txt,report\n");
  file("sub/other.txt");
  Result<schema::DocRecord> record = resolved("sub/deep/a.txt", english_text());
  ASSERT_TRUE(record.is_ok()) << record.status().message();
  EXPECT_EQ(record->type, "guidance");
}

TEST_F(MetadataResolverTest, EmbeddedAndDetectedFillWhatTheRowLeavesOut) {
  write(root_.path() / "manifest.csv",
        "file,type,organisation,country,region,topics\nb.pdf,report,ijin,,global,gifts\n");
  extract::ExtractedText extracted = english_text();
  extracted.embedded.title = "Embedded title";
  extracted.embedded.year = 2018;
  Result<schema::DocRecord> record = resolved("b.pdf", extracted);
  ASSERT_TRUE(record.is_ok()) << record.status().message();
  EXPECT_EQ(record->id, "doc-b");  // "b" is too short for an id
  EXPECT_EQ(record->title, "Embedded title");
  EXPECT_EQ(record->year, 2018);
  EXPECT_EQ(record->language, analysis::Language::kEn);
  EXPECT_EQ(record->language_source, "detected");
  EXPECT_GE(record->language_confidence, kMinLanguageConfidence);
  EXPECT_LE(record->language_confidence, 1.0);
}

TEST_F(MetadataResolverTest, EmbeddedLanguageIsRecordedAsEmbedded) {
  write(file("c.txt").string() + ".json", [] {
    json sidecar = kComplete;
    sidecar.erase("language");
    return sidecar.dump();
  }());
  extract::ExtractedText extracted = english_text();
  extracted.embedded.language = "zh-TW";
  Result<schema::DocRecord> record = resolved("c.txt", extracted);
  ASSERT_TRUE(record.is_ok()) << record.status().message();
  EXPECT_EQ(record->language, analysis::Language::kZh);
  EXPECT_EQ(record->script, "Hant");
  EXPECT_EQ(record->language_source, "embedded");
}

TEST_F(MetadataResolverTest, ChineseWithoutScriptGetsTheDetectedOne) {
  json sidecar = kComplete;
  sidecar["language"] = "zh";
  write(file("z.txt").string() + ".json", sidecar.dump());
  extract::ExtractedText extracted;
  extracted.text = "法官應當依法迴避，不得接受當事人的宴請、禮品或者其他利益。";
  Result<schema::DocRecord> record = resolved("z.txt", extracted);
  ASSERT_TRUE(record.is_ok()) << record.status().message();
  EXPECT_EQ(record->script, "Hant");
  EXPECT_EQ(record->language_source, "metadata");
}

TEST_F(MetadataResolverTest, MissingFieldsAreNamedWithWhereToGiveThem) {
  write(file("d.txt").string() + ".json", R"({"title": "T", "language": "en"})");
  Result<schema::DocRecord> record = resolved("d.txt", english_text());
  ASSERT_FALSE(record.is_ok());
  EXPECT_EQ(record.status().message(),
            "no type, organisation, country, region, year, topics: give them in d.txt.json or "
            "manifest.jsonl");
  json almost = kComplete;
  almost.erase("type");
  write(file("e.txt").string() + ".json", almost.dump());
  EXPECT_EQ(resolved("e.txt", english_text()).status().message(),
            "no type: give it in e.txt.json or manifest.jsonl");
}

TEST_F(MetadataResolverTest, NoSidecarNoRowAndTooLittleInTheFile) {
  Result<schema::DocRecord> record = resolved("f.txt", english_text());
  ASSERT_FALSE(record.is_ok());
  EXPECT_EQ(record.status().message(),
            "no metadata: expected f.txt.json beside it or a row in manifest.jsonl or "
            "manifest.csv (the file itself gives no type, organisation, country, region, year, "
            "topics)");
}

TEST_F(MetadataResolverTest, UndetectableLanguageFailsUnlessMetadataGivesIt) {
  json sidecar = kComplete;
  sidecar.erase("language");
  write(file("g.txt").string() + ".json", sidecar.dump());
  extract::ExtractedText extracted;
  extracted.text = "OK 2021";
  Result<schema::DocRecord> record = resolved("g.txt", extracted);
  ASSERT_FALSE(record.is_ok());
  EXPECT_EQ(record.status().message().rfind(
                "no language, and it could not be detected with confidence (", 0),
            0u)
      << record.status().message();
  EXPECT_NE(record.status().message().find("< 0.50): give it in g.txt.json or manifest.jsonl"),
            std::string::npos)
      << record.status().message();
  sidecar["language"] = "en";
  write(file("g.txt").string() + ".json", sidecar.dump());
  EXPECT_TRUE(resolved("g.txt", extracted).is_ok());
}

TEST_F(MetadataResolverTest, BadSourcesAreNamedWithLineAndField) {
  write(file("h.txt").string() + ".json", R"({"type": "memo"})");
  EXPECT_EQ(given("h.txt").status().message().rfind(
                "h.txt.json: field 'type': 'memo' is not one of: ", 0),
            0u);
  write(root_.path() / "manifest.jsonl", "{\"file\": \"i.txt\", \"region\": \"mars\"}\nnot json\n");
  file("i.txt");
  EXPECT_EQ(given("i.txt").status().message().rfind(
                "manifest.jsonl line 1: field 'region': 'mars' is not one of: ", 0),
            0u)
      << given("i.txt").status().message();
  const std::vector<ManifestProblem> problems = resolver_->take_manifest_problems();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].manifest, "manifest.jsonl");
  EXPECT_EQ(problems[0].message.rfind("line 2: metadata is not valid JSON", 0), 0u);
  EXPECT_TRUE(resolver_->take_manifest_problems().empty());  // reported once
}

TEST_F(MetadataResolverTest, ConflictsBetweenSourcesNameThem) {
  json row = kComplete;
  row["file"] = "j.txt";
  row["language"] = "zh";
  row["script"] = "Hant";
  write(root_.path() / "manifest.jsonl", row.dump() + "\n");
  write(file("j.txt").string() + ".json", R"({"language": "fr"})");
  Result<schema::DocRecord> record = resolved("j.txt", english_text());
  ASSERT_FALSE(record.is_ok());
  EXPECT_EQ(record.status().message(),
            "metadata from j.txt.json and manifest.jsonl line 1 and the file: field 'script': is "
            "only for Chinese and must be Hans or Hant");
}

}  // namespace
}  // namespace jil::metadata
