// Cleans extracted text for search and display: drops bidi controls, soft hyphens and zero-width
// spaces, unifies line ends, folds runs of blanks, and keeps at most one blank line in a row.
#pragma once

#include <string>
#include <string_view>

namespace jil::extract {

// `text` must be valid UTF-8; the result is too.
std::string cleaned_text(std::string_view text);

// HTML character references (&amp; &#233; &#x4E2D; and the common named ones) decoded.
std::string decode_character_references(std::string_view text);

}  // namespace jil::extract
