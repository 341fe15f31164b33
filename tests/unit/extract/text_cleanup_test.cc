// Tests extract/text_cleanup.cc: invisible controls dropped, line ends unified, blanks folded,
// and HTML character references decoded.
#include "extract/text_cleanup.h"

#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <string>

namespace jil::extract {
namespace {

TEST(CleanedText, DropsBidiControls) {
  for (const char* control : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067",
                              "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"}) {
    EXPECT_EQ(cleaned_text(std::string("in") + control + "dependence"), "independence");
  }
}

TEST(CleanedText, DropsSoftHyphenZeroWidthSpaceAndByteOrderMark) {
  EXPECT_EQ(cleaned_text("inde\u00ADpen\u200Bdence\uFEFF"), "independence");
}

TEST(CleanedText, DropsControlCharacters) {
  EXPECT_EQ(cleaned_text("a\x01"
                         "b\x7F"
                         "c"),
            "abc");
}

TEST(CleanedText, CrLfBecomesLf) {
  EXPECT_EQ(cleaned_text("one\r\ntwo\r\n\r\nthree"), "one\ntwo\n\nthree");
}

TEST(CleanedText, LoneCarriageReturnEndsALine) {
  // Old Mac files end lines with CR alone: the words on each side must stay apart.
  EXPECT_EQ(cleaned_text("one\rtwo"), "one\ntwo");
}

TEST(CleanedText, FoldsBlankLinesToOne) {
  EXPECT_EQ(cleaned_text("one\n\n\n\n\ntwo"), "one\n\ntwo");
  EXPECT_EQ(cleaned_text("one\n \t\n  \ntwo"), "one\n\ntwo");
}

TEST(CleanedText, FoldsRunsOfSpacesIncludingNoBreakAndIdeographic) {
  EXPECT_EQ(cleaned_text("a  \t b\u00A0\u00A0c\u3000d"), "a b c d");
}

TEST(CleanedText, TrimsLeadingAndTrailingBlanks) {
  EXPECT_EQ(cleaned_text("  \n\n  text  \n\n  "), "text");
  EXPECT_EQ(cleaned_text("line   \nnext"), "line\nnext");
  EXPECT_EQ(cleaned_text(" \n \n "), "");
}

TEST(CleanedText, KeepsArabicAndChineseText) {
  EXPECT_EQ(cleaned_text("\u202Bالقضاة مستقلون\u202C 法官"), "القضاة مستقلون 法官");
}

TEST(CleanedText, JoinsChineseLinesWithoutASpace) {
  EXPECT_EQ(cleaned_text("法官应当保持\n独立与公正。\r\n第二条"), "法官应当保持独立与公正。第二条");
  EXPECT_EQ(cleaned_text("法官\n\n第二段"), "法官\n\n第二段");  // a paragraph stays one
  EXPECT_EQ(cleaned_text("法官\njudge"), "法官\njudge");
}

TEST(CleanedText, RejoinsWordsHyphenatedAtALineEnd) {
  EXPECT_EQ(cleaned_text("judicial inde-\npendence"), "judicial independence");
  EXPECT_EQ(cleaned_text("незави-\n  симость судей"), "независимость судей");
  EXPECT_EQ(cleaned_text("l'impartia-\r\nlité"), "l'impartialité");
  EXPECT_EQ(cleaned_text("State-\nOwned"), "State-\nOwned");  // capital: a real hyphen
  EXPECT_EQ(cleaned_text("1990-\n2000"), "1990-\n2000");
  EXPECT_EQ(cleaned_text("word -\nnext"), "word -\nnext");
}

TEST(CleanedText, DropsEveryBidiControl) {
  std::string text = "a";
  for (UChar32 c : {0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068,
                    0x2069, 0x061C}) {
    char buffer[4];
    int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, c);
    text.append(buffer, static_cast<size_t>(length));
  }
  text += "b";
  EXPECT_EQ(cleaned_text(text), "ab");
}

TEST(DecodeCharacterReferences, DecodesNamedReferences) {
  EXPECT_EQ(decode_character_references("&amp;&lt;&gt;&quot;&apos;&laquo;&raquo;"),
            "&<>\"'\u00AB\u00BB");
  EXPECT_EQ(decode_character_references("&nbsp;"), "\u00A0");
}

TEST(DecodeCharacterReferences, DecodesNumericReferences) {
  EXPECT_EQ(decode_character_references("&#233;t&#xE9; &#x4E2D;&#X6587;"), "été 中文");
  EXPECT_EQ(decode_character_references("&#128512;"), "😀");
}

TEST(DecodeCharacterReferences, LeavesInvalidReferencesAsText) {
  for (const char* kept : {"&#0;", "&#xD800;", "&#x110000;", "&#;", "&#x;", "&#12a;", "&bogus;",
                           "AT&T", "&amp", "& ;"}) {
    EXPECT_EQ(decode_character_references(kept), kept);
  }
}

}  // namespace
}  // namespace jil::extract
