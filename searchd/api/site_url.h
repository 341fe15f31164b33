// The absolute base URL of the site ("https://jil.example.org", no trailing slash), the one
// source of every absolute URL searchd writes: sitemap, OpenSearch, Atom, OAI-PMH, the document
// page's permanent address and rel=canonical, and the citations built from it.
// With --public-url (api/public_url.h) it is that address, whatever the request says, so no
// header can change it. Without, it is "http://" + the request's Host header as the client
// addressed it: anything but a plain host name, IPv4/IPv6 address and port is replaced by
// kFallbackHost, so no header can inject markup or another scheme. X-Forwarded-Proto and
// X-Forwarded-Host are never read: anyone can send them.
#pragma once

#include <string>
#include <string_view>

#include "api/http_types.h"

namespace jil::api {

inline constexpr std::string_view kFallbackHost = "localhost";
inline constexpr size_t kMaxHostBytes = 255;

// `public_url` is parse_public_url()'s answer, or "" when none is configured.
std::string site_base_url(const HttpRequest& request, std::string_view public_url);

}  // namespace jil::api
