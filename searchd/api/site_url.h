// The absolute base URL ("http://host:port") of the site as the client addressed it, for the
// documents that need absolute links (sitemap, OpenSearch, Atom, OAI-PMH). The Host header is
// the client's: anything but a plain host name, IPv4/IPv6 address and port is replaced by
// kFallbackHost, so no header can inject markup or another scheme.
#pragma once

#include <string>
#include <string_view>

#include "api/http_types.h"

namespace jil::api {

inline constexpr std::string_view kFallbackHost = "localhost";
inline constexpr size_t kMaxHostBytes = 255;

std::string site_base_url(const HttpRequest& request);

}  // namespace jil::api
