// Floods and slow clients at jil-searchd's HTTP edge over raw sockets (RELIABILITY.md T-H2, T-H4,
// T-H5, T-H7, T-H8): the server stops reading what it will not accept, cuts slow requests at
// the header deadline, caps connections and pipelined requests, and keeps answering others
// throughout. Deadlines and caps are made small with searchd options so each test takes seconds;
// the long attack runs are tools/bench/edge_attacks.sh.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "http_client.h"
#include "indexer_test_files.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

// How long a test waits on one socket before failing instead of hanging.
constexpr int kSocketDeadlineSeconds = 20;

// A connected socket to 127.0.0.1:port with bounded waits; closed on destruction.
class RawSocket {
 public:
  explicit RawSocket(unsigned short port) {
    fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const timeval deadline = {kSocketDeadlineSeconds, 0};
    setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &deadline, sizeof deadline);
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &deadline, sizeof deadline);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  }
  ~RawSocket() {
    if (fd_ >= 0) close(fd_);
  }
  RawSocket(const RawSocket&) = delete;
  RawSocket& operator=(const RawSocket&) = delete;

  bool connected() const { return connected_; }

  // Sends all of `bytes`; false when the connection failed (the server closed it).
  bool send_all(std::string_view bytes) {
    size_t sent = 0;
    while (sent < bytes.size()) {
      const ssize_t count = send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (count < 0 && errno == EINTR) continue;
      if (count <= 0) return false;
      sent += static_cast<size_t>(count);
      bytes_sent_ += static_cast<size_t>(count);
    }
    return true;
  }

  // Reads until the server closes (true) or the deadline passes (false); bytes go to received().
  bool read_until_closed() {
    char buffer[65536];
    while (true) {
      const ssize_t count = recv(fd_, buffer, sizeof buffer, 0);
      if (count > 0) {
        received_.append(buffer, static_cast<size_t>(count));
      } else if (count < 0 && errno == EINTR) {
        continue;
      } else {
        return count == 0 || errno == ECONNRESET;
      }
    }
  }

  // Reads until `needle` has arrived; false on close or deadline first.
  bool read_until(std::string_view needle) {
    char buffer[65536];
    while (received_.find(needle) == std::string::npos) {
      const ssize_t count = recv(fd_, buffer, sizeof buffer, 0);
      if (count < 0 && errno == EINTR) continue;
      if (count <= 0) return false;
      received_.append(buffer, static_cast<size_t>(count));
    }
    return true;
  }

  size_t bytes_sent() const { return bytes_sent_; }
  const std::string& received() const { return received_; }

 private:
  int fd_ = -1;
  bool connected_ = false;
  size_t bytes_sent_ = 0;
  std::string received_;
};

size_t occurrences(const std::string& text, std::string_view needle) {
  size_t count = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

void expect_served(unsigned short port, const std::string& context) {
  const HttpReply reply = http_get(port, "/api/v1/search?q=judge&size=1");
  EXPECT_EQ(reply.error, "") << context;
  EXPECT_EQ(reply.status, 200u) << context;
}

const std::string kChunkedHead =
    "POST /api/v1/search HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n";

struct Flood {
  std::string name;
  std::string head;   // sent first
  std::string block;  // then repeated up to kFloodBytes
  std::string status_line;
};

void PrintTo(const Flood& flood, std::ostream* out) { *out << flood.name; }

// More than every socket buffer between client and server can hold: a client that manages to
// send all of it was being read by the server.
constexpr size_t kFloodBytes = 64 * 1024 * 1024;

class FloodedConnection : public ::testing::TestWithParam<Flood> {};

// T-H2, T-H4: the answer comes after the header, the connection is closed, and the server reads
// no more of the flood (the client cannot send all of it).
TEST_P(FloodedConnection, IsRefusedAfterTheHeaderAndClosed) {
  const Flood& flood = GetParam();
  RawSocket attacker(environment().port());
  ASSERT_TRUE(attacker.connected());
  ASSERT_TRUE(attacker.send_all(flood.head));
  std::string block;
  while (block.size() < 64 * 1024) block += flood.block;
  while (attacker.bytes_sent() < kFloodBytes && attacker.send_all(block)) {
  }
  EXPECT_LT(attacker.bytes_sent(), kFloodBytes) << "the server kept reading the flood";
  attacker.read_until_closed();
  EXPECT_EQ(attacker.received().substr(0, attacker.received().find("\r\n")), flood.status_line);
  EXPECT_EQ(occurrences(attacker.received(), "HTTP/1.1 "), 1u);
  expect_served(environment().port(), flood.name);
}

std::vector<Flood> floods() {
  return {
      {"ChunkExtension", kChunkedHead + "1;ext=", std::string(1024, 'e'),
       "HTTP/1.1 400 Bad Request"},
      {"Trailers", kChunkedHead + "0\r\n", "X-Trailer: aaaaaaaaaaaaaaaaaaaaaa\r\n",
       "HTTP/1.1 400 Bad Request"},
      {"SmallChunks", kChunkedHead, "1\r\na\r\n", "HTTP/1.1 400 Bad Request"},
      {"BodyOverTheLimit",
       "POST /api/v1/search HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " +
           std::to_string(kFloodBytes) + "\r\n\r\n",
       std::string(4096, 'b'), "HTTP/1.1 413 Content Too Large"},
      {"EndlessHeader", "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Long: ",
       std::string(4096, 'h'), "HTTP/1.1 431 Request Header Fields Too Large"},
      {"EndlessHeaderLines", "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n", "X-A: b\r\n",
       "HTTP/1.1 431 Request Header Fields Too Large"},
  };
}

std::string flood_name(const ::testing::TestParamInfo<Flood>& param_info) {
  return param_info.param.name;
}

INSTANTIATE_TEST_SUITE_P(HttpFloods, FloodedConnection, ::testing::ValuesIn(floods()), flood_name);

// T-H8: one connection sends thousands of pipelined requests without reading. The server answers
// one at a time (a response must be taken before the next request is read: a queue of one),
// others are served meanwhile, and the connection is closed after kMaxRequestsPerConnection
// (how much a stalled flooder gets into searchd is a figure of tools/bench/edge_attacks.sh).
TEST(HttpFloods, PipeliningFloodIsBackPressuredAndCapped) {
  constexpr size_t kPipelined = 5000;
  constexpr size_t kMaxRequestsPerConnection = 1000;  // server/searchd_options.h
  const std::string request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  std::string all;
  for (size_t index = 0; index < kPipelined; ++index) all += request;

  RawSocket flooder(environment().port());
  ASSERT_TRUE(flooder.connected());
  std::thread sender([&] { flooder.send_all(all); });
  // The flooder reads nothing yet: other clients are served all the same.
  for (int index = 0; index < 5; ++index) expect_served(environment().port(), "during the flood");
  EXPECT_TRUE(flooder.read_until_closed()) << "the flooding connection was never closed";
  sender.join();
  // Every answer arrives whole: the close after the last one does not reset it away.
  EXPECT_EQ(occurrences(flooder.received(), "HTTP/1.1 200 OK"), kMaxRequestsPerConnection);
  EXPECT_EQ(occurrences(flooder.received(), "\"status\":\"ok\""), kMaxRequestsPerConnection);
  expect_served(environment().port(), "after the flood");
}

// A second searchd on the same index, with a short header deadline and a small connection cap.
class SmallEdgeLimits : public ::testing::Test {
 protected:
  static constexpr size_t kConnectionCap = 4;
  static void SetUpTestSuite() {
    server_ = new PrivateSearchd(
        environment().index_dir(), environment().store_dir(),
        {"--header-timeout", "1", "--max-connections", std::to_string(kConnectionCap)});
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(server_->port(), 0) << server_->error(); }
  static unsigned short port() { return server_->port(); }

  // A request on a fresh connection, retried while the server still counts connections the
  // previous test closed (it learns of each close asynchronously); at most 200 tries.
  static HttpReply get_when_free(const std::string& target) {
    HttpReply reply;
    for (int attempt = 0; attempt < 200; ++attempt) {
      reply = http_get(port(), target);
      if (reply.error.empty()) return reply;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return reply;
  }

  static PrivateSearchd* server_;
};

PrivateSearchd* SmallEdgeLimits::server_ = nullptr;

// T-H5: a client that sends one header line at a time, each well within any idle timeout, is
// still cut at the deadline for the whole request; another client is served meanwhile.
TEST_F(SmallEdgeLimits, SlowHeaderIsClosedAtTheHeaderDeadline) {
  RawSocket slow(port());
  ASSERT_TRUE(slow.connected());
  ASSERT_TRUE(slow.send_all("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
  bool cut = false;
  // 100 lines 200 ms apart would take 20 s; the deadline is 1 s.
  for (int line = 0; line < 100 && !cut; ++line) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    if (line == 2) {
      EXPECT_EQ(get_when_free("/healthz").status, 200u);
    }
    cut = !slow.send_all("X-Slow-" + std::to_string(line) + ": a\r\n");
  }
  if (!cut) cut = slow.read_until_closed();
  EXPECT_TRUE(cut) << "a trickled header was never cut";
  EXPECT_EQ(slow.received().find("200 OK"), std::string::npos) << slow.received();
}

TEST_F(SmallEdgeLimits, IdleKeepAliveConnectionIsClosedAtTheDeadline) {
  RawSocket idle(port());
  ASSERT_TRUE(idle.connected());
  ASSERT_TRUE(idle.send_all("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  ASSERT_TRUE(idle.read_until("\"status\""));
  EXPECT_TRUE(idle.read_until_closed()) << "an idle keep-alive connection stayed open";
}

// T-H7: connections over the cap are accepted and closed at once, without an answer; the ones
// within it are served; once the holders go, new clients are served again.
TEST_F(SmallEdgeLimits, ConnectionsOverTheCapAreClosedAndServiceResumes) {
  ASSERT_EQ(get_when_free("/healthz").status, 200u);  // earlier tests' connections are gone
  std::vector<std::unique_ptr<RawSocket>> holders;
  for (size_t index = 0; index < kConnectionCap; ++index) {
    holders.push_back(std::make_unique<RawSocket>(port()));
    ASSERT_TRUE(holders.back()->connected());
    // A whole answer proves the server counts this connection; keep-alive keeps it open.
    ASSERT_TRUE(holders.back()->send_all("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    ASSERT_TRUE(holders.back()->read_until("\"status\"")) << "holder " << index;
  }
  constexpr int kFlood = 50;
  for (int index = 0; index < kFlood; ++index) {
    RawSocket extra(port());
    ASSERT_TRUE(extra.connected());
    extra.send_all("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    EXPECT_TRUE(extra.read_until_closed()) << "connection " << index << " over the cap stayed open";
    EXPECT_EQ(extra.received(), "") << "connection " << index << " over the cap was served";
  }
  holders.clear();
  const HttpReply reply = get_when_free("/api/v1/search?q=judge&size=1");
  EXPECT_EQ(reply.error, "");
  EXPECT_EQ(reply.status, 200u);
}

TEST(SearchdOptions, EdgeOptionsOutOfRangeAreRefused) {
  for (const std::vector<std::string>& arguments :
       std::vector<std::vector<std::string>>{{"--header-timeout", "0"},
                                             {"--header-timeout", "3601"},
                                             {"--max-connections", "0"},
                                             {"--max-connections", "x"}}) {
    const ProgramResult result = run_program(kSearchdPath, arguments);
    EXPECT_EQ(result.exit_code, 2) << arguments[0] << " " << arguments[1];
    EXPECT_NE(result.err.find(arguments[0]), std::string::npos) << result.err;
  }
}

}  // namespace
}  // namespace jil::integration
