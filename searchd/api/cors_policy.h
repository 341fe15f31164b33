// CORS for the JSON API (/api/v1/*), one policy:
//   - a request with a key from an Origin on that key's list: Access-Control-Allow-Origin is
//     that origin (never "*" for a key); an Origin off the list is refused before any work
//     (api_access.h answers 403);
//   - a request without a key (public, read-only, never with cookies): "*" for any Origin but
//     "null";
//   - "null" (sandboxed frames, file: pages) is never allowed; Access-Control-Allow-Credentials
//     is never sent; every API answer says Vary: Origin;
//   - a preflight (OPTIONS with Origin and Access-Control-Request-Method) is allowed for origins
//     on any valid key's list: GET and HEAD, headers Authorization and X-API-Key, cached
//     kPreflightMaxAge.
#pragma once

#include <string>
#include <string_view>

#include "api/http_types.h"

namespace jil::api {

// True for a serialized origin as browsers send it: "http" or "https", "://", a lower-case host
// name or IPv4 address (or a bracketed IPv6 address), an optional port 1-65535; no path, no
// trailing slash, never "null".
bool is_allowed_origin_form(std::string_view origin);

// The Access-Control-Allow-Origin value for an answer to a request without a key: "*" unless
// the Origin is absent or "null" ("").
std::string anonymous_allow_origin(std::string_view origin);

// Adds Vary: Origin (kept with any Vary already set) and, when `allow_origin` is not empty,
// Access-Control-Allow-Origin and the response headers scripts may read.
void add_cors_headers(std::string_view allow_origin, HttpResponse& response);

// The answer to a preflight from `origin`: 204 with the allowed methods, headers and max-age
// when `allowed`, else 403 problem+json without CORS headers (the browser then blocks).
HttpResponse preflight_response(std::string_view origin, bool allowed);

}  // namespace jil::api
