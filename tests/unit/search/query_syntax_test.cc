// Tests search/query_syntax.cc as rows of query text → canonical tree (describe()), and each
// malformed or oversized query → its error code and message.
#include "search/query_syntax.h"

#include <gtest/gtest.h>

#include <string>

namespace jil::search {
namespace {

// describe() of the parsed tree, or "error: <message>".
std::string tree_of(std::string_view query) {
  Result<QueryNode> tree = parse_query(query);
  return tree.is_ok() ? describe(*tree) : "error: " + tree.status().message();
}

std::string nested(int depth, const std::string& inner) {
  return std::string(depth, '(') + inner + std::string(depth, ')');
}

TEST(QuerySyntax, WordsAreAllRequired) {
  EXPECT_EQ(tree_of("judge"), "AND(word:judge)");
  EXPECT_EQ(tree_of("judicial  ethics"), "AND(word:judicial, word:ethics)");
  EXPECT_EQ(tree_of("l'éducation 法官"), "AND(word:l'éducation, word:法官)");
}

TEST(QuerySyntax, EmptyOrBlankQueryIsAnEmptyAnd) {
  EXPECT_EQ(tree_of(""), "AND()");
  EXPECT_EQ(tree_of(" \t\r\n "), "AND()");
}

TEST(QuerySyntax, NoBreakAndIdeographicSpacesSeparateWords) {
  EXPECT_EQ(tree_of("judicial\u00A0ethics\u3000法官"),
            "AND(word:judicial, word:ethics, word:法官)");
}

TEST(QuerySyntax, QuotesMakeAPhrase) {
  EXPECT_EQ(tree_of("\"conflict of interest\" gifts"),
            "AND(phrase:conflict of interest, word:gifts)");
  EXPECT_EQ(tree_of("a\"b c\""), "AND(word:a, phrase:b c)");
}

TEST(QuerySyntax, LeadingMinusExcludes) {
  EXPECT_EQ(tree_of("gifts -hospitality"), "AND(word:gifts, NOT(word:hospitality))");
  EXPECT_EQ(tree_of("gifts -\"social media\""), "AND(word:gifts, NOT(phrase:social media))");
  EXPECT_EQ(tree_of("gifts (-media)"), "AND(word:gifts, AND(NOT(word:media)))");
}

TEST(QuerySyntax, InnerHyphenIsPartOfTheWord) {
  EXPECT_EQ(tree_of("case-assignment"), "AND(word:case-assignment)");
  EXPECT_EQ(tree_of("\"x\"-y"), "AND(phrase:x, word:-y)");
}

TEST(QuerySyntax, OnlyNegativeQueryIsParsed) {
  // The builder, not the parser, refuses it: see QueryBuilder.OnlyExclusionsAreRefused.
  EXPECT_EQ(tree_of("-a -b"), "AND(NOT(word:a), NOT(word:b))");
}

TEST(QuerySyntax, UpperCaseOrMeansEither) {
  EXPECT_EQ(tree_of("gifts OR hospitality"), "OR(AND(word:gifts), AND(word:hospitality))");
  EXPECT_EQ(tree_of("a b OR c"), "OR(AND(word:a, word:b), AND(word:c))");
  EXPECT_EQ(tree_of("gifts or hospitality"), "AND(word:gifts, word:or, word:hospitality)");
}

TEST(QuerySyntax, EqualsSignAsksForTheExactForm) {
  EXPECT_EQ(tree_of("=Juge juges"), "AND(exact:Juge, word:juges)");
  EXPECT_EQ(tree_of("="), "AND(word:=)");
}

TEST(QuerySyntax, ParenthesesGroup) {
  EXPECT_EQ(tree_of("(gifts OR hospitality) judges"),
            "AND(OR(AND(word:gifts), AND(word:hospitality)), word:judges)");
  EXPECT_EQ(tree_of("-(a b)"), "AND(NOT(AND(word:a, word:b)))");
  EXPECT_EQ(tree_of("()"), "AND(AND())");
}

TEST(QuerySyntax, UnterminatedQuoteIsAnError) {
  Result<QueryNode> tree = parse_query("\"judicial ethics");
  ASSERT_FALSE(tree.is_ok());
  EXPECT_EQ(tree.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(tree.status().message(), "unterminated phrase: add a closing \" to the query");
}

TEST(QuerySyntax, OrNeedsAWordOnEachSide) {
  for (const char* query : {"OR gifts", "gifts OR", "a OR OR b", "(a OR)", "(OR a)"}) {
    EXPECT_EQ(tree_of(query), "error: OR needs a word on each side") << query;
  }
}

TEST(QuerySyntax, MinusNeedsSomethingToExclude) {
  for (const char* query : {"-", "gifts -", "- -a", "a -OR b", "(a -)"}) {
    EXPECT_EQ(tree_of(query), "error: '-' must be followed by the word or phrase to exclude")
        << query;
  }
}

TEST(QuerySyntax, UnbalancedParenthesesAreErrors) {
  EXPECT_EQ(tree_of("(gifts"), "error: unbalanced '(' in the query");
  EXPECT_EQ(tree_of("gifts)"), "error: unbalanced ')' in the query");
  EXPECT_EQ(tree_of(")("), "error: unbalanced ')' in the query");
}

TEST(QuerySyntax, NestingIsCappedAtEightLevels) {
  // Each bracket level adds one AND around the single word.
  EXPECT_EQ(tree_of(nested(kMaxQueryDepth, "a")),
            std::string("AND(AND(AND(AND(AND(AND(AND(AND(AND(word:a") + ")))))))))");
  Result<QueryNode> too_deep = parse_query(nested(kMaxQueryDepth + 1, "a"));
  ASSERT_FALSE(too_deep.is_ok());
  EXPECT_EQ(too_deep.status().code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(too_deep.status().message(), "the query nests brackets deeper than 8 levels");
}

TEST(QuerySyntax, VeryDeepNestingFailsWithoutRecursingFurther) {
  EXPECT_EQ(tree_of(nested(400, "a")), "error: the query nests brackets deeper than 8 levels");
}

TEST(QuerySyntax, AtMostThirtyTwoWordsAndPhrases) {
  std::string query;
  for (size_t index = 0; index < kMaxQueryTerms; ++index)
    query += "w" + std::to_string(index) + " ";
  EXPECT_TRUE(parse_query(query).is_ok());
  query += "\"one more\"";
  Result<QueryNode> tree = parse_query(query);
  ASSERT_FALSE(tree.is_ok());
  EXPECT_EQ(tree.status().code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(tree.status().message(), "the query has more than 32 words and phrases");
}

TEST(QuerySyntax, AtMostOneThousandBytes) {
  EXPECT_TRUE(parse_query(std::string(kMaxQueryBytes, 'a')).is_ok());
  Result<QueryNode> tree = parse_query(std::string(kMaxQueryBytes + 1, 'a'));
  ASSERT_FALSE(tree.is_ok());
  EXPECT_EQ(tree.status().code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(tree.status().message(), "the query is longer than 1000 bytes");
}

}  // namespace
}  // namespace jil::search
