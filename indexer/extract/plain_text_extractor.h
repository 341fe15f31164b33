// Extracts plain text files in any common encoding (text_decoding.h: byte order marks, UTF-8,
// UTF-16, and ICU's detection of the legacy ones); the first non-empty line is the title.
#pragma once

#include <string_view>

#include "base/status.h"
#include "extract/extracted_text.h"

namespace jil::extract {

// Longest title taken from the first line (bytes, cut on a character boundary).
inline constexpr size_t kMaxTitleBytes = 300;

// The decoded charset and the detector's confidence are kept in the result.
Result<ExtractedText> extract_plain_text(std::string_view bytes);

}  // namespace jil::extract
