// What an extractor gives back: the plain text of a file and what it says about itself.
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
  // The file's own properties (PDF info, core.xml, meta.xml, OPF, HTML <meta>); metadata/ reads
  EmbeddedMetadata embedded;
};

}  // namespace jil::extract
