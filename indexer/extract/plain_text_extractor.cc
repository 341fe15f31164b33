// Implementation of plain_text_extractor.h.
#include "extract/plain_text_extractor.h"

#include <algorithm>

#include "base/utf8.h"
#include "extract/text_cleanup.h"

namespace jil::extract {

Result<ExtractedText> extract_plain_text(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (!utf8::is_valid(bytes)) {
    return invalid_argument("text is not valid UTF-8");
  }
  ExtractedText extracted;
  extracted.text = cleaned_text(bytes);
  const size_t line_end = extracted.text.find('\n');
  const size_t first_line = std::min(line_end, extracted.text.size());
  extracted.title = extracted.text.substr(
      0, utf8::truncate_point(extracted.text.substr(0, first_line), kMaxTitleBytes));
  return extracted;
}

}  // namespace jil::extract
