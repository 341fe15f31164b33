// Citations of one document: the readable line shown on the document page (to copy), and the RIS
// and BibTeX records offered as downloads (/doc/{id}/cite.ris, /doc/{id}/cite.bib). UTF-8 in,
// UTF-8 out; every field is cleaned for its format (no line breaks in RIS, BibTeX special
// characters escaped), so no metadata can break out of its field.
#pragma once

#include <string>
#include <string_view>

#include "schema/doc_record.h"

namespace jil::render {

inline constexpr std::string_view kRisMediaType = "application/x-research-info-systems";
inline constexpr std::string_view kBibtexMediaType = "application/x-bibtex";

// What a citation names, with the labels already in the language wanted (the page's interface
// language for the line, English for the export records).
struct CitationFields {
  const schema::DocRecord& record;
  std::string organisation;  // the publishing organisation's label
  std::string type;          // the document type's label
  std::string url;           // the permanent absolute address of the document page
};

// "Organisation. Title. Year. Type. URL" — a plain-text line to paste into a reference list.
std::string citation_line(const CitationFields& fields);
// One RIS record (CRLF line ends, ending with "ER  - ").
std::string ris_record(const CitationFields& fields);
// One BibTeX entry (@techreport for reports, @misc otherwise), keyed "jil:<id>".
std::string bibtex_record(const CitationFields& fields);
// `text` with BibTeX's special characters (\ { } $ & % # _ ~ ^) made literal and control
// characters made spaces; other UTF-8 is kept as it is (biber and bibtexu read it).
std::string bibtex_escaped(std::string_view text);

}  // namespace jil::render
