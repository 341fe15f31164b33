// Escapes text for HTML element content and quoted attribute values (& < > " ').
#pragma once

#include <string>
#include <string_view>

namespace jil::render {

std::string html_escaped(std::string_view text);

}  // namespace jil::render
