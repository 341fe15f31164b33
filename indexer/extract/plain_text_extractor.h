// Extracts plain text files: UTF-8 (a BOM is dropped); the first non-empty line is the title.
// Legacy encodings are detected in a later step (issue 4); here they are refused with a reason.
#pragma once

#include <string_view>

#include "base/status.h"
#include "extract/extracted_text.h"

namespace jil::extract {

// Longest title taken from the first line (bytes, cut on a character boundary).
inline constexpr size_t kMaxTitleBytes = 300;

Result<ExtractedText> extract_plain_text(std::string_view bytes);

}  // namespace jil::extract
