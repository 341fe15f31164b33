// Which reverse proxies searchd believes about the client's address (`--trusted-proxy CIDR`,
// repeatable; none by default). The anonymous rate limit is per client address: behind nginx
// every request comes from the proxy, so with the proxy's range listed the client is read from
// X-Forwarded-For instead. Only when the TCP peer is inside a listed range: the header is read
// from right to left (each proxy appends the address it saw) and the first hop that is not a
// trusted proxy is the client; a client cannot choose its bucket by sending the header itself,
// since a direct peer is never trusted and a proxy appends the real peer after whatever the
// client wrote. An unparsable hop stops the walk at the last trusted address (a proxy). Without
// a trusted peer the header is ignored.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace jil::api {

// An address range: IPv4 is kept as IPv4-mapped IPv6 (::ffff:a.b.c.d), so 10.0.0.0/8 becomes
// ::ffff:10.0.0.0/104 and one comparison serves both families.
struct AddressRange {
  std::array<uint8_t, 16> bytes{};
  unsigned prefix_bits = 128;
};

// "10.0.0.0/8", "192.168.1.7" (one address), "2001:db8::/32", "::1"; kInvalidArgument naming
// the text otherwise (a bad address, a prefix past 32 or 128, host bits set).
Result<AddressRange> parse_address_range(std::string_view text);
// "192.0.2.1", "::ffff:192.0.2.1", "2001:db8::1" as 16 bytes; nullopt when not an address.
std::optional<std::array<uint8_t, 16>> parse_address(std::string_view text);

class TrustedProxies {
 public:
  TrustedProxies() = default;
  explicit TrustedProxies(std::vector<AddressRange> ranges) : ranges_(std::move(ranges)) {}

  bool empty() const { return ranges_.empty(); }
  bool contains(std::string_view address) const;
  // The client's address for a request from `peer` carrying `x_forwarded_for` (all its fields,
  // joined with commas; "" when absent): `peer` itself unless it is a trusted proxy.
  std::string client_address(const std::string& peer, std::string_view x_forwarded_for) const;

 private:
  bool contains(const std::array<uint8_t, 16>& address) const;
  std::vector<AddressRange> ranges_;
};

}  // namespace jil::api
