// Tests the embedded properties the extractors read (extract/embedded_metadata.h,
// dublin_core_metadata_handler.h and the reading code in each extractor) on real files made with
// LibreOffice and poppler (tests/fixtures/formats/EMBEDDED-PROPERTIES.md).
#include "extract/embedded_metadata.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "extract/extractor.h"

namespace jil::extract {
namespace {

const std::string kTitle = "Lignes directrices sur les conflits d'intérêts (propriétés intégrées)";
const std::string kDescription = "Comment repérer un conflit d'intérêts et quand se retirer.";
const std::string kAuthor = "Conference of Court Ethics Advisers";

EmbeddedMetadata embedded_of(const std::string& name) {
  std::ifstream input(std::string(JIL_FORMAT_FIXTURES) + "/" + name, std::ios::binary);
  std::stringstream bytes;
  bytes << input.rdbuf();
  EXPECT_FALSE(bytes.str().empty()) << name;
  const auto format = format_of(name);
  EXPECT_TRUE(format.has_value()) << name;
  if (!format) return {};
  Result<ExtractedText> extracted = extract(*format, bytes.str());
  EXPECT_TRUE(extracted.is_ok()) << name << ": " << extracted.status().to_string();
  return extracted.is_ok() ? extracted->embedded : EmbeddedMetadata{};
}

TEST(EmbeddedMetadata, PdfDocumentInformation) {
  const EmbeddedMetadata pdf = embedded_of("embedded-properties-fr.pdf");
  EXPECT_EQ(pdf.title, kTitle);
  EXPECT_EQ(pdf.description, kDescription);  // Subject
  EXPECT_EQ(pdf.keywords,
            (std::vector<std::string>{"Conflicts of interest", "impartiality", "récusation"}));
  EXPECT_EQ(pdf.authors, std::vector<std::string>{kAuthor});
  EXPECT_EQ(pdf.date.substr(0, 10), "D:20220315");
  EXPECT_EQ(pdf.year, 2022);
  EXPECT_EQ(pdf.language, "");  // the document information has no language
}

TEST(EmbeddedMetadata, DocxCoreProperties) {
  const EmbeddedMetadata docx = embedded_of("embedded-properties-fr.docx");
  EXPECT_EQ(docx.title, kTitle);
  EXPECT_EQ(docx.language, "fr-FR");
  EXPECT_EQ(docx.description, kDescription);  // dc:description wins over dc:subject
  EXPECT_EQ(docx.authors, std::vector<std::string>{kAuthor});
  EXPECT_EQ(docx.type, "Guidance");  // cp:category
  EXPECT_EQ(docx.date, "2022-03-15T09:30:00Z");
  EXPECT_EQ(docx.year, 2022);
  EXPECT_EQ(docx.keywords,
            (std::vector<std::string>{"Conflicts of interest", "impartiality", "récusation",
                                      "Conflits d'intérêts et récusation"}));
}

TEST(EmbeddedMetadata, OdtMetaCreationDateWinsOverLastChange) {
  const EmbeddedMetadata odt = embedded_of("embedded-properties-fr.odt");
  EXPECT_EQ(odt.title, kTitle);
  EXPECT_EQ(odt.language, "fr-FR");
  EXPECT_EQ(odt.description, kDescription);
  EXPECT_EQ(odt.authors, std::vector<std::string>{kAuthor});  // meta:initial-creator
  EXPECT_EQ(odt.keywords,
            (std::vector<std::string>{"Conflicts of interest", "impartiality", "récusation"}));
  EXPECT_EQ(odt.year, 2022);  // meta:creation-date, not dc:date (2024, the last change)
}

TEST(EmbeddedMetadata, HtmlLangTitleAndMeta) {
  const EmbeddedMetadata html = embedded_of("embedded-properties-fr.html");
  EXPECT_EQ(html.title, kTitle);
  EXPECT_EQ(html.language, "fr");
  EXPECT_EQ(html.description, kDescription);
  EXPECT_EQ(html.authors, std::vector<std::string>{kAuthor});
  EXPECT_EQ(html.keywords,
            (std::vector<std::string>{"Conflicts of interest", "impartiality", "récusation"}));
  EXPECT_EQ(html.year, 2022);
}

TEST(EmbeddedMetadata, EpubPackageDublinCore) {
  const EmbeddedMetadata epub = embedded_of("judicial-integrity-sample.epub");
  EXPECT_FALSE(epub.title.empty());
  EXPECT_FALSE(epub.language.empty());
}

TEST(EmbeddedMetadata, HtmlMetaNamesAreCaseInsensitiveAndDublinCorePrefixesAlike) {
  EmbeddedMetadata metadata;
  add_html_meta(metadata, "DC.Title", "First");
  add_html_meta(metadata, "citation_title", "Second");  // the first title counts
  add_html_meta(metadata, "DCTERMS.issued", "2019-07-01");
  add_html_meta(metadata, "citation_publication_date", "2020/01/01");
  add_html_meta(metadata, "dc.subject", "gifts; social media");
  add_html_meta(metadata, "citation_keywords", "gifts, gender");
  add_html_meta(metadata, "dc.type", "Report");
  add_html_meta(metadata, "dc.coverage", "Africa");
  add_html_meta(metadata, "Content-Language", "es");
  add_html_meta(metadata, "viewport", "width=device-width");
  EXPECT_EQ(metadata.title, "First");
  EXPECT_EQ(metadata.year, 2019);
  EXPECT_EQ(metadata.keywords, (std::vector<std::string>{"gifts", "social media", "gender"}));
  EXPECT_EQ(metadata.type, "Report");
  EXPECT_EQ(metadata.coverage, "Africa");
  EXPECT_EQ(metadata.language, "es");
}

TEST(EmbeddedMetadata, YearOfDeclaredDates) {
  EXPECT_EQ(year_of_date("D:20210504120000+02'00'"), 2021);
  EXPECT_EQ(year_of_date("2021-05-04T10:00:00Z"), 2021);
  EXPECT_EQ(year_of_date("4 May 2021"), 2021);
  EXPECT_EQ(year_of_date("20210504"), 2021);
  EXPECT_EQ(year_of_date("12345 2019"), 2019);  // a five-digit run is no year
  EXPECT_EQ(year_of_date("1776"), 0);           // out of the schema's range
  EXPECT_EQ(year_of_date("no date"), 0);
  EXPECT_EQ(year_of_date(""), 0);
}

}  // namespace
}  // namespace jil::extract
