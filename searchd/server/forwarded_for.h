// The X-Forwarded-For of a Beast request as one value: every field of that name, in order,
// joined with ", " (RFC 9110 §5.3: repeated fields combine that way). What it means, and whether
// to believe it at all, is api/trusted_proxies.h's business.
#pragma once

#include <string>

namespace jil::server {

template <class Fields>
std::string forwarded_for(const Fields& fields) {
  std::string joined;
  const auto [first, last] = fields.equal_range("X-Forwarded-For");
  for (auto field = first; field != last; ++field) {
    if (!joined.empty()) joined += ", ";
    joined += std::string(field->value());
  }
  return joined;
}

}  // namespace jil::server
