// Implementation of cors_policy.h.
#include "api/cors_policy.h"

#include "api/access_limits.h"
#include "api/problem.h"

namespace jil::api {
namespace {

bool is_host_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

bool is_ipv6_character(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == ':' || c == '.';
}

bool is_port(std::string_view digits) {
  if (digits.empty() || digits.size() > 5 || digits[0] == '0') return false;
  unsigned value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  return value <= 65535;
}

}  // namespace

bool is_allowed_origin_form(std::string_view origin) {
  if (origin.size() > kMaxOriginBytes) return false;
  std::string_view rest;
  if (origin.starts_with("https://")) {
    rest = origin.substr(8);
  } else if (origin.starts_with("http://")) {
    rest = origin.substr(7);
  } else {
    return false;  // also "null"
  }
  std::string_view host = rest;
  std::string_view port;
  if (rest.starts_with('[')) {
    const size_t close = rest.find(']');
    if (close == std::string_view::npos || close < 3) return false;
    for (char c : rest.substr(1, close - 1)) {
      if (!is_ipv6_character(c)) return false;
    }
    host = rest.substr(0, close + 1);
    if (close + 1 < rest.size()) {
      if (rest[close + 1] != ':') return false;
      port = rest.substr(close + 2);
      if (!is_port(port)) return false;
    }
    return true;
  }
  if (const size_t colon = rest.find(':'); colon != std::string_view::npos) {
    host = rest.substr(0, colon);
    port = rest.substr(colon + 1);
    if (!is_port(port)) return false;
  }
  if (host.empty() || host.front() == '.' || host.back() == '.' || host.front() == '-') {
    return false;
  }
  for (char c : host) {
    if (!is_host_character(c)) return false;
  }
  return true;
}

std::string anonymous_allow_origin(std::string_view origin) {
  if (origin.empty() || origin == "null") return "";
  return "*";
}

void add_cors_headers(std::string_view allow_origin, HttpResponse& response) {
  std::string vary = "Origin";
  for (const auto& [name, value] : response.headers) {
    if (name == "Vary" && !value.empty()) vary = value + ", Origin";
  }
  response.set_header("Vary", vary);
  if (allow_origin.empty()) return;
  response.set_header("Access-Control-Allow-Origin", std::string(allow_origin));
  response.set_header("Access-Control-Expose-Headers", "ETag, Retry-After");
}

HttpResponse preflight_response(std::string_view origin, bool allowed) {
  if (!allowed) {
    return problem_response(403, "this Origin is not allowed to call the API with a key");
  }
  HttpResponse response;
  response.status = 204;
  response.content_type.clear();
  response.set_header("Access-Control-Allow-Origin", std::string(origin));
  response.set_header("Access-Control-Allow-Methods", "GET, HEAD");
  response.set_header("Access-Control-Allow-Headers", "Authorization, X-API-Key");
  response.set_header("Access-Control-Max-Age", std::to_string(kPreflightMaxAge.count()));
  return response;
}

}  // namespace jil::api
