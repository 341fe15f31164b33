// Implementation of client_connections.h.
#include "server/client_connections.h"

namespace jil::server {

ClientConnections::Key ClientConnections::key_of(const boost::asio::ip::address& address) {
  Key key{};
  if (address.is_v6() && !address.to_v6().is_v4_mapped()) {
    const auto bytes = address.to_v6().to_bytes();
    for (size_t index = 0; index < 8; ++index) key[index] = bytes[index];  // the /64 prefix
    key[15] = 6;  // never equal to an IPv4 key
    return key;
  }
  const auto v4 = address.is_v4() ? address.to_v4()
                                  : boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped,
                                                                     address.to_v6());
  const auto bytes = v4.to_bytes();
  for (size_t index = 0; index < 4; ++index) key[index] = bytes[index];
  key[15] = 4;
  return key;
}

std::optional<ClientConnections::Slot> ClientConnections::enter(
    const boost::asio::ip::address& address) {
  const Key key = key_of(address);
  std::lock_guard lock(mutex_);
  size_t& open = open_[key];
  if (open >= limit_) return std::nullopt;
  ++open;
  return Slot(this, key);
}

void ClientConnections::leave(const Key& key) {
  std::lock_guard lock(mutex_);
  const auto found = open_.find(key);
  if (found == open_.end()) return;
  if (--found->second == 0) open_.erase(found);
}

}  // namespace jil::server
