// Small helpers for reading HTTP header values (RFC 9110 5.6): optional whitespace around list
// items and parameters, and tokens compared without regard to case.
#pragma once

#include <algorithm>
#include <cctype>
#include <string_view>

namespace jil::api {

// `text` without the spaces and tabs (OWS) at either end.
inline std::string_view without_ows(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// ASCII case-insensitive equality, as header names and tokens compare.
inline bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace jil::api
