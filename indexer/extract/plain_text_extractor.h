// Extracts plain text files: UTF-8 (a BOM is dropped); the first non-empty line is the title.
// Legacy encodings are detected in a later step (issue 4); here they are refused with a reason.
#pragma once

#include <string_view>

#include "base/status.h"
#include "extract/extracted_text.h"

namespace jil::extract {

Result<ExtractedText> extract_plain_text(std::string_view bytes);

}  // namespace jil::extract
