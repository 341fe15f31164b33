// The version of each format's text extraction. A document's fingerprint names it when it is
// above 1 ("…/a3/s12/x2"), so bumping one format's number makes the next `index` run extract
// the documents of that format again, and no others; the index stays readable meanwhile.
// Bump a format when its extractor gives other text for the same file:
//   html, epub 2: table cells apart (" | " between the cells of a row);
//   md 2: the same for Markdown tables.
#pragma once

#include "extract/document_format.h"

namespace jil::extract {

constexpr int extraction_version(DocumentFormat format) {
  switch (format) {
    case DocumentFormat::kHtml:
    case DocumentFormat::kEpub:
    case DocumentFormat::kMarkdown:
      return 2;
    default:
      return 1;
  }
}

}  // namespace jil::extract
