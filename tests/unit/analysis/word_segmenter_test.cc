// Tests analysis/word_segmenter.cc: ICU word spans, without spaces and punctuation, with UTF-8
// offsets that point back into the original text and the ideographic flag for Han runs.
#include "analysis/word_segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace jil::analysis {
namespace {

// Each span as the UTF-8 text it points to, with "*" appended when it is ideographic.
// With `han_runs`, through segment_han_as_runs.
std::vector<std::string> words(std::string_view utf8_text, Language language,
                               bool han_runs = false) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8_text.data(), static_cast<int32_t>(utf8_text.size())));
  WordSpanSegmenter segmenter;
  std::vector<std::string> out;
  const std::vector<WordSpan> spans =
      han_runs ? segmenter.segment_han_as_runs(text, language) : segmenter.segment(text, language);
  for (const WordSpan& span : spans) {
    std::string word(utf8_text.substr(span.utf8_begin, span.utf8_end - span.utf8_begin));
    std::string from_utf16;
    text.tempSubStringBetween(span.utf16_begin, span.utf16_end).toUTF8String(from_utf16);
    EXPECT_EQ(word, from_utf16) << "UTF-8 and UTF-16 offsets disagree";
    out.push_back(span.ideographic ? word + "*" : word);
  }
  return out;
}

using Words = std::vector<std::string>;

TEST(WordSegmenter, SpacesAndPunctuationAreSkipped) {
  EXPECT_EQ(words("Le juge, l'avocat et le greffier.", Language::kFr),
            (Words{"Le", "juge", "l'avocat", "et", "le", "greffier"}));
  EXPECT_EQ(words("« — ... ! ? »", Language::kFr), Words{});
  EXPECT_EQ(words("", Language::kEn), Words{});
}

TEST(WordSegmenter, Utf8OffsetsCountBytes) {
  // Two-byte Cyrillic, three-byte punctuation and an emoji outside the BMP before the last word.
  EXPECT_EQ(words("Судья — 🙂 независим", Language::kRu),
            (Words{"Судья", "независим"}));
  EXPECT_EQ(words("القاضي، المحكمة", Language::kAr), (Words{"القاضي", "المحكمة"}));
}

TEST(WordSegmenter, Utf8OffsetsCountFourByteCharactersInsideWords) {
  // U+20000 and U+2A6D6 (Han, outside the BMP: a surrogate pair each), mathematical letters, an
  // emoji between words; words() checks every span's UTF-8 text against its UTF-16 text.
  const std::vector<std::string> found =
      words("法𠀀官 𝐀𝐁c 🙂 judge 𪛖 ok 1𝟐3", Language::kZh);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.back(), "1𝟐3");
  EXPECT_EQ(words("a𝐀b 🙂🙂 é𝐂", Language::kEn), (Words{"a𝐀b", "é𝐂"}));
}

TEST(WordSegmenter, ElidedWordIsOneSpan) {
  EXPECT_EQ(words("l'éducation d’intérêts", Language::kFr), (Words{"l'éducation", "d’intérêts"}));
  EXPECT_EQ(words("the judge's ruling", Language::kEn), (Words{"the", "judge's", "ruling"}));
}

TEST(WordSegmenter, HanRunIsSplitIntoDictionaryWords) {
  EXPECT_EQ(words("中国农业发展银行", Language::kZh), (Words{"中国*", "农业*", "发展*", "银行*"}));
  EXPECT_EQ(words("利益衝突", Language::kZh), (Words{"利益*", "衝突*"}));
}

TEST(WordSegmenter, HanRunsComeWholeWithoutTheDictionary) {
  EXPECT_EQ(words("中国农业发展银行", Language::kZh, true), (Words{"中国农业发展银行*"}));
  EXPECT_EQ(words("Judge法官2023年，𠀀法 ok", Language::kZh, true),
            (Words{"Judge", "法官*", "2023", "年*", "𠀀法*", "ok"}));
  // A variation selector rides on the run; kana make the text go the dictionary's way.
  EXPECT_EQ(words("葛\xF3\xA0\x84\x80城 x", Language::kZh, true),
            (Words{"葛\xF3\xA0\x84\x80城*", "x"}));
  EXPECT_EQ(words("日本の裁判", Language::kZh, true), words("日本の裁判", Language::kZh));
}

TEST(WordSegmenter, ScriptsAreSeparateWords) {
  EXPECT_EQ(words("Judge法官2023年", Language::kZh), (Words{"Judge", "法官*", "2023", "年*"}));
  EXPECT_EQ(words("juez Петров القاضي", Language::kUnd), (Words{"juez", "Петров", "القاضي"}));
}

TEST(WordSegmenter, NumbersAreWords) {
  EXPECT_EQ(words("article 6, 1,000 USD", Language::kEn), (Words{"article", "6", "1,000", "USD"}));
}

}  // namespace
}  // namespace jil::analysis
