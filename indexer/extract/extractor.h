// One entry point for all formats: bytes of a file in, ExtractedText out, with the reason when a
// file cannot be read. Runs in-process for now; the child-process sandbox wraps this call.
#pragma once

#include <string_view>

#include "base/status.h"
#include "extract/document_format.h"
#include "extract/extracted_text.h"

namespace jil::extract {

Result<ExtractedText> extract(DocumentFormat format, std::string_view bytes);

}  // namespace jil::extract
