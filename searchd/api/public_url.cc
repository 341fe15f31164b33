// Implementation of public_url.h.
#include "api/public_url.h"

#include <arpa/inet.h>

#include <array>
#include <cstdint>

#include "api/header_text.h"
#include "api/host_name.h"

namespace jil::api {
namespace {

Status refused(std::string_view text, std::string_view reason) {
  return invalid_argument("--public-url " + std::string(text) + ": " + std::string(reason));
}

// The IPv6 address inside brackets in its canonical text (RFC 5952: lower case, zeros
// compressed), or "" when it is not one (zone identifiers included).
std::string canonical_ipv6(std::string_view inside) {
  std::array<uint8_t, 16> address{};
  const std::string terminated(inside);
  if (inet_pton(AF_INET6, terminated.c_str(), address.data()) != 1) return "";
  std::array<char, INET6_ADDRSTRLEN> text{};
  if (!inet_ntop(AF_INET6, address.data(), text.data(), text.size())) return "";
  return text.data();
}

// The number of a port's digits, 1 to 65535, or 0 when they are not one.
unsigned port_number(std::string_view digits) {
  if (!all_digits(digits) || digits.size() > 5) return 0;
  unsigned number = 0;
  for (char c : digits) number = number * 10 + static_cast<unsigned>(c - '0');
  return number <= 65535 ? number : 0;
}

}  // namespace

Result<std::string> parse_public_url(std::string_view text) {
  if (text.size() > kMaxPublicUrlBytes) {
    return refused(text.substr(0, 40),
                   "longer than " + std::to_string(kMaxPublicUrlBytes) + " bytes");
  }
  const size_t scheme_end = text.find("://");
  if (scheme_end == std::string_view::npos) {
    return refused(text, "not an absolute URL such as https://jil.example.org");
  }
  const std::string scheme = ascii_lower(text.substr(0, scheme_end));
  if (scheme != "http" && scheme != "https") {
    return refused(text, "the scheme must be http or https");
  }
  const std::string_view rest = text.substr(scheme_end + 3);
  const std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  const std::string_view tail = rest.substr(authority.size());
  if (authority.find('@') != std::string_view::npos) {
    return refused(text, "user information (user@host) is not allowed");
  }
  if (tail.find('?') != std::string_view::npos) return refused(text, "a query is not allowed");
  if (tail.find('#') != std::string_view::npos) return refused(text, "a fragment is not allowed");
  if (!tail.empty() && tail != "/") {
    return refused(text,
                   "a path is not allowed: JIL's pages link from the root (/doc/..., "
                   "/static/...), so it must be served at the root of its host");
  }

  std::string host;
  std::string_view after_host;
  if (authority.starts_with('[')) {
    const size_t close = authority.find(']');
    if (close == std::string_view::npos) return refused(text, "the IPv6 host lacks its ']'");
    const std::string address = canonical_ipv6(authority.substr(1, close - 1));
    if (address.empty()) return refused(text, "the host is not a valid IPv6 address");
    host = "[" + address + "]";
    after_host = authority.substr(close + 1);
    if (!after_host.empty() && !after_host.starts_with(':')) {
      return refused(text, "only a port (:N) may follow the IPv6 host");
    }
  } else {
    const size_t colon = authority.find(':');
    const std::string_view name = authority.substr(0, colon);
    after_host = authority.substr(name.size());
    if (after_host.find(':', 1) != std::string_view::npos) {
      return refused(text, "an IPv6 host must be written in brackets, as [2001:db8::1]");
    }
    if (const std::string_view fault = host_name_fault(name); !fault.empty()) {
      return refused(text, fault);
    }
    host = ascii_lower(name);
  }

  std::string port;
  if (!after_host.empty()) {
    const unsigned number = port_number(after_host.substr(1));
    if (number == 0) return refused(text, "the port must be a number from 1 to 65535");
    const unsigned default_port = scheme == "https" ? 443 : 80;
    if (number != default_port) port = ":" + std::to_string(number);
  }
  return scheme + "://" + host + port;
}

}  // namespace jil::api
