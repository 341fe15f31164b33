// Checks that a text is a host: a DNS name (labels of letters, digits and '-'; international
// names in their xn-- form) or an IPv4 address. Shared by --public-url (api/public_url.h) and
// the domain of --oai-admin-email (api/oai_identity.h), so both refuse the same hosts.
#pragma once

#include <string_view>

namespace jil::api {

// DNS limits (RFC 1035): a name of at most 253 bytes written out, labels of 1 to 63.
inline constexpr size_t kMaxHostNameBytes = 253;
inline constexpr size_t kMaxHostLabelBytes = 63;

// Why `host` is neither a DNS name nor an IPv4 address, or "" when it is one. As in browsers, a
// host whose last label is a number is read as an IPv4 address and must be a whole one. The
// reason is a static text ("the host has an empty label ..."). Thread-safe.
std::string_view host_name_fault(std::string_view host);

}  // namespace jil::api
