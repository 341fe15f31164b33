// Extracts PDF files with poppler-cpp: the text layer page by page, pages separated by a form
// feed "\f" and their start offsets kept in ExtractedText::page_offsets; title from the document
// information dictionary. Scanned PDFs (no text layer) are refused here; extract_sandbox.h then
// sends them, and PDFs with some pages without text, to OCR (pdf_ocr.h).
#pragma once

#include <string_view>

#include "base/status.h"
#include "extract/extracted_text.h"

namespace jil::extract {

// kCorrupt "not a readable PDF" when poppler cannot open it; kUnsupported "PDF is encrypted"
// when it needs a password; kUnsupported "PDF has no text layer (scanned?)" when no page has
// text (extract_sandbox.cc recognises this message's start). poppler's diagnostics on stderr are
// silenced.
Result<ExtractedText> extract_pdf(std::string_view bytes);

}  // namespace jil::extract
