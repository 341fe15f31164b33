// Extracts EPUB books: META-INF/container.xml names the package (OPF) file, whose spine gives the
// reading order of the XHTML chapters; each chapter goes through the HTML extractor. Title and
// language come from the package's dc:title and dc:language.
#pragma once

#include <string_view>

#include "base/status.h"
#include "extract/extracted_text.h"

namespace jil::extract {

// Fails with the zip limit or XML error that stopped it; kCorrupt "not an EPUB book" when the
// container, package or a spine chapter is missing, or a chapter is not valid UTF-8.
Result<ExtractedText> extract_epub(std::string_view bytes);

}  // namespace jil::extract
