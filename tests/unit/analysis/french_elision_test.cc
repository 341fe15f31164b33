// Tests analysis/french_elision.cc: French elided articles and pronouns are split from the word
// that follows, and an English possessive 's is removed.
#include "analysis/french_elision.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace jil::analysis {
namespace {

icu::UnicodeString from_utf8(std::string_view text) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

std::string without_elision(std::string_view word) {
  std::string out;
  strip_french_elision(from_utf8(word)).toUTF8String(out);
  return out;
}

std::string without_possessive(std::string_view word) {
  std::string out;
  strip_english_possessive(from_utf8(word)).toUTF8String(out);
  return out;
}

TEST(FrenchElision, ElidedArticleIsDropped) {
  EXPECT_EQ(without_elision("l'éducation"), "éducation");
  EXPECT_EQ(without_elision("d'intérêts"), "intérêts");
  EXPECT_EQ(without_elision("qu'il"), "il");
}

TEST(FrenchElision, ElidedPronounsAndConjunctionsAreDropped) {
  EXPECT_EQ(without_elision("c'est"), "est");
  EXPECT_EQ(without_elision("s'abstenir"), "abstenir");
  EXPECT_EQ(without_elision("n'a"), "a");
  EXPECT_EQ(without_elision("j'ai"), "ai");
  EXPECT_EQ(without_elision("m'a"), "a");
  EXPECT_EQ(without_elision("t'a"), "a");
  EXPECT_EQ(without_elision("jusqu'à"), "à");
  EXPECT_EQ(without_elision("lorsqu'il"), "il");
  EXPECT_EQ(without_elision("puisqu'elle"), "elle");
  EXPECT_EQ(without_elision("quoiqu'on"), "on");
  EXPECT_EQ(without_elision("presqu'île"), "île");
}

TEST(FrenchElision, InnerApostropheIsKept) {
  EXPECT_EQ(without_elision("aujourd'hui"), "aujourd'hui");
  EXPECT_EQ(without_elision("prud'homme"), "prud'homme");
}

TEST(FrenchElision, PrefixAloneIsKept) {
  EXPECT_EQ(without_elision("l'"), "l'");
  EXPECT_EQ(without_elision("qu'"), "qu'");
}

TEST(FrenchElision, WordWithoutElisionIsUnchanged) {
  EXPECT_EQ(without_elision("juges"), "juges");
  EXPECT_EQ(without_elision("la"), "la");
}

TEST(EnglishPossessive, TrailingApostropheSIsRemoved) {
  EXPECT_EQ(without_possessive("judge's"), "judge");
  EXPECT_EQ(without_possessive("court's"), "court");
}

TEST(EnglishPossessive, OtherWordsAreUnchanged) {
  EXPECT_EQ(without_possessive("judges"), "judges");
  EXPECT_EQ(without_possessive("'s"), "'s");
  EXPECT_EQ(without_possessive("don't"), "don't");
  EXPECT_EQ(without_possessive("o'brien"), "o'brien");
}

}  // namespace
}  // namespace jil::analysis
