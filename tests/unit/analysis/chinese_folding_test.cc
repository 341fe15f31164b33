// Tests analysis/chinese_folding.cc: Traditional characters fold to Simplified one character at a
// time, so that either script finds both and positions never shift.
#include "analysis/chinese_folding.h"

#include <gtest/gtest.h>
#include <unicode/uscript.h>

#include <string>
#include <string_view>

namespace jil::analysis {
namespace {

icu::UnicodeString from_utf8(std::string_view text) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

std::string simplified(std::string_view text) {
  auto folding = ChineseFolding::create();
  JIL_CHECK(folding.is_ok());
  std::string out;
  (*folding)->simplified(from_utf8(text)).toUTF8String(out);
  return out;
}

TEST(ChineseFolding, HanCharactersAreRecognized) {
  EXPECT_TRUE(is_han(U'法'));
  EXPECT_TRUE(is_han(U'衝'));
  EXPECT_TRUE(is_han(U'𠀀'));   // CJK Extension B, outside the BMP
  EXPECT_FALSE(is_han(U'あ'));  // Hiragana
  EXPECT_FALSE(is_han(U'a'));
  EXPECT_FALSE(is_han(U'。'));
  EXPECT_TRUE(is_han(kFirstHanCodePoint));  // ⺀, the first of the CJK Radicals Supplement
}

// is_han answers below kFirstHanCodePoint without ICU: ICU agrees that none of them is Han.
TEST(ChineseFolding, NoHanCharacterBeforeTheCjkRadicals) {
  for (UChar32 c = 0; c < kFirstHanCodePoint; ++c) {
    UErrorCode status = U_ZERO_ERROR;
    ASSERT_NE(uscript_getScript(c, &status), USCRIPT_HAN) << std::hex << c;
  }
}

TEST(ChineseFolding, TraditionalBecomesSimplified) {
  EXPECT_EQ(simplified("利益衝突"), "利益冲突");
  EXPECT_EQ(simplified("財產申報"), "财产申报");
  EXPECT_EQ(simplified("廉潔"), "廉洁");
  EXPECT_EQ(simplified("審判"), "审判");
  EXPECT_EQ(simplified("賄賂"), "贿赂");
}

TEST(ChineseFolding, SimplifiedIsUnchanged) {
  EXPECT_EQ(simplified("利益冲突"), "利益冲突");
  EXPECT_EQ(simplified("财产申报"), "财产申报");
  EXPECT_EQ(simplified("中国农业发展银行"), "中国农业发展银行");
}

TEST(ChineseFolding, OnlyHanCharactersChange) {
  EXPECT_EQ(simplified("2023年財產 Report"), "2023年财产 Report");
}

TEST(ChineseFolding, EachCharacterStaysOneCharacter) {
  auto folding = ChineseFolding::create();
  ASSERT_TRUE(folding.is_ok());
  const icu::UnicodeString text = from_utf8("中華人民共和國法官法規定法官不得收受賄賂應當迴避");
  for (int32_t index = 0; index < text.length(); index = text.moveIndex32(index, 1)) {
    EXPECT_EQ((*folding)->simplified(text.char32At(index)).countChar32(), 1);
  }
  EXPECT_EQ((*folding)->simplified(text).countChar32(), text.countChar32());
}

}  // namespace
}  // namespace jil::analysis
