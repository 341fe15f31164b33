// Percent-encoding of a URL query component (RFC 3986: unreserved characters kept).
#pragma once

#include <string>
#include <string_view>

namespace jil {

std::string url_encode(std::string_view value);

}  // namespace jil
