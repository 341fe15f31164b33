// Extracts text from Markdown (CommonMark with tables) with md4c: block structure kept as blank
// lines, raw HTML dropped, entities decoded; the first level-1 heading becomes the title.
#pragma once

#include <string_view>

#include "base/status.h"
#include "extract/extracted_text.h"

namespace jil::extract {

Result<ExtractedText> extract_markdown(std::string_view markdown);

}  // namespace jil::extract
