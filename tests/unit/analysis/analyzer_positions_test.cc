// Tests the positions and offsets of analysis/analyzer.cc: one position per word whatever its
// number of forms, so that phrase queries work, and byte offsets that point at the surface word.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"
#include "test_analyzer.h"

namespace jil::analysis {
namespace {

std::vector<uint32_t> positions(const std::vector<Token>& tokens) {
  std::vector<uint32_t> out;
  for (const Token& token : tokens) out.push_back(token.position);
  return out;
}

using Positions = std::vector<uint32_t>;

TEST(Positions, OneStepPerWordNotPerForm) {
  auto analyzer = new_analyzer();
  // والقضاة has four forms (the singular قاضي too) and بالمحكمة three, yet each takes one
  // position.
  const std::vector<Token> arabic = analyzer->analyze("والقضاة مستقلون بالمحكمة", Language::kAr);
  ASSERT_EQ(arabic.size(), 3u);
  EXPECT_EQ(arabic[0].forms.size(), 4u);
  EXPECT_EQ(positions(arabic), (Positions{0, 1, 2}));
  EXPECT_EQ(positions(analyzer->analyze("l'éducation des juges", Language::kFr)),
            (Positions{0, 1, 2}));
  EXPECT_EQ(positions(analyzer->analyze("the judge's duty of impartiality", Language::kEn)),
            (Positions{0, 1, 2, 3, 4}));
}

TEST(Positions, HanWordDoesNotTakeAPosition) {
  auto analyzer = new_analyzer();
  // 法 官 | 法官 | 2023 | 年: the dictionary word shares position 0; the next word is 2.
  const std::vector<Token> tokens = analyzer->analyze("法官 2023年", Language::kZh);
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(positions(tokens), (Positions{0, 1, 0, 2, 3}));
  EXPECT_EQ(tokens[2].kind, TokenKind::kHanWord);
}

TEST(Positions, PhraseHasTheSameGapsInAQueryAndInADocument) {
  auto analyzer = new_analyzer();
  const std::vector<Token> query = analyzer->analyze("conflit d'intérêts", Language::kFr);
  const std::vector<Token> document =
      analyzer->analyze("Le juge déclare tout conflit d’intérêts.", Language::kFr);
  ASSERT_EQ(query.size(), 2u);
  ASSERT_EQ(document.size(), 6u);
  EXPECT_EQ(document[4].forms, query[0].forms);
  EXPECT_EQ(document[5].forms, query[1].forms);
  EXPECT_EQ(document[5].position - document[4].position, query[1].position - query[0].position);
}

TEST(Offsets, PointAtTheSurfaceWord) {
  auto analyzer = new_analyzer();
  const std::string text = "Le juge — l’éducation, 法官 et القضاة";
  std::vector<std::string> surfaces;
  for (const Token& token : analyzer->analyze(text, Language::kFr)) {
    surfaces.push_back(text.substr(token.utf8_begin, token.utf8_end - token.utf8_begin));
  }
  EXPECT_EQ(surfaces, (std::vector<std::string>{"Le", "juge", "l’éducation", "法", "官", "法官",
                                                "et", "القضاة"}));
}

}  // namespace
}  // namespace jil::analysis
