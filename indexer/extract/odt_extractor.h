// Extracts OpenDocument text files (.odt): body text from content.xml, title from meta.xml. The
// zip is read with ZipReader's limits, the XML with parse_xml's hardening.
#pragma once

#include <string_view>

#include "base/status.h"
#include "extract/extracted_text.h"

namespace jil::extract {

// Fails with the zip limit or XML error that stopped it, or kCorrupt "not an ODT document" when
// content.xml is missing.
Result<ExtractedText> extract_odt(std::string_view bytes);

}  // namespace jil::extract
