// Escapes text for XML 1.0 element content and quoted attribute values (& < > " '), and drops
// the characters XML 1.0 cannot carry at all (C0 controls other than tab, LF and CR), so feeds,
// sitemaps and OAI-PMH answers stay well-formed whatever a document's title holds.
#pragma once

#include <string>
#include <string_view>

namespace jil::render {

std::string xml_escaped(std::string_view text);

}  // namespace jil::render
