// Floods and slow clients at jil-searchd's HTTP edge over raw sockets (RELIABILITY.md T-H2, T-H4,
// T-H5, T-H6, T-H7, T-H8): the server stops reading what it will not accept, cuts slow requests
// at the header deadline, caps connections (in all and per client address) and pipelined
// requests, lets a slow reader finish while cutting a stalled one at the write deadline, and
// keeps answering others throughout. Deadlines and caps are made small with searchd options so each
// test takes seconds; the long attack runs are tools/bench/edge_attacks.sh.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "http_client.h"
#include "indexer_test_files.h"
#include "own_searchd.h"
#include "raw_socket.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

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
    // A whole answer proves the server counts this connection; keep-alive keeps it open. The
    // server learns of the closes before (get_when_free's own included) asynchronously, so a
    // holder it still refuses is tried again, at most 200 times.
    bool served = false;
    for (int attempt = 0; attempt < 200 && !served; ++attempt) {
      auto holder = std::make_unique<RawSocket>(port());
      served = holder->connected() &&
               holder->send_all("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") &&
               holder->read_until("\"status\"");
      if (served) {
        holders.push_back(std::move(holder));
      } else {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
    ASSERT_TRUE(served) << "holder " << index << " within the cap was never served";
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

// Per-client cap: a searchd allowing 3 connections per address closes a fourth from 127.0.0.1 at
// once, unanswered, while 127.0.0.2 (another client) is served; a freed place is usable again.
TEST(ClientConnectionCap, ConnectionsOverTheCapOfOneAddressAreClosedOthersServed) {
  constexpr size_t kPerClient = 3;
  PrivateSearchd server(environment().index_dir(), environment().store_dir(),
                        {"--max-connections-per-client", std::to_string(kPerClient)});
  ASSERT_NE(server.port(), 0) << server.error();
  const std::string healthz = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  std::vector<std::unique_ptr<RawSocket>> holders;
  for (size_t index = 0; index < kPerClient; ++index) {
    holders.push_back(std::make_unique<RawSocket>(server.port()));
    ASSERT_TRUE(holders.back()->send_all(healthz));
    ASSERT_TRUE(holders.back()->read_until("\"status\"")) << "holder " << index;
  }
  RawSocket extra(server.port());
  ASSERT_TRUE(extra.connected());
  extra.send_all(healthz);
  EXPECT_TRUE(extra.read_until_closed()) << "a connection over the per-client cap stayed open";
  EXPECT_EQ(extra.received(), "");
  RawSocket other(server.port(), "127.0.0.2");
  ASSERT_TRUE(other.send_all(healthz));
  EXPECT_TRUE(other.read_until("\"status\"")) << "another address was refused";
  holders.pop_back();
  bool served = false;  // the server learns of the close asynchronously: retry a while
  for (int attempt = 0; attempt < 200 && !served; ++attempt) {
    RawSocket again(server.port());
    served = again.send_all(healthz) && again.read_until("\"status\"");
    if (!served) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(served) << "a freed place was not given back";
  // /metrics from 127.0.0.1 needs a free place too: retried until searchd has seen the closes.
  holders.clear();
  std::optional<uint64_t> refused;
  for (int attempt = 0; attempt < 200 && !refused; ++attempt) {
    refused = searchd_metric(server.port(), "jil_connections_refused_per_client_total");
    if (!refused) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_GE(refused.value_or(0), 1u);
}

// A trusted reverse proxy carries many clients: the per-client cap does not apply to it.
TEST(ClientConnectionCap, ATrustedProxyIsNotCapped) {
  PrivateSearchd server(environment().index_dir(), environment().store_dir(),
                        {"--max-connections-per-client", "1", "--trusted-proxy", "127.0.0.1"});
  ASSERT_NE(server.port(), 0) << server.error();
  const std::string healthz = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  std::vector<std::unique_ptr<RawSocket>> proxied;
  for (int index = 0; index < 3; ++index) {
    proxied.push_back(std::make_unique<RawSocket>(server.port()));
    ASSERT_TRUE(proxied.back()->send_all(healthz));
    EXPECT_TRUE(proxied.back()->read_until("\"status\"")) << "connection " << index;
  }
}

// T-H6 (the ctest variant; tools/bench/slow_reader.py runs the 2 MiB at 16 KiB/s one): a 2 MiB
// original, served by a searchd whose writes must progress every 2 s. A reader with a 4 KiB
// receive buffer taking 32 KiB every 125 ms (256 KiB/s, 8 s in all: four times the deadline)
// gets all of it with the right sha256; one that reads nothing is cut at the deadline.
class SlowReaders : public ::testing::Test {
 protected:
  static constexpr size_t kOriginalBytes = 2 * 1024 * 1024;
  static void SetUpTestSuite() {
    const std::filesystem::path root = environment().make_temp_dir("slow-readers");
    const std::filesystem::path source = root / "source";
    std::filesystem::create_directories(source);
    // A page of a few words whose file is 2 MiB: the rest is a comment, which has no text.
    const std::string head = "<html><body><p>Judicial integrity for slow readers.</p><!-- ";
    const std::string tail = " --></body></html>";
    original_ = head + std::string(kOriginalBytes - head.size() - tail.size(), 'x') + tail;
    write_source_document(source, "large.html", original_, sidecar_json("slow-large", "en"));
    const ProgramResult indexed = index_folders(root / "index", root / "store", {source});
    ASSERT_EQ(indexed.exit_code, kIndexerOk) << indexed.err;
    server_ = new PrivateSearchd(root / "index", root / "store", {"--write-timeout", "2"});
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(server_->port(), 0) << server_->error(); }
  static unsigned short port() { return server_->port(); }
  static uint64_t cut() {
    return searchd_metric(port(), "jil_responses_cut_total").value_or(~uint64_t{0});
  }

  static const std::string kRequest;
  static std::string original_;
  static PrivateSearchd* server_;
};

const std::string SlowReaders::kRequest =
    "GET /doc/slow-large/original HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
std::string SlowReaders::original_;
PrivateSearchd* SlowReaders::server_ = nullptr;

TEST_F(SlowReaders, APacedSlowReaderGetsTheWholeOriginal) {
  const uint64_t cut_before = cut();
  RawSocket reader(port(), "127.0.0.1", 4096);
  ASSERT_TRUE(reader.send_all(kRequest));
  while (reader.read_some(32 * 1024)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(125));
  }
  const size_t body = reader.received().find("\r\n\r\n");
  ASSERT_NE(body, std::string::npos) << "no answer";
  EXPECT_EQ(reader.received().rfind("HTTP/1.1 200 OK", 0), 0u);
  EXPECT_EQ(reader.received().size() - body - 4, kOriginalBytes);
  EXPECT_EQ(sha256_hex_of(reader.received().substr(body + 4)), sha256_hex_of(original_));
  EXPECT_EQ(cut(), cut_before) << "the slow reader's response was cut";
}

TEST_F(SlowReaders, AReaderThatReadsNothingIsCutAtTheWriteDeadline) {
  const uint64_t cut_before = cut();
  RawSocket stalled(port(), "127.0.0.1", 4096);
  ASSERT_TRUE(stalled.send_all(kRequest));
  // Read nothing until searchd reports the cut (at most 20 s), then take what is left.
  for (int attempt = 0; attempt < 200 && cut() == cut_before; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(cut(), cut_before + 1);
  EXPECT_TRUE(stalled.read_until_closed()) << "the stalled connection stayed open";
  EXPECT_LT(stalled.received().size(), kOriginalBytes) << "the whole original was sent";
  expect_served(port(), "after the cut");
}

TEST(SearchdOptions, EdgeOptionsOutOfRangeAreRefused) {
  for (const std::vector<std::string>& arguments :
       std::vector<std::vector<std::string>>{{"--header-timeout", "0"},
                                             {"--header-timeout", "3601"},
                                             {"--max-connections", "0"},
                                             {"--max-connections", "x"},
                                             {"--max-connections-per-client", "0"},
                                             {"--max-queue-wait-ms", "0"},
                                             {"--max-queue-wait-ms", "60001"},
                                             {"--write-timeout", "0"},
                                             {"--cache-mb", "-1"},
                                             {"--cache-mb", "1025"},
                                             {"--cache-mb", "64MB"}}) {
    const ProgramResult result = run_program(kSearchdPath, arguments);
    EXPECT_EQ(result.exit_code, 2) << arguments[0] << " " << arguments[1];
    EXPECT_NE(result.err.find(arguments[0]), std::string::npos) << result.err;
  }
}

}  // namespace
}  // namespace jil::integration
