// Dispatch from format to extractor; HTML and Markdown must be valid UTF-8 first.
#include "extract/extractor.h"

#include "base/utf8.h"
#include "extract/html_extractor.h"
#include "extract/markdown_extractor.h"
#include "extract/plain_text_extractor.h"

namespace jil::extract {

Result<ExtractedText> extract(DocumentFormat format, std::string_view bytes) {
  if (format == DocumentFormat::kText) return extract_plain_text(bytes);
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (!utf8::is_valid(bytes)) {
    return invalid_argument(std::string(format_name(format)) + " file is not valid UTF-8");
  }
  if (format == DocumentFormat::kHtml) return extract_html(bytes);
  return extract_markdown(bytes);
}

}  // namespace jil::extract
