// The library's public address, `jil-searchd --public-url URL`: the scheme, host and port that
// readers use (e.g. https://jil.example.org behind a TLS reverse proxy), from which every
// absolute URL is built (api/site_url.h). Only scheme://host[:port]: every page links from the
// root (/static/..., /doc/..., /search), so JIL cannot live under a path prefix.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace jil::api {

// Longest --public-url accepted (bytes): "https://", a 253-byte DNS name, ":65535".
inline constexpr size_t kMaxPublicUrlBytes = 8 + 253 + 6;

// "HTTPS://JIL.Example.org/" → "https://jil.example.org". The scheme is http or https; the host
// a DNS name, an IPv4 address or a bracketed IPv6 address (lower-cased); the port, when given,
// 1 to 65535 and dropped when it is the scheme's default. A lone trailing "/" is dropped.
// kInvalidArgument naming the text and the reason otherwise: another scheme, user information,
// a path, a query or a fragment, a malformed host or port.
Result<std::string> parse_public_url(std::string_view text);

}  // namespace jil::api
