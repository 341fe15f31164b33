// Tests render/citation.cc: the readable citation line, RIS records (one field per line, no
// metadata able to add a line) and BibTeX entries (special characters escaped, UTF-8 kept).
#include "render/citation.h"

#include <gtest/gtest.h>

namespace jil::render {
namespace {

schema::DocRecord sample_record() {
  schema::DocRecord record;
  record.id = "gifts-guide-en";
  record.title = "Guidance on gifts";
  record.language = analysis::Language::kEn;
  record.type = "guidance";
  record.organisation = "ijin";
  record.year = 2020;
  record.topics = {"gifts"};
  record.summary = "Who may accept what.";
  return record;
}

TEST(CitationLine, NamesOrganisationTitleYearTypeAndUrl) {
  const schema::DocRecord record = sample_record();
  EXPECT_EQ(citation_line({record, "International Judicial Integrity Network", "Guidance",
                           "http://localhost/doc/gifts-guide-en"}),
            "International Judicial Integrity Network. Guidance on gifts. 2020. Guidance. "
            "http://localhost/doc/gifts-guide-en");
}

TEST(CitationLine, KeepsATitlesOwnQuestionMarkAndJoinsLines) {
  schema::DocRecord record = sample_record();
  record.title = "May a judge\naccept gifts?";
  EXPECT_EQ(citation_line({record, "Org", "Guidance", "http://h/doc/x"}),
            "Org. May a judge accept gifts? 2020. Guidance. http://h/doc/x");
}

TEST(RisRecord, HasOneTaggedFieldPerLineAndEnds) {
  const schema::DocRecord record = sample_record();
  EXPECT_EQ(ris_record({record, "International Judicial Integrity Network", "Guidance",
                        "http://localhost/doc/gifts-guide-en"}),
            "TY  - GOVDOC\r\n"
            "ID  - gifts-guide-en\r\n"
            "TI  - Guidance on gifts\r\n"
            "AU  - International Judicial Integrity Network,\r\n"
            "PB  - International Judicial Integrity Network\r\n"
            "PY  - 2020\r\n"
            "LA  - en\r\n"
            "M3  - Guidance\r\n"
            "AB  - Who may accept what.\r\n"
            "KW  - gifts\r\n"
            "UR  - http://localhost/doc/gifts-guide-en\r\n"
            "DB  - Judicial Integrity Library\r\n"
            "ER  - \r\n");
}

TEST(RisRecord, LineBreaksInMetadataCannotStartAField) {
  schema::DocRecord record = sample_record();
  record.type = "report";
  record.title = "Annual report\r\nER  - \r\nTY  - JOUR";
  const std::string ris = ris_record({record, "Org", "Report", "http://h/doc/x"});
  EXPECT_EQ(ris.rfind("TY  - RPRT\r\n", 0), 0u);
  EXPECT_NE(ris.find("TI  - Annual report ER - TY - JOUR\r\n"), std::string::npos) << ris;
  EXPECT_EQ(ris.find("\r\nTY  - JOUR"), std::string::npos) << ris;
}

TEST(BibtexEscaped, MakesEverySpecialCharacterLiteral) {
  EXPECT_EQ(bibtex_escaped(R"(50% & $5 #1 a_b {x} ~ ^ \)"),
            R"(50\% \& \$5 \#1 a\_b \{x\} \textasciitilde{} \textasciicircum{} \textbackslash{})");
}

TEST(BibtexEscaped, KeepsUtf8AndFlattensControlCharacters) {
  EXPECT_EQ(bibtex_escaped("مدونة\nالسلوك 司法\t伦理 Éthique"), "مدونة السلوك 司法 伦理 Éthique");
}

TEST(BibtexRecord, ReportsAreTechreportsWithEscapedFields) {
  schema::DocRecord record = sample_record();
  record.type = "report";
  record.language = analysis::Language::kAr;
  record.title = "تقرير {سنوي} 100%";
  record.summary = "";
  EXPECT_EQ(bibtex_record({record, "Arab Judicial Councils Network", "Report",
                           "http://localhost/doc/gifts-guide-en"}),
            "@techreport{jil:gifts-guide-en,\n"
            "  author = {{Arab Judicial Councils Network}},\n"
            "  title = {{تقرير \\{سنوي\\} 100\\%}},\n"
            "  year = {2020},\n"
            "  institution = {Arab Judicial Councils Network},\n"
            "  type = {Report},\n"
            "  langid = {arabic},\n"
            "  url = {http://localhost/doc/gifts-guide-en},\n"
            "}\n");
}

TEST(BibtexRecord, OtherTypesAreMiscWithAbstract) {
  const std::string entry =
      bibtex_record({sample_record(), "Org & Co", "Guidance", "http://h/doc/gifts-guide-en"});
  EXPECT_EQ(entry.rfind("@misc{jil:gifts-guide-en,\n", 0), 0u) << entry;
  EXPECT_NE(entry.find("  publisher = {Org \\& Co},\n"), std::string::npos) << entry;
  EXPECT_NE(entry.find("  howpublished = {Guidance},\n"), std::string::npos) << entry;
  EXPECT_NE(entry.find("  abstract = {Who may accept what.},\n"), std::string::npos) << entry;
}

}  // namespace
}  // namespace jil::render
