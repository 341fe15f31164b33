// What an extractor gives back: the plain text of a file and what it says about itself.
#pragma once

#include <string>

namespace jil::extract {

struct ExtractedText {
  std::string title;        // from <title>, the first heading or the first line; may be empty
  std::string text;         // plain text, paragraphs separated by blank lines, valid UTF-8
  std::string language;     // language the file declares (<html lang>), or ""
  std::string description;  // <meta name="description">, or ""
};

}  // namespace jil::extract
