// Implementation of site_url.h.
#include "api/site_url.h"

namespace jil::api {

std::string site_base_url(const HttpRequest& request, std::string_view public_url) {
  if (!public_url.empty()) return std::string(public_url);
  const std::string& host = request.host;
  bool plain = !host.empty() && host.size() <= kMaxHostBytes;
  for (char c : host) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                         (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':' || c == '[' ||
                         c == ']';
    plain = plain && allowed;
  }
  return "http://" + (plain ? host : std::string(kFallbackHost));
}

}  // namespace jil::api
