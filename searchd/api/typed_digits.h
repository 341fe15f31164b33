// Digits as readers type them: a year typed on an Arabic, Persian or East Asian keyboard
// ("٢٠١٥", "۲۰۱۵", "２０１５") is the same year as "2015".
#pragma once

#include <string>
#include <string_view>

namespace jil::api {

// `text` with Arabic-Indic (U+0660–0669), extended Arabic-Indic (U+06F0–06F9) and fullwidth
// (U+FF10–FF19) digits as ASCII digits; everything else is kept as it is.
std::string with_ascii_digits(std::string_view text);

}  // namespace jil::api
