// Tests extract/extractor.cc: each format goes to its extractor, and HTML and Markdown that are
// not UTF-8 are refused with the format named.
#include "extract/extractor.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <string>
#include <utility>

#include "format_fixture.h"

namespace jil::extract {
namespace {

TEST(Extract, DispatchesEachFormat) {
  Result<ExtractedText> html = extract(DocumentFormat::kHtml, "<title>Page</title><p>Body</p>");
  ASSERT_TRUE(html.is_ok()) << html.status().to_string();
  EXPECT_EQ(html->title, "Page");
  EXPECT_EQ(html->text, "Body");
  Result<ExtractedText> markdown = extract(DocumentFormat::kMarkdown, "# Heading\n\n*Body*\n");
  ASSERT_TRUE(markdown.is_ok()) << markdown.status().to_string();
  EXPECT_EQ(markdown->title, "Heading");
  EXPECT_EQ(markdown->text, "Heading\n\nBody");
  Result<ExtractedText> text = extract(DocumentFormat::kText, "# Not markup\n<p>");
  ASSERT_TRUE(text.is_ok()) << text.status().to_string();
  EXPECT_EQ(text->title, "# Not markup");
  EXPECT_EQ(text->text, "# Not markup\n<p>");
}

TEST(Extract, DropsByteOrderMarkBeforeHtmlAndMarkdown) {
  Result<ExtractedText> html = extract(DocumentFormat::kHtml, "\xEF\xBB\xBF<p>Body</p>");
  ASSERT_TRUE(html.is_ok()) << html.status().to_string();
  EXPECT_EQ(html->text, "Body");
  Result<ExtractedText> markdown = extract(DocumentFormat::kMarkdown, "\xEF\xBB\xBF# Heading\n");
  ASSERT_TRUE(markdown.is_ok()) << markdown.status().to_string();
  EXPECT_EQ(markdown->title, "Heading");
}

TEST(Extract, InvalidUtf8NamesTheFormat) {
  Result<ExtractedText> html =
      extract(DocumentFormat::kHtml, "<meta charset=\"UTF-8\"><p>caf\xE9</p>");
  ASSERT_FALSE(html.is_ok());
  EXPECT_EQ(html.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(html.status().message(), "html file is not valid UTF-8");
  Result<ExtractedText> markdown = extract(DocumentFormat::kMarkdown, "caf\xE9");
  ASSERT_FALSE(markdown.is_ok());
  EXPECT_EQ(markdown.status().message(), "md file is not valid UTF-8");
}

// A blank text file is an upload cut short, not a document: refused, saying which.
TEST(Extract, AnEmptyOrBlankTextFileIsRefused) {
  const Result<ExtractedText> empty = extract(DocumentFormat::kText, "");
  ASSERT_FALSE(empty.is_ok());
  EXPECT_EQ(empty.status().message(), "the file is empty (an upload cut short?)");
  for (const auto& [format, bytes] :
       {std::pair{DocumentFormat::kText, std::string(" \n\t\r\n ")},
        std::pair{DocumentFormat::kMarkdown, std::string("\n\n   \n")},
        std::pair{DocumentFormat::kHtml, std::string("<html><body> <p> </p></body></html>")}}) {
    const Result<ExtractedText> blank = extract(format, bytes);
    ASSERT_FALSE(blank.is_ok()) << format_name(format);
    EXPECT_EQ(blank.status().message(), "the file holds no text, only white space or markup");
  }
  EXPECT_TRUE(extract(DocumentFormat::kText, "Judges.").is_ok()) << "one word is a text";
}

TEST(Extract, HtmlInALegacyCharsetIsDecoded) {
  // Declared: "Судья" in windows-1251.
  Result<ExtractedText> declared = extract(
      DocumentFormat::kHtml,
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
      "</head><body><p>\xD1\xF3\xE4\xFC\xFF</p></body></html>");
  ASSERT_TRUE(declared.is_ok()) << declared.status().to_string();
  EXPECT_EQ(declared->text, "Судья");
  EXPECT_EQ(declared->charset, "windows-1251");
  // Not declared: a paragraph of Russian in KOI8-R, detected.
  const std::string russian =
      "Судья обязан соблюдать Конституцию и законы, руководствоваться принципами законности, "
      "беспристрастности и справедливости, избегать всего, что могло бы умалить авторитет "
      "судебной власти и достоинство судьи или вызвать сомнение в его объективности.";
  Result<std::string> koi8 = Result<std::string>(std::string());
  {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* converter = ucnv_open("KOI8-R", &status);
    std::string bytes(russian.size(), '\0');
    const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(russian);
    const int32_t length =
        ucnv_fromUChars(converter, bytes.data(), static_cast<int32_t>(bytes.size()),
                        unicode.getBuffer(), unicode.length(), &status);
    ucnv_close(converter);
    ASSERT_TRUE(U_SUCCESS(status));
    bytes.resize(static_cast<size_t>(length));
    koi8 = bytes;
  }
  Result<ExtractedText> detected =
      extract(DocumentFormat::kHtml, "<html><body><p>" + *koi8 + "</p></body></html>");
  ASSERT_TRUE(detected.is_ok()) << detected.status().to_string();
  EXPECT_EQ(detected->text, russian);
  EXPECT_EQ(detected->charset, "KOI8-R");
}

TEST(Extract, DispatchesBinaryFormatsWithoutUtf8Check) {
  const struct {
    DocumentFormat format;
    const char* fixture;
    const char* title;
  } kCases[] = {
      {DocumentFormat::kPdf, "two-pages-en.pdf", "Guidance on Conflicts of Interest and Recusal"},
      {DocumentFormat::kDocx, "coi-guidance-en.docx",
       "Guidance on Conflicts of Interest and Recusal"},
      {DocumentFormat::kOdt, "model-code-ar.odt", "المدونة النموذجية لقواعد السلوك القضائي"},
      {DocumentFormat::kEpub, "judicial-integrity-sample.epub", "Judicial Integrity Sample Book"},
  };
  for (const auto& test_case : kCases) {
    Result<ExtractedText> result = extract(test_case.format, format_fixture(test_case.fixture));
    ASSERT_TRUE(result.is_ok()) << test_case.fixture << ": " << result.status().to_string();
    EXPECT_EQ(result->title, test_case.title);
    EXPECT_FALSE(result->text.empty());
  }
}

}  // namespace
}  // namespace jil::extract
