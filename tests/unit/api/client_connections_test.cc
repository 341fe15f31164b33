// Tests server/client_connections.cc: which addresses share one per-client count (an IPv6 /64 is
// one client, IPv4-mapped IPv6 is its IPv4 address) and that the cap and Slot release hold.
#include "server/client_connections.h"

#include <gtest/gtest.h>

#include <optional>

namespace jil::server {
namespace {

using boost::asio::ip::make_address;

ClientConnections::Key key(const char* address) {
  return ClientConnections::key_of(make_address(address));
}

TEST(ClientConnections, IPv4AddressesAreEachTheirOwnClient) {
  EXPECT_EQ(key("192.0.2.7"), key("192.0.2.7"));
  EXPECT_NE(key("192.0.2.7"), key("192.0.2.8"));
}

TEST(ClientConnections, IPv4MappedIPv6CountsAsItsIPv4Address) {
  EXPECT_EQ(key("::ffff:192.0.2.7"), key("192.0.2.7"));
  EXPECT_NE(key("::ffff:192.0.2.7"), key("192.0.2.8"));
}

TEST(ClientConnections, TwoIPv6AddressesInOneSlash64AreOneClient) {
  EXPECT_EQ(key("2001:db8:1:2::1"), key("2001:db8:1:2:ffff:ffff:ffff:ffff"));
}

TEST(ClientConnections, IPv6AddressesInDifferentSlash64sAreDifferentClients) {
  EXPECT_NE(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
  // A /64 whose first four bytes equal an IPv4 address is still not that address.
  EXPECT_NE(key("c000:207::1"), key("192.0.2.7"));
}

TEST(ClientConnections, TheCapCountsASlash64AsOneClientAndSlotsGiveTheirPlaceBack) {
  ClientConnections connections(2);
  std::optional<ClientConnections::Slot> first = connections.enter(make_address("2001:db8::1"));
  std::optional<ClientConnections::Slot> second = connections.enter(make_address("2001:db8::2"));
  ASSERT_TRUE(first && second);
  EXPECT_FALSE(connections.enter(make_address("2001:db8::3")));
  EXPECT_TRUE(connections.enter(make_address("2001:db8:0:1::1")));  // another /64
  EXPECT_TRUE(connections.enter(make_address("192.0.2.1")));
  first.reset();
  EXPECT_TRUE(connections.enter(make_address("2001:db8::4")));
}

}  // namespace
}  // namespace jil::server
