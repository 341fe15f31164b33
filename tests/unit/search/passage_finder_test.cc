// Tests search/passage_finder.cc on real on-disk indexes written through the document builder:
// the passage of a long body around its matches comes from Xapian's positions and the stored
// snippet blocks, for forms and for other forms of a query stem, in English and Chinese; matches
// that echo the title at the text's opening give way to others.
#include "search/passage_finder.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "numbered_words.h"
#include "schema/document_builder.h"
#include "schema/document_data.h"
#include "search/query_builder.h"
#include "temporary_directory.h"

namespace jil::search {
namespace {

using analysis::Language;

class PassageFinderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = analysis::Analyzer::create();
    ASSERT_TRUE(analyzer.is_ok()) << analyzer.status().to_string();
    analyzer_ = std::move(analyzer).value();
  }

  // Indexes one document with `text` as its body; its docid.
  Xapian::docid add(const std::string& text, Language language) {
    schema::DocRecord record;
    record.id = "doc-" + std::to_string(++added_);
    record.work = record.id;
    record.title = "Title words";
    record.summary = "A summary";
    record.language = language;
    record.year = 2020;
    record.text = text;
    auto builder = schema::DocumentBuilder::create(*analyzer_);
    EXPECT_TRUE(builder.is_ok());
    return writer_.add_document((*builder)->build(record, "fingerprint"));
  }

  // The passage of document `docid` for `query`, and its text.
  std::optional<Passage> find(Xapian::docid docid, const std::string& query, Language language,
                              std::string& text) {
    writer_.commit();
    Result<schema::HitData> data =
        schema::read_hit_data(stored_ = writer_.get_document(docid).get_data(), decompressor_);
    EXPECT_TRUE(data.is_ok()) << data.status().to_string();
    text = *schema::read_text(*data, 0, data->text_size, decompressor_);
    Result<BuiltQuery> built = build_query(*parse_query(query), *analyzer_, language);
    EXPECT_TRUE(built.is_ok());
    forms_ = built->match_forms;
    stems_ = built->match_stems;
    PassageFinder finder(writer_, *analyzer_, forms_, stems_);
    return finder.find(docid, data->blocks, data->text_size, language, 30);
  }

  TemporaryDirectory directory_;
  Xapian::WritableDatabase writer_{(directory_.path() / "index").string(), Xapian::DB_CREATE};
  std::unique_ptr<analysis::Analyzer> analyzer_;
  std::set<std::string> forms_;
  std::set<std::string> stems_;
  std::string stored_;
  schema::BlockDecompressor decompressor_;  // the builder makes data without a dictionary
  int added_ = 0;
};

TEST_F(PassageFinderTest, PassageOfADeepMatchIsSmallAndHoldsIt) {
  const Xapian::docid docid = add(words_with(20000, 15000, "recusal"), Language::kEn);
  std::string text;
  const std::optional<Passage> passage = find(docid, "recusal", Language::kEn, text);
  ASSERT_TRUE(passage.has_value());
  const std::string_view cut =
      std::string_view(text).substr(passage->begin, passage->end - passage->begin);
  EXPECT_NE(cut.find("recusal"), std::string_view::npos);
  EXPECT_LT(cut.size(), 1500u);  // about three windows of words, never the whole text
  EXPECT_GT(passage->begin, 0u);
}

TEST_F(PassageFinderTest, OtherFormOfTheQueryStemIsFound) {
  const Xapian::docid docid = add(words_with(3000, 2000, "judges"), Language::kEn);
  std::string text;
  const std::optional<Passage> passage = find(docid, "judge", Language::kEn, text);
  ASSERT_TRUE(passage.has_value());
  EXPECT_NE(text.substr(passage->begin, passage->end - passage->begin).find("judges"),
            std::string::npos);
}

TEST_F(PassageFinderTest, WindowWithMostDistinctQueryWordsWins) {
  std::string text = words_with(3000, 500, "gifts");
  text += " gifts w w w w hospitality w w";  // both words, near the end
  const Xapian::docid docid = add(text, Language::kEn);
  std::string stored;
  const std::optional<Passage> passage = find(docid, "gifts hospitality", Language::kEn, stored);
  ASSERT_TRUE(passage.has_value());
  const std::string cut = stored.substr(passage->begin, passage->end - passage->begin);
  EXPECT_NE(cut.find("hospitality"), std::string::npos);
  EXPECT_NE(cut.find("gifts"), std::string::npos);
}

TEST_F(PassageFinderTest, ChineseMatchIsFoundByItsCharacters) {
  std::string text;
  for (int index = 0; index < 400; ++index) text += "我们在这里工作。";
  text += "法官必须独立。";
  const Xapian::docid docid = add(text, Language::kZh);
  std::string stored;
  const std::optional<Passage> passage = find(docid, "法官", Language::kZh, stored);
  ASSERT_TRUE(passage.has_value());
  EXPECT_NE(stored.substr(passage->begin, passage->end - passage->begin).find("法官"),
            std::string::npos);
  EXPECT_GT(passage->begin, 0u);
}

TEST_F(PassageFinderTest, MatchOnlyInTheTitleGivesNoPassage) {
  const Xapian::docid docid = add(words_with(100, 1000, ""), Language::kEn);
  std::string text;
  EXPECT_FALSE(find(docid, "title", Language::kEn, text).has_value());
}

// Every document here is titled "Title words"; most texts open with their title.
TEST_F(PassageFinderTest, TitleEchoAtTheOpeningGivesWayToAMatchFurtherOn) {
  const Xapian::docid docid =
      add("Title words\n\nPublisher, 2020\n\n" + words_with(3000, 1500, "title"), Language::kEn);
  std::string text;
  const std::optional<Passage> passage = find(docid, "title", Language::kEn, text);
  ASSERT_TRUE(passage.has_value());
  EXPECT_GT(passage->begin, 0u);
  EXPECT_NE(text.substr(passage->begin, passage->end - passage->begin).find("title"),
            std::string::npos);
  EXPECT_EQ(passage->title_echo_words, 0u);
}

TEST_F(PassageFinderTest, TitleEchoIsThePassageWhenTheBodyHasNoOtherMatch) {
  const Xapian::docid docid = add("Title words\n\n" + words_with(3000, 9999, ""), Language::kEn);
  std::string text;
  const std::optional<Passage> passage = find(docid, "title", Language::kEn, text);
  ASSERT_TRUE(passage.has_value());
  EXPECT_EQ(passage->begin, 0u);
  EXPECT_EQ(passage->title_echo_words, 0u);
}

TEST_F(PassageFinderTest, AnEchoAfterAHeadingIsCountedInThePassagesWords) {
  // The title at body words 30-31 (behind a heading), "gifts" at 37: the passage starts at the
  // second block of 16 words, whose first 15 words hold the echo's end.
  std::string text = words_with(30, 99, "");
  text += " Title words w32 w33 w34 w35 w36 gifts " + words_with(200, 999, "");
  const Xapian::docid docid = add(text, Language::kEn);
  std::string stored;
  const std::optional<Passage> passage = find(docid, "title gifts", Language::kEn, stored);
  ASSERT_TRUE(passage.has_value());
  EXPECT_NE(stored.substr(passage->begin, passage->end - passage->begin).find("gifts"),
            std::string::npos);
  EXPECT_EQ(passage->title_echo_words, 15u);
}

TEST_F(PassageFinderTest, OpeningCoversTheFirstWindowOnly) {
  const Xapian::docid docid = add(words_with(5000, 9999, ""), Language::kEn);
  std::string text;
  find(docid, "absent", Language::kEn, text);
  Result<schema::HitData> data = schema::read_hit_data(stored_, decompressor_);
  ASSERT_TRUE(data.is_ok());
  const Passage opening = PassageFinder::opening(data->blocks, text.size(), 30);
  EXPECT_EQ(opening.begin, 0u);
  EXPECT_NE(text.substr(0, opening.end).find("w40"), std::string::npos);
  EXPECT_LT(opening.end, 600u);
}

}  // namespace
}  // namespace jil::search
