// Extracts Word documents (.docx, Office Open XML): body text from word/document.xml, title from
// docProps/core.xml. The zip is read with ZipReader's limits, the XML with parse_xml's hardening.
#pragma once

#include <string_view>

#include "base/status.h"
#include "extract/extracted_text.h"

namespace jil::extract {

// Fails with the zip limit or XML error that stopped it, or kCorrupt "not a DOCX document" when
// word/document.xml is missing.
Result<ExtractedText> extract_docx(std::string_view bytes);

}  // namespace jil::extract
