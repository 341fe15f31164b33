// Extracts text from HTML with gumbo (an HTML5 parser): script, style, navigation, header and
// footer chrome dropped; <title>, <html lang> and <meta name="description"> read.
#pragma once

#include <cstddef>
#include <string_view>

#include "base/status.h"
#include "extract/extracted_text.h"

namespace jil::extract {

// Deepest element nesting accepted: real pages stay under a few dozen levels; gumbo's time and
// memory grow with the square of the depth.
inline constexpr size_t kMaxHtmlNesting = 1000;
// Parse errors gumbo records: each holds a copy of the open-element stack.
inline constexpr int kMaxHtmlParseErrors = 100;

// `html` must be valid UTF-8 (gumbo's requirement). Walks the tree iteratively, so deep nesting
// cannot overflow the stack.
Result<ExtractedText> extract_html(std::string_view html);

}  // namespace jil::extract
