// Small helpers for reading HTTP header values (RFC 9110 5.6) and the other ASCII text of
// requests and options: optional whitespace around list items and parameters, tokens compared
// or lower-cased without regard to case, runs of digits.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
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

// `text` with its ASCII capitals lower-cased (other bytes, UTF-8 included, kept).
inline std::string ascii_lower(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lowered;
}

// Whether `text` is one or more ASCII digits.
inline bool all_digits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace jil::api
