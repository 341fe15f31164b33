// Tests that analysis/analyzer.cc copes with hostile or odd (but valid UTF-8) text: empty,
// punctuation only, huge words, runs of combining marks, mixed scripts; no term exceeds
// kMaxTermBytes (Xapian refuses terms over 245 bytes, failing the whole document) and none is
// empty (Xapian refuses those too).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "test_analyzer.h"

namespace jil::analysis {
namespace {

std::string repeated(std::string_view piece, size_t count) {
  std::string out;
  out.reserve(piece.size() * count);
  for (size_t index = 0; index < count; ++index) out += piece;
  return out;
}

// Xapian refuses empty terms and terms over 245 bytes; kMaxTermBytes keeps a margin.
void expect_terms_bounded(const std::vector<Token>& tokens) {
  for (const Token& token : tokens) {
    for (const std::string& form : token.forms) {
      EXPECT_FALSE(form.empty()) << "empty form at position " << token.position;
      EXPECT_LE(form.size(), kMaxTermBytes);
    }
    for (const std::string& stem : token.stems) EXPECT_LE(stem.size(), kMaxTermBytes);
    EXPECT_LE(token.exact.size(), kMaxTermBytes) << "exact form of token " << token.position;
  }
}

TEST(Robustness, EmptyTextHasNoTokens) {
  auto analyzer = new_analyzer();
  for (Language language : all_languages()) {
    EXPECT_TRUE(analyzer->analyze("", language).empty());
  }
  EXPECT_TRUE(analyzer->analyze("", Language::kUnd).empty());
}

TEST(Robustness, PunctuationOnlyHasNoTokens) {
  auto analyzer = new_analyzer();
  for (Language language : all_languages()) {
    EXPECT_TRUE(analyzer->analyze("... « » — !? ؟ ، 。，「」 ' ’ \t\n", language).empty());
  }
}

TEST(Robustness, HundredThousandLetterWordIsDroppedButKeepsItsPosition) {
  auto analyzer = new_analyzer();
  for (std::string_view letter : {"a", "é", "ж", "ق"}) {
    const std::vector<Token> tokens =
        analyzer->analyze("court " + repeated(letter, 100'000) + " judge", Language::kUnd);
    expect_terms_bounded(tokens);
    ASSERT_EQ(tokens.size(), 2u) << letter;
    EXPECT_EQ(tokens[0].forms[0], "court");
    EXPECT_EQ(tokens[1].forms[0], "judge");
    EXPECT_EQ(tokens[1].position, 2u);  // so "court judge" is not a phrase across it
  }
}

TEST(Robustness, HundredThousandHanCharactersEachHaveAPosition) {
  auto analyzer = new_analyzer();
  const std::vector<Token> tokens = analyzer->analyze(repeated("法", 100'000), Language::kZh);
  expect_terms_bounded(tokens);
  uint32_t characters = 0;
  for (const Token& token : tokens) {
    if (token.kind == TokenKind::kHanChar) {
      EXPECT_EQ(token.position, characters++);
    }
  }
  EXPECT_EQ(characters, 100'000u);
}

TEST(Robustness, CombiningMarksWithoutBaseGiveNoTerms) {
  auto analyzer = new_analyzer();
  const std::vector<Token> tokens =
      analyzer->analyze(repeated("\u0301", 10'000) + " juge", Language::kFr);
  expect_terms_bounded(tokens);
  ASSERT_FALSE(tokens.empty());
  EXPECT_EQ(tokens.back().forms[0], "juge");
}

// The folded form drops the marks and passes the length check; the exact form keeps them all.
TEST(Robustness, ExactFormOfManyCombiningMarksIsBounded) {
  auto analyzer = new_analyzer();
  expect_terms_bounded(analyzer->analyze("e" + repeated("\u0301", 10'000), Language::kFr));
  expect_terms_bounded(analyzer->analyze("ق" + repeated("\u064E", 10'000), Language::kAr));
  expect_terms_bounded(analyzer->analyze(repeated("é", 100), Language::kFr));
  expect_terms_bounded(analyzer->analyze("法" + repeated("\u0301", 10'000), Language::kZh));
}

TEST(Robustness, IgnorableCharactersInsideHanRunsMakeNoEmptyToken) {
  auto analyzer = new_analyzer();
  // A zero-width joiner, a byte order mark, a word joiner and a soft hyphen between Han
  // characters: ICU keeps them inside the run, and they fold to nothing.
  for (const char* text : {"法官\xE2\x80\x8D独立", "法官\xEF\xBB\xBF独立", "法官\xE2\x81\xA0独立",
                           "法官\xC2\xAD独立"}) {
    const std::vector<Token> tokens = analyzer->analyze(text, Language::kZh);
    size_t characters = 0;
    for (const Token& token : tokens) {
      for (const std::string& form : token.forms) EXPECT_FALSE(form.empty()) << text;
      if (token.kind == TokenKind::kHanChar) {
        EXPECT_EQ(token.position, characters) << text;  // 法 官 独 立: 0 to 3
        ++characters;
      }
    }
    EXPECT_EQ(characters, 4u) << text;
  }
}

TEST(Robustness, MixedScriptsAreSeparateWordsWithTheirOwnRules) {
  auto analyzer = new_analyzer();
  const std::vector<Token> tokens =
      analyzer->analyze("Judges Петрова 法官 والقضاة l'éducation 2023", Language::kUnd);
  expect_terms_bounded(tokens);
  ASSERT_EQ(tokens.size(), 8u);
  std::vector<std::string> first_forms;
  std::vector<uint32_t> positions;
  for (const Token& token : tokens) {
    first_forms.push_back(token.forms[0]);
    positions.push_back(token.position);
  }
  EXPECT_EQ(first_forms, (std::vector<std::string>{"judges", "петрова", "法", "官", "法官",
                                                   "والقضاه", "education", "2023"}));
  EXPECT_EQ(positions, (std::vector<uint32_t>{0, 1, 2, 3, 2, 4, 5, 6}));
  EXPECT_TRUE(contains(tokens[0].stems, "judg"));
  EXPECT_TRUE(contains(tokens[5].forms, "قضاه"));
}

}  // namespace
}  // namespace jil::analysis
