// One entry point for all formats: bytes of a file in, ExtractedText out, with the reason when a
// file cannot be read. Runs in the calling process: the indexer calls it through
// extract_sandbox.h, in a child process.
#pragma once

#include <string_view>

#include "base/status.h"
#include "extract/document_format.h"
#include "extract/extracted_text.h"

namespace jil::extract {

// The text is cleaned, Arabic repaired (arabic_text_repair.h) and its quality assessed
// (text_quality.h) whatever the format.
Result<ExtractedText> extract(DocumentFormat format, std::string_view bytes);

// The common last step of every extraction (also of OCR): Arabic repair of title and text, page
// offsets recomputed, quality and notes set.
void finish_extraction(ExtractedText& extracted);

}  // namespace jil::extract
