// Dispatch from format to extractor; HTML and Markdown must be valid UTF-8 first, binary formats
// (PDF, DOCX, ODT, EPUB) check their own structure.
#include "extract/extractor.h"

#include "base/utf8.h"
#include "extract/docx_extractor.h"
#include "extract/epub_extractor.h"
#include "extract/html_extractor.h"
#include "extract/markdown_extractor.h"
#include "extract/odt_extractor.h"
#include "extract/pdf_extractor.h"
#include "extract/plain_text_extractor.h"

namespace jil::extract {

Result<ExtractedText> extract(DocumentFormat format, std::string_view bytes) {
  switch (format) {
    case DocumentFormat::kText:
      return extract_plain_text(bytes);
    case DocumentFormat::kPdf:
      return extract_pdf(bytes);
    case DocumentFormat::kDocx:
      return extract_docx(bytes);
    case DocumentFormat::kOdt:
      return extract_odt(bytes);
    case DocumentFormat::kEpub:
      return extract_epub(bytes);
    case DocumentFormat::kHtml:
    case DocumentFormat::kMarkdown:
      break;
  }
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (!utf8::is_valid(bytes)) {
    return invalid_argument(std::string(format_name(format)) + " file is not valid UTF-8");
  }
  if (format == DocumentFormat::kHtml) return extract_html(bytes);
  return extract_markdown(bytes);
}

}  // namespace jil::extract
