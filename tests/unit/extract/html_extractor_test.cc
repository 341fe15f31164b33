// Tests extract/html_extractor.cc: page chrome and scripts dropped, head fields read, entities
// decoded by the parser, blocks kept as paragraphs, and hostile nesting survived.
#include "extract/html_extractor.h"

#include <gtest/gtest.h>

#include <string>

#include "base/utf8.h"
#include "bounded_child.h"

namespace jil::extract {
namespace {

ExtractedText extracted(std::string_view html) {
  Result<ExtractedText> result = extract_html(html);
  EXPECT_TRUE(result.is_ok()) << result.status().to_string();
  return result.is_ok() ? *result : ExtractedText{};
}

TEST(HtmlExtractor, DropsScriptStyleAndNavigation) {
  const ExtractedText page = extracted(
      "<html><head><style>p { color: red }</style><script>var head = 1;</script></head>"
      "<body><nav><a href='/'>Home</a> <a href='/about'>About</a></nav>"
      "<p>Judges are independent.</p>"
      "<script>document.write('injected')</script><noscript>Enable JS</noscript>"
      "<form><button>Send</button></form></body></html>");
  EXPECT_EQ(page.text, "Judges are independent.");
}

TEST(HtmlExtractor, DropsPageHeaderAndFooter) {
  // html_extractor.h: "header and footer chrome dropped".
  const ExtractedText page = extracted(
      "<body><header>Site banner</header><main><p>Judges are independent.</p></main>"
      "<footer>Copyright notice</footer></body>");
  EXPECT_EQ(page.text, "Judges are independent.");
}

TEST(HtmlExtractor, ReadsTitleLanguageAndDescription) {
  const ExtractedText page = extracted(
      "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
      "<title>  Code de   d&eacute;ontologie </title>"
      "<meta name=\"description\" content=\"R&egrave;gles &amp; principes\"></head>"
      "<body><h1>Autre titre</h1><p>Texte.</p></body></html>");
  EXPECT_EQ(page.title, "Code de déontologie");
  EXPECT_EQ(page.language, "fr");
  EXPECT_EQ(page.description, "Règles & principes");
  EXPECT_EQ(page.text, "Autre titre\n\nTexte.");
}

TEST(HtmlExtractor, FirstHeadingIsTheTitleWhenThereIsNoTitleElement) {
  const ExtractedText page =
      extracted("<body><p>Intro</p><h1>Code of <em>conduct</em></h1><h1>Second</h1></body>");
  EXPECT_EQ(page.title, "Code of conduct");
  EXPECT_EQ(page.language, "");
  EXPECT_EQ(page.description, "");
}

TEST(HtmlExtractor, TableRowsAreParagraphsWithTheirCellsApart) {
  // The layout white space between rows and cells is the source's, not text.
  const ExtractedText page = extracted(
      "<body><table>\n  <thead><tr>\n    <th>المؤشر</th>\n    <th>2021</th><th>2022</th>\n"
      "  </tr></thead>\n  <tbody>\n  <tr><td>عدد القضاة العاملين</td>\n    <td>1,108</td>"
      "<td>1,146</td></tr>\n  <tr><td>Women judges</td><td></td><td><b>28</b>%</td></tr>\n"
      "  </tbody></table><p>After.</p></body>");
  EXPECT_EQ(page.text,
            "المؤشر | 2021 | 2022\n\nعدد القضاة العاملين | 1,108 | 1,146\n\n"
            "Women judges | | 28%\n\nAfter.");
}

TEST(HtmlExtractor, ACellHoldingParagraphsIsNotRunIntoTheNext) {
  const ExtractedText page =
      extracted("<table><tr><td><p>First.</p><p>Second.</p></td><td>Next</td></tr></table>");
  EXPECT_EQ(page.text, "First.\n\nSecond.\n\nNext");
}

TEST(HtmlExtractor, DecodesEntities) {
  const ExtractedText page =
      extracted("<p>&eacute;t&eacute; &amp; &#x4E2D;&#25991; &laquo;&nbsp;juge&nbsp;&raquo;</p>");
  EXPECT_EQ(page.text, "été & 中文 « juge »");
}

TEST(HtmlExtractor, BlocksBecomeParagraphsAndInlineElementsDoNot) {
  const ExtractedText page = extracted(
      "<p>One <b>bold</b>ly <a href='#'>linked</a> line</p><div>Two</div>"
      "<ul><li>Three</li><li>Four</li></ul>Five<br>Six");
  EXPECT_EQ(page.text, "One boldly linked line\n\nTwo\n\nThree\n\nFour\n\nFive\n\nSix");
}

TEST(HtmlExtractor, EmptyDocumentGivesEmptyText) {
  const ExtractedText page = extracted("");
  EXPECT_EQ(page.text, "");
  EXPECT_EQ(page.title, "");
}

TEST(HtmlExtractor, HundredThousandNestedDivsAreHandledWithinBounds) {
  // Either extracted or refused with a reason; never a crash, a stack overflow or gigabytes.
  const ChildOutcome outcome = run_bounded([] {
    std::string html;
    for (int level = 0; level < 100'000; ++level) html += "<div>";
    html += "deep";
    Result<ExtractedText> page = extract_html(html);
    return page.is_ok() ? "text: " + page->text : "refused: " + page.status().to_string();
  });
  ASSERT_TRUE(outcome.finished) << outcome.failure;
  EXPECT_TRUE(outcome.output == "text: deep" || outcome.output.starts_with("refused: "))
      << outcome.output;
}

TEST(HtmlExtractor, BrokenMarkupStillGivesValidUtf8Text) {
  const ExtractedText page =
      extracted("<p>القضاة <b>مستقلون<p>法官</i></table>\xEF\xBB\xBF<<>>&#xD800;&#0;");
  EXPECT_TRUE(utf8::is_valid(page.text)) << page.text;
  EXPECT_NE(page.text.find("القضاة مستقلون"), std::string::npos) << page.text;
  EXPECT_NE(page.text.find("法官"), std::string::npos) << page.text;
}

}  // namespace
}  // namespace jil::extract
