// Splits a request target into its path and decoded query parameters, and decodes the same
// name=value text sent as an application/x-www-form-urlencoded body (OAI-PMH's POST).
// Percent-escapes and '+' are decoded; bad escapes, invalid UTF-8, NUL and too many parameters
// are errors.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace jil::api {

inline constexpr size_t kMaxQueryParameters = 100;

struct ParsedTarget {
  std::string path;                                    // decoded, valid UTF-8
  std::multimap<std::string, std::string> parameters;  // decoded names and values, in order

  // First value of a parameter, or "" when absent.
  std::string first(const std::string& name) const;
  std::vector<std::string> all(const std::string& name) const;
};

Result<ParsedTarget> parse_target(std::string_view target);

// The parameters of `query`: name=value pairs joined by '&', as after a URL's '?' (its fragment
// removed) or in a form body. Errors name `source` ("the URL", "the form"): "malformed
// percent-escape in the form".
Result<std::multimap<std::string, std::string>> parse_query(std::string_view query,
                                                            std::string_view source);

}  // namespace jil::api
