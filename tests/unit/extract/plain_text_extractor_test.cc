// Tests extract/plain_text_extractor.cc: a BOM is dropped, the first non-empty line is the title,
// and invalid UTF-8 is refused with a reason.
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

TEST(PlainTextExtractor, InvalidUtf8IsRefusedWithAReason) {
  Result<ExtractedText> page = extract_plain_text("caf\xE9 cr\xE8me");  // Latin-1
  ASSERT_FALSE(page.is_ok());
  EXPECT_EQ(page.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(page.status().message(), "text is not valid UTF-8");
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
