// UTF-8 helpers shared by both programs: validation, and repair of invalid input with U+FFFD.
#pragma once

#include <string>
#include <string_view>

namespace jil::utf8 {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool is_valid(std::string_view text);

// Copies `text`, replacing each ill-formed sequence with U+FFFD.
std::string repaired(std::string_view text);

// Length of the longest prefix of `text` of at most `max_bytes` that ends on a code point boundary.
size_t truncate_point(std::string_view text, size_t max_bytes);

}  // namespace jil::utf8
