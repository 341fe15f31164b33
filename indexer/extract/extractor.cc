// Dispatch from format to extractor, once libmagic agrees that the content is what the name
// says (content_check.h); Markdown must be valid UTF-8 first, HTML too unless it
// declares another charset or has one ICU detects; binary formats (PDF, DOCX, ODT, EPUB) check
// their own structure. Every text then gets the same Arabic repair
// and quality assessment.
#include "extract/extractor.h"

#include "base/utf8.h"
#include "extract/arabic_text_repair.h"
#include "extract/content_check.h"
#include "extract/docx_extractor.h"
#include "extract/epub_extractor.h"
#include "extract/html_extractor.h"
#include "extract/markdown_extractor.h"
#include "extract/odt_extractor.h"
#include "extract/pdf_extractor.h"
#include "extract/plain_text_extractor.h"
#include "extract/text_decoding.h"
#include "extract/text_quality.h"

namespace jil::extract {
namespace {

// HTML that is not UTF-8: in the charset it declares (<meta charset>), or, declaring none, in
// the one ICU detects. A page that declares UTF-8 and is not is refused, as before.
Result<ExtractedText> extract_legacy_html(std::string_view bytes) {
  const std::string declared = declared_html_charset(bytes);
  const bool declares_utf8 = declared == "utf-8" || declared == "utf8";
  if (declares_utf8) return invalid_argument("html file is not valid UTF-8");
  DecodedText decoded;
  if (!declared.empty()) {
    Result<std::string> converted = convert_to_utf8(bytes, declared);
    if (!converted.is_ok()) return converted.status();
    decoded = {std::move(*converted), declared, 100};
  } else {
    Result<DecodedText> detected = decode_text(bytes);
    if (!detected.is_ok()) return detected.status();
    decoded = std::move(*detected);
  }
  Result<ExtractedText> extracted = extract_html(decoded.utf8);
  if (extracted.is_ok()) {
    extracted->charset = decoded.charset;
    extracted->charset_confidence = decoded.confidence;
  }
  return extracted;
}

Result<ExtractedText> dispatch(DocumentFormat format, std::string_view bytes) {
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
  if (format == DocumentFormat::kHtml && !utf8::is_valid(bytes)) return extract_legacy_html(bytes);
  if (!utf8::is_valid(bytes)) {
    return invalid_argument(std::string(format_name(format)) + " file is not valid UTF-8");
  }
  if (format == DocumentFormat::kHtml) return extract_html(bytes);
  return extract_markdown(bytes);
}

}  // namespace

void finish_extraction(ExtractedText& extracted) {
  ArabicRepairs repairs;
  extracted.title = repaired_arabic(extracted.title, repairs);
  extracted.text = repaired_arabic(extracted.text, repairs);
  if (!extracted.page_offsets.empty()) {
    // Repairs change lengths but keep every "\f": the pages start after them.
    extracted.page_offsets.assign(1, 0);
    for (size_t at = extracted.text.find('\f'); at != std::string::npos;
         at = extracted.text.find('\f', at + 1)) {
      extracted.page_offsets.push_back(static_cast<uint32_t>(at + 1));
    }
  }
  assess_quality(extracted, repairs);
}

Result<ExtractedText> extract(DocumentFormat format, std::string_view bytes) {
  if (Status agrees = check_content(format, bytes); !agrees.is_ok()) {
    return agrees;
  }
  Result<ExtractedText> extracted = dispatch(format, bytes);
  if (!extracted.is_ok()) return extracted;
  finish_extraction(*extracted);
  // An empty or blank text file is almost always an upload cut short; an empty PDF or DOCX is
  // already refused as unreadable. (A PDF without a text layer goes to OCR instead.)
  const bool text_format = format == DocumentFormat::kText || format == DocumentFormat::kMarkdown ||
                           format == DocumentFormat::kHtml;
  if (text_format && extracted->text.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
    return invalid_argument(bytes.empty() ? "the file is empty (an upload cut short?)"
                                          : "the file holds no text, only white space or markup");
  }
  return extracted;
}

}  // namespace jil::extract
