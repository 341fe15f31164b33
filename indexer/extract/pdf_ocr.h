// Recognises the text of PDF pages that have no text layer (scans): each such page is rendered
// with poppler-cpp at 300 dpi in grey and read by Tesseract (Debian's tesseract-ocr-* data) in
// the document's language. Runs inside the extractor sandbox with its own limits
// (extract_sandbox.h), because it takes seconds per page.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "extract/extracted_text.h"

namespace jil::extract {

// Pages recognised per document at most: a 300-page scanned report would take the indexer an
// hour on two cores; the rest is noted in quality_notes.
inline constexpr int kMaxOcrPages = 20;
// Rendering resolution: Tesseract reads body text best at 300 dpi.
inline constexpr double kOcrDotsPerInch = 300.0;

// Tesseract's language names for a JIL language code ("en" → "eng", "zh-Hant" → "chi_tra");
// with no hint (or an unknown one) "eng+fra+spa+rus", the Latin and Cyrillic languages.
std::string tesseract_languages(std::string_view language);

// The PDF's text with every page that has no text layer recognised (up to kMaxOcrPages of
// them); pages with a text layer keep it. Pages separated by "\f", page_offsets set, quality
// "ocr". kCorrupt/kUnsupported as extract_pdf for unreadable or encrypted files; kUnsupported
// "OCR found no text" when recognition gives nothing; kInternal if Tesseract cannot start.
Result<ExtractedText> ocr_pdf(std::string_view bytes, std::string_view language);

}  // namespace jil::extract
