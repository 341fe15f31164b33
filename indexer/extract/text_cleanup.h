// Cleans extracted text for search and display: drops bidi controls, soft hyphens and zero-width
// spaces, unifies line ends, folds runs of blanks, keeps at most one blank line in a row, joins
// Chinese and Japanese lines without a space and rejoins words hyphenated at a line end.
#pragma once

#include <string>
#include <string_view>

namespace jil::extract {

// `text` must be valid UTF-8; the result is too. A line end between two CJK characters is
// dropped; "judi-\ncial" becomes "judicial" when a Latin, Cyrillic or Greek letter precedes the
// hyphen and a lower-case letter follows ("State-\nOwned" keeps its line end). Linear time.
std::string cleaned_text(std::string_view text);

// HTML character references (&amp; &#233; &#x4E2D; and the common named ones) decoded.
std::string decode_character_references(std::string_view text);

}  // namespace jil::extract
