// Tests extract/epub_extractor.cc on the EPUB make_epub.py builds from corpus text: spine order,
// title and language from the package file, four scripts through the HTML extractor.
#include "extract/epub_extractor.h"

#include <gtest/gtest.h>

#include <string>

#include "format_fixture.h"

namespace jil::extract {
namespace {

TEST(EpubExtractor, FollowsTheSpineAndReadsPackageMetadata) {
  Result<ExtractedText> result = extract_epub(format_fixture("judicial-integrity-sample.epub"));
  ASSERT_TRUE(result.is_ok()) << result.status().to_string();
  EXPECT_EQ(result->title, "Judicial Integrity Sample Book");
  EXPECT_EQ(result->language, "en");
  const std::string& text = result->text;
  const size_t arabic = text.find("المدونة النموذجية لقواعد السلوك القضائي");
  const size_t english = text.find("Every judge will at some point");
  const size_t chinese = text.find("利益衝突與迴避指引");
  const size_t russian = text.find("декларац");
  ASSERT_NE(arabic, std::string::npos);
  ASSERT_NE(english, std::string::npos);
  ASSERT_NE(chinese, std::string::npos);
  ASSERT_NE(russian, std::string::npos);
  // Spine order (ar, en, zh, ru), not manifest order (en, ru, ar, zh).
  EXPECT_LT(arabic, english);
  EXPECT_LT(english, chinese);
  EXPECT_LT(chinese, russian);
}

TEST(EpubExtractor, OtherZipsAreNotBooks) {
  EXPECT_EQ(extract_epub(format_fixture("coi-guidance-en.docx")).status().message(),
            "not an EPUB book (no META-INF/container.xml)");
}

}  // namespace
}  // namespace jil::extract
