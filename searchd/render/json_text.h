// Every JSON answer's text: nlohmann::json's compact dump (invalid UTF-8 replaced by U+FFFD) with
// `<`, `>` and `&` written as \u003c, \u003e and \u0026. The answer means the same to any JSON
// parser, but text that echoes user input (a query, a detail naming a parameter) can never be
// read as markup if a partner's page or an old browser ever renders it as HTML (defence in depth;
// README "JSON API"). Those three characters occur in JSON only inside strings, so replacing
// them in the dumped text is exact.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace jil::render {

std::string json_text(const nlohmann::json& value);

}  // namespace jil::render
