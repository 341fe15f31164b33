// What an extractor gives back: the plain text of a file and what it says about itself.
// Every field crosses the sandbox pipe: a new field must also be added to
// extracted_text_codec.cc (its round-trip test fails otherwise).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "extract/embedded_metadata.h"

namespace jil::extract {

struct ExtractedText {
  std::string title;        // from <title>, the first heading or the first line; may be empty
  std::string text;         // plain text, paragraphs separated by blank lines, valid UTF-8
  std::string language;     // language the file declares (<html lang>), or ""
  std::string description;  // <meta name="description">, or ""
  // Paged formats (PDF): byte offset in `text` where each page starts, one per page, so the page
  // count is its size; pages are separated by a form feed "\f". Empty for unpaged formats.
  std::vector<uint32_t> page_offsets;
  // Text formats: the encoding the bytes were decoded from ("UTF-8", "windows-1251", ...) and
  // how sure the detector was (0–100; 100 for a byte order mark or valid UTF-8). "" and 0 for
  // formats that carry their own encoding (PDF, DOCX, ODT, EPUB).
  std::string charset;
  int charset_confidence = 0;
  // How far the text can be trusted for search (text_quality.h): "ok", "repaired", "suspect" or
  // "ocr", and the reasons in a few words ("12 Arabic lam-alef pairs put back in order").
  std::string quality;
  std::string quality_notes;
  // The file's own properties (PDF info, core.xml, meta.xml, OPF, HTML <meta>); metadata/ reads
  // them when a sidecar or manifest row leaves a field out.
  EmbeddedMetadata embedded;
};

}  // namespace jil::extract
