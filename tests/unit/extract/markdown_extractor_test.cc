// Tests extract/markdown_extractor.cc: the first level-1 heading is the title, blocks become
// paragraphs, raw HTML is dropped, entities are decoded, and pathological input finishes.
#include "extract/markdown_extractor.h"

#include <gtest/gtest.h>

#include <string>

#include "base/utf8.h"

namespace jil::extract {
namespace {

ExtractedText extracted(std::string_view markdown) {
  Result<ExtractedText> result = extract_markdown(markdown);
  EXPECT_TRUE(result.is_ok()) << result.status().to_string();
  return result.is_ok() ? *result : ExtractedText{};
}

TEST(MarkdownExtractor, FirstLevelOneHeadingIsTheTitle) {
  const ExtractedText page =
      extracted("Intro line.\n\n## Not this\n\n# Code of *judicial* conduct\n\nBody.\n\n# Later\n");
  EXPECT_EQ(page.title, "Code of judicial conduct");
}

TEST(MarkdownExtractor, SetextHeadingCanBeTheTitle) {
  EXPECT_EQ(extracted("Code of conduct\n===============\n\nBody.\n").title, "Code of conduct");
}

TEST(MarkdownExtractor, NoLevelOneHeadingMeansNoTitle) {
  EXPECT_EQ(extracted("## Section\n\nBody.\n").title, "");
}

TEST(MarkdownExtractor, BlocksBecomeParagraphsAndMarkupDisappears) {
  const ExtractedText page = extracted(
      "# Title\n\nA *very* **strong** [link](http://example.org) and `code`.\n\n"
      "- first\n- second\n\n> quoted\n");
  EXPECT_EQ(page.text, "Title\n\nA very strong link and code.\n\nfirst\nsecond\n\nquoted");
}

TEST(MarkdownExtractor, TableRowsAreLinesWithTheirCellsApart) {
  const ExtractedText page = extracted(
      "| Court | 2021 | 2022 |\n|---|---|---|\n| Supreme | 1,108 | 1,146 |\n| Appeal |  | 7 |\n");
  EXPECT_EQ(page.text, "Court | 2021 | 2022\n\nSupreme | 1,108 | 1,146\n\nAppeal | | 7");
}

TEST(MarkdownExtractor, DropsRawHtml) {
  const ExtractedText page = extracted(
      "Before <span class=\"x\">inline</span> after.\n\n"
      "<div>\nblock of html\n</div>\n\n"
      "<script>alert(1)</script>\n\nEnd.\n");
  EXPECT_EQ(page.text.find('<'), std::string::npos) << page.text;
  EXPECT_EQ(page.text.find("alert"), std::string::npos) << page.text;
  EXPECT_NE(page.text.find("Before"), std::string::npos) << page.text;
  EXPECT_NE(page.text.find("End."), std::string::npos) << page.text;
}

TEST(MarkdownExtractor, DecodesEntities) {
  EXPECT_EQ(extracted("&amp; &lt;b&gt; &#233; &#x4E2D;\n").text, "& <b> é 中");
  EXPECT_EQ(extracted("# R&eacute;sum&eacute; &copy;\n").title, "Résumé ©");
}

TEST(MarkdownExtractor, EmptyInputGivesEmptyText) {
  const ExtractedText page = extracted("");
  EXPECT_EQ(page.text, "");
  EXPECT_EQ(page.title, "");
}

TEST(MarkdownExtractor, PathologicalLinkInputFinishes) {
  std::string markdown;
  for (int repeat = 0; repeat < 50'000; ++repeat) markdown += "]([\n";
  Result<ExtractedText> page = extract_markdown(markdown);
  ASSERT_TRUE(page.is_ok()) << page.status().to_string();
  EXPECT_TRUE(utf8::is_valid(page->text));
}

TEST(MarkdownExtractor, DeeplyNestedQuotesAndListsFinish) {
  Result<ExtractedText> quotes = extract_markdown(std::string(50'000, '>') + " deep\n");
  ASSERT_TRUE(quotes.is_ok()) << quotes.status().to_string();
  EXPECT_NE(quotes->text.find("deep"), std::string::npos);
  // 50,000 lists, each the first item of the one before, on one line ("- - - … item").
  std::string on_one_line;
  for (int level = 0; level < 50'000; ++level) on_one_line += "- ";
  Result<ExtractedText> nested = extract_markdown(on_one_line + "item\n");
  ASSERT_TRUE(nested.is_ok()) << nested.status().to_string();
  EXPECT_NE(nested->text.find("item"), std::string::npos);
  // And by indentation, one level per line. 1,000 levels is a megabyte of spaces: under
  // ASan's strict_string_checks, md4c's string calls make each level cost as much as the text
  // before it (5,000 levels took 50 s there, 0.2 s without the sanitizer).
  std::string indented;
  for (int level = 0; level < 1'000; ++level) indented += std::string(level * 2, ' ') + "- item\n";
  Result<ExtractedText> deep = extract_markdown(indented);
  ASSERT_TRUE(deep.is_ok()) << deep.status().to_string();
  EXPECT_NE(deep->text.find("item"), std::string::npos);
}

}  // namespace
}  // namespace jil::extract
