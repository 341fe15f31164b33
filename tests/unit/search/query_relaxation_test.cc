// Tests search/query_relaxation.cc with the real Analyzer: a plain query's words become
// alternatives, exclusions stay, phrases and OR groups stay whole, a Han run is split into its
// dictionary words, and a query that cannot widen is left alone.
#include "search/query_relaxation.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace jil::search {
namespace {

using analysis::Language;

class QueryRelaxationTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto analyzer = analysis::Analyzer::create();
    ASSERT_TRUE(analyzer.is_ok()) << analyzer.status().to_string();
    analyzer_ = std::move(analyzer).value().release();
  }
  static void TearDownTestSuite() { delete analyzer_; }

  // The relaxed tree of `query`, described; "none" when it is not relaxed.
  static std::string relaxed(const std::string& query, Language language = Language::kEn) {
    Result<QueryNode> tree = parse_query(query);
    EXPECT_TRUE(tree.is_ok()) << tree.status().to_string();
    if (!tree.is_ok()) return "";
    const std::optional<QueryNode> wider = relaxed_query(*tree, *analyzer_, language);
    return wider ? describe(*wider) : "none";
  }

  static analysis::Analyzer* analyzer_;
};

analysis::Analyzer* QueryRelaxationTest::analyzer_ = nullptr;

TEST_F(QueryRelaxationTest, EveryWordBecomesAnAlternative) {
  EXPECT_EQ(relaxed("how should judges use social media"),
            "AND(OR(word:how, word:should, word:judges, word:use, word:social, word:media))");
}

TEST_F(QueryRelaxationTest, ExclusionsStayAndPhrasesAndGroupsStayWhole) {
  EXPECT_EQ(relaxed("judges ethics -gifts"), "AND(OR(word:judges, word:ethics), NOT(word:gifts))");
  EXPECT_EQ(relaxed("\"conflict of interest\" (gifts OR hospitality) =Judges"),
            "AND(OR(phrase:conflict of interest, OR(AND(word:gifts), AND(word:hospitality)), "
            "exact:Judges))");
}

TEST_F(QueryRelaxationTest, AQueryThatCannotWidenIsLeftAlone) {
  EXPECT_EQ(relaxed("judges"), "none");
  EXPECT_EQ(relaxed("judges -gifts"), "none");
  EXPECT_EQ(relaxed("gifts OR hospitality"), "none");
  EXPECT_EQ(relaxed("whistle-blower"), "none");  // one word of two parts stays one word
  EXPECT_EQ(relaxed("\"social media\""), "none");
  EXPECT_EQ(relaxed(""), "none");
}

TEST_F(QueryRelaxationTest, AHanRunIsSplitIntoItsDictionaryWords) {
  Result<QueryNode> tree = parse_query("法官可以收礼吗");
  ASSERT_TRUE(tree.is_ok());
  const std::optional<QueryNode> wider = relaxed_query(*tree, *analyzer_, Language::kZh);
  ASSERT_TRUE(wider.has_value());
  ASSERT_EQ(wider->children.size(), 1u);
  const QueryNode& either = wider->children.front();
  ASSERT_EQ(either.kind, QueryNode::Kind::kOr);
  ASSERT_GE(either.children.size(), 3u);
  std::string joined;
  for (const QueryNode& piece : either.children) {
    EXPECT_EQ(piece.kind, QueryNode::Kind::kWord);
    joined += piece.text;
  }
  EXPECT_EQ(joined, "法官可以收礼吗");  // every character once, in order
  EXPECT_EQ(either.children.front().text, "法官");
  // A Han run beside other words: each is split, the others stay.
  EXPECT_EQ(relaxed("法官 ethics", Language::kZh), "AND(OR(word:法官, word:ethics))");
  EXPECT_EQ(relaxed("法官伦理 ethics", Language::kZh),
            "AND(OR(word:法官, word:伦理, word:ethics))");
}

}  // namespace
}  // namespace jil::search
