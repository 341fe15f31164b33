// Tests search/query_builder.cc with the real Analyzer: query text → Xapian query description,
// so that each operator is checked against the terms the indexer writes.
#include "search/query_builder.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace jil::search {
namespace {

using analysis::Language;

class QueryBuilderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = analysis::Analyzer::create();
    ASSERT_TRUE(analyzer.is_ok()) << analyzer.status().to_string();
    analyzer_ = std::move(analyzer).value();
  }

  Result<BuiltQuery> built(std::string_view text, Language language) {
    Result<QueryNode> tree = parse_query(text);
    EXPECT_TRUE(tree.is_ok()) << tree.status().to_string();
    if (!tree.is_ok()) return tree.status();
    return build_query(*tree, *analyzer_, language);
  }

  // The Xapian description of the built query, or "error: <message>".
  std::string query_of(std::string_view text, Language language) {
    Result<BuiltQuery> query = built(text, language);
    return query.is_ok() ? query->query.get_description() : "error: " + query.status().message();
  }

  std::unique_ptr<analysis::Analyzer> analyzer_;
};

TEST_F(QueryBuilderTest, WordIsASynonymOfItsFormAndStem) {
  EXPECT_EQ(query_of("Judges", Language::kEn), "Query((judges SYNONYM 1 * (Zjudg OR judg)))");
}

// Documents index no Z term for a word that is its own stem ("public"), only the word itself.
TEST_F(QueryBuilderTest, StemThatIsItsOwnWordIsLookedUpUnprefixedToo) {
  EXPECT_EQ(query_of("publicly", Language::kEn),
            "Query((publicly SYNONYM 1 * (Zpublic OR public)))");
}

// Each term once: Xapian's remote backend would merge a repeated one, and sharded answers must
// equal single ones (integration test Shards.TwoRemoteShardsAnswerExactlyAsTheSingleIndex).
TEST_F(QueryBuilderTest, QueryWordThatIsItsOwnStemIsInTheSynonymOnce) {
  EXPECT_EQ(query_of("public", Language::kEn), "Query((public SYNONYM Zpublic))");
}

// "agreed" stems to "agre", whose own stem is "agr": a text with the word "agre" has the Z term
// "Zagr", so "agre" unprefixed would match the wrong documents.
TEST_F(QueryBuilderTest, StemThatIsNotItsOwnStemIsNotLookedUpUnprefixed) {
  EXPECT_EQ(query_of("agreed", Language::kEn), "Query((agreed SYNONYM Zagre))");
}

TEST_F(QueryBuilderTest, WordsAreAllRequired) {
  EXPECT_EQ(
      query_of("judges gifts", Language::kEn),
      "Query(((judges SYNONYM 1 * (Zjudg OR judg)) AND (gifts SYNONYM 1 * (Zgift OR gift))))");
}

TEST_F(QueryBuilderTest, FrenchElisionIsDroppedFromAWord) {
  const std::string query = query_of("l'éducation", Language::kFr);
  EXPECT_EQ(query, "Query((education SYNONYM 1 * (Zeduc OR educ)))");
}

TEST_F(QueryBuilderTest, QuotedWordsMakeAPhraseWithoutStems) {
  EXPECT_EQ(query_of("\"judicial conduct\"", Language::kEn), "Query((judicial PHRASE 2 conduct))");
}

TEST_F(QueryBuilderTest, ChineseWordOfTwoCharactersIsTheirBigram) {
  EXPECT_EQ(query_of("农业", Language::kZh), "Query(农业)");
}

TEST_F(QueryBuilderTest, LongerChineseRunNeedsItsBigramsAndThePhraseOverItsCharacters) {
  EXPECT_EQ(query_of("利益冲突", Language::kZh),
            "Query((利益 AND 益冲 AND 冲突 AND (利 PHRASE 4 益 PHRASE 4 冲 PHRASE 4 突)))");
}

TEST_F(QueryBuilderTest, TraditionalCharactersMakeTheSimplifiedBigram) {
  EXPECT_EQ(query_of("農業", Language::kZh), "Query(农业)");
}

TEST_F(QueryBuilderTest, ChineseRunsApartAreSeparateBigramsAndASingleCharacterIsItself) {
  EXPECT_EQ(query_of("法官 审", Language::kZh), "Query((法官 AND 审))");
}

TEST_F(QueryBuilderTest, OrGivesEither) {
  EXPECT_EQ(query_of("gifts OR hospitality", Language::kEn),
            "Query(((gifts SYNONYM 1 * (Zgift OR gift)) OR (hospitality SYNONYM 1 * (Zhospit OR "
            "hospit))))");
}

TEST_F(QueryBuilderTest, MinusExcludes) {
  EXPECT_EQ(query_of("gifts -hospitality", Language::kEn),
            "Query(((gifts SYNONYM 1 * (Zgift OR gift)) AND_NOT (hospitality SYNONYM 1 * "
            "(Zhospit OR hospit))))");
}

TEST_F(QueryBuilderTest, ExactFormUsesTheExactTerm) {
  EXPECT_EQ(query_of("=Éducation", Language::kFr), "Query(Eéducation)");
}

TEST_F(QueryBuilderTest, ExactFormWithoutAccentsUsesTheUnstemmedForm) {
  EXPECT_EQ(query_of("=Judges", Language::kEn), "Query(judges)");
}

TEST_F(QueryBuilderTest, OnlyExclusionsAreRefused) {
  Result<BuiltQuery> query = built("-a -b", Language::kEn);
  ASSERT_FALSE(query.is_ok());
  EXPECT_EQ(query.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(query.status().message(), "the query only excludes words: add a word to search for");
}

TEST_F(QueryBuilderTest, EmptyOrPunctuationOnlyQueryIsEmpty) {
  for (const char* text : {"", "!!! ...", "\"\""}) {
    Result<BuiltQuery> query = built(text, Language::kEn);
    ASSERT_TRUE(query.is_ok()) << text << ": " << query.status().to_string();
    EXPECT_TRUE(query->query.empty()) << text << ": " << query->query.get_description();
  }
}

TEST_F(QueryBuilderTest, MatchFormsCollectPositiveWordsOnly) {
  Result<BuiltQuery> query =
      built("judges \"conflict of interest\" -gifts -\"social media\"", Language::kEn);
  ASSERT_TRUE(query.is_ok()) << query.status().to_string();
  EXPECT_EQ(query->match_forms, (std::set<std::string>{"conflict", "interest", "judges", "of"}));
  EXPECT_TRUE(query->match_stems.contains("judg"));
  EXPECT_FALSE(query->match_stems.contains("gift"));
}

TEST_F(QueryBuilderTest, UndeterminedLanguageStemsInEveryLatinLanguage) {
  Result<BuiltQuery> query = built("juges", Language::kUnd);
  ASSERT_TRUE(query.is_ok()) << query.status().to_string();
  EXPECT_TRUE(query->match_stems.contains("jug")) << query->query.get_description();
}

// Snowball's French stemmer parts the numbers of some nouns (conflit → confl, conflits →
// conflit): the singular also asks for its plural's stem, the plural for its singular's form.
TEST_F(QueryBuilderTest, FrenchSingularAndPluralThatTheStemmerPartsMeetEachOther) {
  EXPECT_EQ(query_of("conflit", Language::kFr),
            "Query((1 * (conflit OR Zconfl) SYNONYM 1 * (confl OR Zconflit)))");
  EXPECT_EQ(query_of("conflits", Language::kFr),
            "Query((conflits SYNONYM 1 * (Zconflit OR conflit)))");
  EXPECT_EQ(query_of("désirs", Language::kFr), "Query((desirs SYNONYM 1 * (Zdesir OR desir)))");
  Result<BuiltQuery> query = built("délit", Language::kFr);
  ASSERT_TRUE(query.is_ok()) << query.status().to_string();
  EXPECT_TRUE(query->match_stems.contains("delit")) << "the plural's stem, for highlighting";
}

TEST_F(QueryBuilderTest, FrenchNumbersTheStemmerKeepsTogetherAreNotPaired) {
  EXPECT_EQ(query_of("juges", Language::kFr), "Query((juges SYNONYM 1 * (Zjug OR jug)))");
  EXPECT_EQ(query_of("délais", Language::kFr), "Query((delais SYNONYM 1 * (Zdel OR del)))");
}

TEST_F(QueryBuilderTest, FrenchNumbersArePairedOnlyForFrenchOrUnknownReaders) {
  EXPECT_EQ(query_of("conflit", Language::kEn), "Query((conflit SYNONYM Zconflit))");
  EXPECT_NE(query_of("conflit", Language::kUnd).find("Zconflit"), std::string::npos);
  EXPECT_EQ(query_of("=conflit", Language::kFr), "Query(conflit)");
  EXPECT_EQ(query_of("\"conflit\"", Language::kFr), "Query(conflit)");
}

}  // namespace
}  // namespace jil::search
