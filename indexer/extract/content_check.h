// Does a file's content agree with its name? libmagic (the library behind file(1)) names what
// the bytes are; a PDF named .txt, a Word file named .pdf or plain text named .docx is refused
// with what the content is and the name to give it, before any extractor reads it as what it is
// not (RELIABILITY.md T-P8). Only a definite other kind is refused: bytes libmagic cannot name,
// and any kind of text in a text format (UTF-16 without a byte order mark, legacy charsets, a
// Markdown file that looks like HTML), are left to the extractor.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "extract/document_format.h"

namespace jil::extract {

// The media type libmagic gives `bytes` ("application/pdf"), or "" when it cannot run. It
// costs about a millisecond a file, whatever its size (it tries its whole database).
std::string content_media_type(std::string_view bytes);

// check_content_kind of what libmagic says of `bytes`, asked only where it can matter: a text
// format whose bytes are valid UTF-8 and do not open as a PDF is text without asking (the
// bench corpus's files, where the millisecond would be 7 % of the indexing CPU).
Status check_content(DocumentFormat named, std::string_view bytes);

// OK, or kUnsupported "the content is a PDF document, not the txt its name says: rename it
// .pdf" when `media_type` is definitely something other than `named`.
Status check_content_kind(DocumentFormat named, std::string_view media_type);

}  // namespace jil::extract
