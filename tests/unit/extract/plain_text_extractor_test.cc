// Tests extract/plain_text_extractor.cc: a BOM is dropped, the first non-empty line is the title,
// and text that is not UTF-8 is decoded from its detected charset, which is kept.
#include "extract/plain_text_extractor.h"

#include <gtest/gtest.h>

#include <string>

#include "base/utf8.h"

namespace jil::extract {
namespace {

TEST(PlainTextExtractor, DropsByteOrderMark) {
  Result<ExtractedText> page = extract_plain_text("\xEF\xBB\xBFTitle line\nBody text.");
  ASSERT_TRUE(page.is_ok()) << page.status().to_string();
  EXPECT_EQ(page->title, "Title line");
  EXPECT_EQ(page->text, "Title line\nBody text.");
}

TEST(PlainTextExtractor, FirstNonEmptyLineIsTheTitle) {
  Result<ExtractedText> page = extract_plain_text("\r\n\r\n   First   line  \r\nmore\r\n");
  ASSERT_TRUE(page.is_ok()) << page.status().to_string();
  EXPECT_EQ(page->title, "First line");
  EXPECT_EQ(page->text, "First line\nmore");
}

TEST(PlainTextExtractor, LegacyEncodingIsDecodedAndNamed) {
  // "Кодекс судейской этики" and a sentence more, in KOI8-R.
  const std::string koi8 =
      "\xeb\xcf\xc4\xc5\xcb\xd3 \xd3\xd5\xc4\xc5\xca\xd3\xcb\xcf\xca \xdc\xd4\xc9\xcb\xc9\n"
      "\xf3\xd5\xc4\xd8\xd1 \xd7\xd3\xc5\xc7\xc4\xc1 \xd3\xcf\xc8\xd2\xc1\xce\xd1\xc5\xd4 "
      "\xce\xc5\xda\xc1\xd7\xc9\xd3\xc9\xcd\xcf\xd3\xd4\xd8 \xc9 \xc2\xc5\xd3\xd0\xd2\xc9"
      "\xd3\xd4\xd2\xc1\xd3\xd4\xce\xcf\xd3\xd4\xd8 \xd7 \xcc\xc0\xc2\xcf\xcd "
      "\xd3\xd5\xc4\xc5\xc2\xce\xcf\xcd \xd2\xc1\xda\xc2\xc9\xd2\xc1\xd4\xc5\xcc\xd8\xd3"
      "\xd4\xd7\xc5.";
  Result<ExtractedText> page = extract_plain_text(koi8);
  ASSERT_TRUE(page.is_ok()) << page.status().to_string();
  EXPECT_EQ(page->title, "Кодекс судейской этики");
  EXPECT_EQ(page->charset, "KOI8-R");
  EXPECT_GT(page->charset_confidence, 0);
}

TEST(PlainTextExtractor, TitleOfOneLongLineIsValidUtf8) {
  std::string line;
  for (int repeat = 0; repeat < 100; ++repeat) line += "法官";  // 600 bytes, no line end
  Result<ExtractedText> page = extract_plain_text(line);
  ASSERT_TRUE(page.is_ok()) << page.status().to_string();
  EXPECT_TRUE(utf8::is_valid(page->title));
  EXPECT_FALSE(page->title.empty());
  EXPECT_LE(page->title.size(), kMaxTitleBytes);
}

TEST(PlainTextExtractor, EmptyFileGivesEmptyTitleAndText) {
  Result<ExtractedText> page = extract_plain_text("");
  ASSERT_TRUE(page.is_ok()) << page.status().to_string();
  EXPECT_EQ(page->title, "");
  EXPECT_EQ(page->text, "");
}

}  // namespace
}  // namespace jil::extract
