// Extracts text from HTML with gumbo (an HTML5 parser): script, style, navigation, header and
// footer chrome dropped; <title>, <html lang> and <meta name="description"> read.
#pragma once

#include <string_view>

#include "base/status.h"
#include "extract/extracted_text.h"

namespace jil::extract {

// `html` must be valid UTF-8 (gumbo's requirement). Walks the tree iteratively, so deep nesting
// cannot overflow the stack.
Result<ExtractedText> extract_html(std::string_view html);

}  // namespace jil::extract
