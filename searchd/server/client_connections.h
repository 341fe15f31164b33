// The per-client connection cap (T-H5, T-H7): counts open connections per client address, an
// IPv6 /64 counting as one address (one household or office gets one), IPv4-mapped IPv6 as its
// IPv4 address. A Slot is held for the connection's life and gives its place back when destroyed
// (a Slot with no owner counts nothing: a trusted proxy's connection).
#pragma once

#include <boost/asio/ip/address.hpp>

#include <array>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>

namespace jil::server {

class ClientConnections {
 public:
  using Key = std::array<unsigned char, 16>;

  class Slot {
   public:
    Slot(ClientConnections* owner, Key key) : owner_(owner), key_(key) {}
    Slot(Slot&& other) noexcept : owner_(other.owner_), key_(other.key_) { other.owner_ = nullptr; }
    Slot& operator=(Slot&&) = delete;
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    ~Slot() {
      if (owner_) owner_->leave(key_);
    }

   private:
    ClientConnections* owner_;
    Key key_;
  };

  explicit ClientConnections(size_t limit_per_client) : limit_(limit_per_client) {}

  // A place for one more connection from `address`; nothing when it has `limit` open already.
  std::optional<Slot> enter(const boost::asio::ip::address& address);
  // The key `address` is counted under (exposed for tests of the /64 rule).
  static Key key_of(const boost::asio::ip::address& address);

 private:
  void leave(const Key& key);

  const size_t limit_;
  std::mutex mutex_;
  std::map<Key, size_t> open_;  // only addresses with a connection open
};

}  // namespace jil::server
