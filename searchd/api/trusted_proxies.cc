// Implementation of trusted_proxies.h with inet_pton(3).
#include "api/trusted_proxies.h"

#include <arpa/inet.h>

#include <charconv>

#include "api/header_text.h"

namespace jil::api {
namespace {

// A hop of X-Forwarded-For as proxies write it: "192.0.2.1", "192.0.2.1:5678", "2001:db8::1",
// "[2001:db8::1]" or "[2001:db8::1]:5678"; the address part.
std::string_view hop_address(std::string_view hop) {
  if (hop.starts_with('[')) {
    const size_t close = hop.find(']');
    return close == std::string_view::npos ? std::string_view() : hop.substr(1, close - 1);
  }
  const size_t colon = hop.find(':');
  if (colon != std::string_view::npos && hop.find(':', colon + 1) == std::string_view::npos) {
    return hop.substr(0, colon);  // one colon: IPv4 with a port
  }
  return hop;
}

}  // namespace

std::optional<std::array<uint8_t, 16>> parse_address(std::string_view text) {
  if (text.empty() || text.size() > 45) return std::nullopt;  // INET6_ADDRSTRLEN - 1
  const std::string copy(text);
  std::array<uint8_t, 16> bytes{};
  if (copy.find(':') == std::string::npos) {
    if (inet_pton(AF_INET, copy.c_str(), bytes.data() + 12) != 1) return std::nullopt;
    bytes[10] = bytes[11] = 0xff;
    return bytes;
  }
  if (inet_pton(AF_INET6, copy.c_str(), bytes.data()) != 1) return std::nullopt;
  return bytes;
}

Result<AddressRange> parse_address_range(std::string_view text) {
  const auto refuse = [&](const std::string& why) {
    return invalid_argument("--trusted-proxy " + std::string(text) + ": " + why +
                            " (expected an address or a CIDR range like 10.0.0.0/8 or fd00::/8)");
  };
  const size_t slash = text.find('/');
  const std::optional<std::array<uint8_t, 16>> address = parse_address(text.substr(0, slash));
  if (!address) return refuse("not an IP address");
  const bool ipv4 = text.substr(0, slash).find(':') == std::string_view::npos;
  AddressRange range;
  range.bytes = *address;
  unsigned bits = ipv4 ? 32 : 128;
  if (slash != std::string_view::npos) {
    const std::string_view digits = text.substr(slash + 1);
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), bits);
    if (error != std::errc() || end != digits.data() + digits.size() || digits.empty() ||
        bits > (ipv4 ? 32u : 128u)) {
      return refuse("bad prefix length");
    }
  }
  range.prefix_bits = ipv4 ? bits + 96 : bits;
  for (unsigned bit = range.prefix_bits; bit < 128; ++bit) {
    if (range.bytes[bit / 8] & (0x80 >> (bit % 8))) return refuse("host bits are set");
  }
  return range;
}

bool TrustedProxies::contains(const std::array<uint8_t, 16>& address) const {
  for (const AddressRange& range : ranges_) {
    bool inside = true;
    for (unsigned bit = 0; bit < range.prefix_bits && inside; ++bit) {
      const uint8_t mask = static_cast<uint8_t>(0x80 >> (bit % 8));
      inside = (address[bit / 8] & mask) == (range.bytes[bit / 8] & mask);
    }
    if (inside) return true;
  }
  return false;
}

bool TrustedProxies::contains(std::string_view address) const {
  const std::optional<std::array<uint8_t, 16>> bytes = parse_address(address);
  return bytes && contains(*bytes);
}

std::string TrustedProxies::client_address(const std::string& peer,
                                           std::string_view x_forwarded_for) const {
  if (ranges_.empty() || !contains(peer)) return peer;
  std::string client = peer;  // the nearest trusted hop so far
  std::string_view rest = x_forwarded_for;
  while (!rest.empty()) {
    const size_t comma = rest.rfind(',');
    const std::string_view hop =
        without_ows(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    const std::string_view address = hop_address(hop);
    const std::optional<std::array<uint8_t, 16>> bytes = parse_address(address);
    if (!bytes) return client;  // "unknown", garbage: believe nothing further left
    client = std::string(address);
    if (!contains(*bytes)) return client;  // the first untrusted hop: the client
  }
  return client;  // every hop a trusted proxy: the leftmost one
}

}  // namespace jil::api
