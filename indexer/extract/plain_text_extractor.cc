// Implementation of plain_text_extractor.h.
#include "extract/plain_text_extractor.h"

#include <algorithm>

#include "base/utf8.h"
#include "extract/text_cleanup.h"
#include "extract/text_decoding.h"

namespace jil::extract {

Result<ExtractedText> extract_plain_text(std::string_view bytes) {
  Result<DecodedText> decoded = decode_text(bytes);
  if (!decoded.is_ok()) return decoded.status();
  ExtractedText extracted;
  extracted.text = cleaned_text(decoded->utf8);
  extracted.charset = std::move(decoded->charset);
  extracted.charset_confidence = decoded->confidence;
  const size_t line_end = extracted.text.find('\n');
  const size_t first_line = std::min(line_end, extracted.text.size());
  extracted.title = extracted.text.substr(
      0, utf8::truncate_point(extracted.text.substr(0, first_line), kMaxTitleBytes));
  return extracted;
}

}  // namespace jil::extract
