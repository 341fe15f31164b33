// Tests search/suggester.cc and search/spelling_suggester.cc over a real glass database on disk
// built from the sample documents as jil-indexer builds it (title words and spelling words).
#include "search/suggester.h"

#include <gtest/gtest.h>

#include "sample_documents.h"
#include "schema/spelling_words.h"
#include "search/spelling_suggester.h"
#include "temporary_directory.h"

namespace jil::search {
namespace {

using analysis::Language;

class SuggesterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = analysis::Analyzer::create();
    ASSERT_TRUE(analyzer.is_ok());
    analyzer_ = std::move(analyzer).value();
    auto builder = schema::DocumentBuilder::create(*analyzer_);
    ASSERT_TRUE(builder.is_ok());
    Xapian::WritableDatabase writable((directory_.path() / "index").string(),
                                      Xapian::DB_CREATE_OR_OPEN);
    schema::stamp_versions(writable);
    std::vector<schema::DocRecord> records = sample_documents();
    // The spelling dictionary holds the words of two documents or more: a second document for
    // the words the corrections below lead to.
    records.push_back(sample_record("second-opinion", "second-opinion", Language::kAr, "report",
                                    2020, "رأي ثان", {"judicial-ethics"},
                                    "Impartiality: القضاة مستقلون. Déontologie."));
    for (const schema::DocRecord& record : records) {
      const std::string id_term = schema::term(schema::kIdPrefix, record.id);
      const Xapian::Document document = (*builder)->build(record, "fingerprint");
      schema::replace_with_spelling_words(writable, id_term, &document);
    }
    writable.commit();
    database_ = Xapian::Database((directory_.path() / "index").string());
  }

  std::vector<std::string> words(const std::string& text, Language language) {
    std::vector<std::string> out;
    for (const auto& term : suggest(database_, *analyzer_, text, language).terms) {
      out.push_back(term.completion + ":" + std::to_string(term.documents));
    }
    return out;
  }

  std::string corrected(const std::string& query, Language language = Language::kUnd) {
    Result<QueryNode> tree = parse_query(query);
    EXPECT_TRUE(tree.is_ok());
    return spelling_suggestion(database_, *analyzer_, *tree, query, language);
  }

  TemporaryDirectory directory_;
  std::unique_ptr<analysis::Analyzer> analyzer_;
  Xapian::Database database_;
};

TEST_F(SuggesterTest, CompletesTheLastWordWithTitleWordsMostFrequentFirst) {
  EXPECT_EQ(words("co", Language::kUnd), (std::vector<std::string>{"code:2", "conduct:1"}));
  EXPECT_EQ(words("rules of jud", Language::kEn),
            (std::vector<std::string>{"rules of judicial:1"}));
  EXPECT_EQ(words("jud", Language::kFr), (std::vector<std::string>{"judiciaire:1"}));
  const Suggestions found = suggest(database_, *analyzer_, "hosp", Language::kEn);
  ASSERT_EQ(found.titles.size(), 1u);
  EXPECT_EQ(found.titles[0].id, "gifts-en");
  EXPECT_EQ(found.titles[0].title, "Apple gifts and hospitality");
  EXPECT_EQ(found.titles[0].language, "en");
}

// The reader's language's title words come first, then the others, each most frequent first.
TEST_F(SuggesterTest, TheReadersLanguageComesFirst) {
  const auto completions = [&](Language home) {
    std::vector<std::string> out;
    for (const auto& term : suggest(database_, *analyzer_, "jud", Language::kUnd, home).terms) {
      out.push_back(term.word);
    }
    return out;
  };
  const std::vector<std::string> anyone = completions(Language::kUnd);
  const std::vector<std::string> french = completions(Language::kFr);
  ASSERT_FALSE(french.empty());
  EXPECT_EQ(french.front(), "judiciaire");
  EXPECT_EQ(std::set<std::string>(anyone.begin(), anyone.end()),
            std::set<std::string>(french.begin(), french.end()))
      << "the same words, in another order";
  const std::vector<std::string> english = completions(Language::kEn);
  EXPECT_NE(english.front(), "judiciaire");
}

TEST_F(SuggesterTest, TheSyntaxTypedBeforeTheWordStaysInTheCompletion) {
  EXPECT_EQ(words("(jud", Language::kEn), (std::vector<std::string>{"(judicial:1"}));
  EXPECT_EQ(words("\"jud", Language::kEn), (std::vector<std::string>{"\"judicial:1"}));
  EXPECT_EQ(words("gifts -(jud", Language::kEn), (std::vector<std::string>{"gifts -(judicial:1"}));
  EXPECT_EQ(words("=jud", Language::kEn), (std::vector<std::string>{"=judicial:1"}));
}

TEST_F(SuggesterTest, FoldsThePrefixAndShowsTheAccentedWord) {
  EXPECT_EQ(words("deon", Language::kUnd), (std::vector<std::string>{"déontologie:1"}));
  EXPECT_EQ(words("DÉON", Language::kFr), (std::vector<std::string>{"déontologie:1"}));
  EXPECT_EQ(words("نزا", Language::kAr), (std::vector<std::string>{"نزاهة:1"}));
  EXPECT_EQ(words("法", Language::kZh), (std::vector<std::string>{"法官:1"}));
}

TEST_F(SuggesterTest, TooShortOrUnknownGivesNothing) {
  EXPECT_TRUE(words("c", Language::kUnd).empty());
  EXPECT_TRUE(words("", Language::kUnd).empty());
  EXPECT_TRUE(words("code ", Language::kUnd).empty());
  EXPECT_TRUE(words("zzz", Language::kUnd).empty());
  EXPECT_TRUE(words("co", Language::kRu).empty());
}

TEST_F(SuggesterTest, SpellingCorrectsUnknownWordsOnly) {
  EXPECT_EQ(corrected("impartialty"), "impartiality");
  EXPECT_EQ(corrected("jdges independence"), "judges independence");
  EXPECT_EQ(corrected("مستقلوا"), "مستقلون");
  EXPECT_EQ(corrected("judges"), "") << "a known word";
  EXPECT_EQ(corrected("\"jdges decide\""), "") << "phrases are left alone";
  EXPECT_EQ(corrected("judges -impartialty"), "") << "excluded words are left alone";
  EXPECT_EQ(corrected("=jdges"), "") << "exact words are left alone";
  EXPECT_EQ(corrected("qqqqqq"), "") << "nothing close";
  EXPECT_EQ(corrected("法管"), "") << "no Han spelling";
  EXPECT_EQ(corrected("hospitalty"), "") << "\"hospitality\" is a word of one document";
}

// The dictionary's words are folded; the correction is shown as a title writes the word.
TEST_F(SuggesterTest, SpellingCorrectionsKeepTheAccentsOfTheTitles) {
  EXPECT_EQ(corrected("deontologei"), "déontologie");
  EXPECT_EQ(corrected("deontologei", Language::kFr), "déontologie");
  EXPECT_EQ(corrected("impartialty"), "impartiality") << "no accents to restore";
}

}  // namespace
}  // namespace jil::search
