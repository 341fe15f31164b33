// Downloads of a large original over real HTTP: searchd reads the file as the bytes leave
// (server/payload_body.h), so clients that ask for it and read slowly or not at all hold a send
// buffer each, not a copy of the file, and a slow reader still gets every byte in order.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "http_client.h"
#include "indexer_test_files.h"
#include "raw_socket.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

constexpr const char* kTarget = "/doc/large-original/original";
constexpr size_t kLargeBytes = 24 << 20;
constexpr size_t kSlowClients = 6;

// searchd's resident memory in bytes (VmRSS), 0 when unreadable.
uint64_t resident_bytes(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
  }
  return 0;
}

// An HTML page of kLargeBytes whose bulk is a comment, so that it indexes in a moment.
std::string large_page() {
  std::string page =
      "<html><head><title>A large original</title></head><body><p>Judicial integrity, "
      "recorded at length.</p><!-- ";
  for (size_t at = 0; page.size() < kLargeBytes - 24; ++at) {
    page += static_cast<char>('a' + (at * 7 + at / 251) % 26);
  }
  page += " --></body></html>";
  return page;
}

class OriginalDownload : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::filesystem::path root = environment().make_temp_dir("original-download");
    const std::filesystem::path source = root / "source";
    std::filesystem::create_directories(source);
    page_ = large_page();
    write_source_document(source, "large.html", page_, sidecar_json("large-original"));
    const ProgramResult indexed = index_folders(root / "index", root / "store", {source});
    ASSERT_EQ(indexed.exit_code, kIndexerOk) << indexed.err;
    searchd_ = std::make_unique<PrivateSearchd>(root / "index", root / "store");
  }
  static void TearDownTestSuite() { searchd_.reset(); }
  void SetUp() override { ASSERT_NE(searchd_->port(), 0) << searchd_->error(); }

  static std::unique_ptr<PrivateSearchd> searchd_;
  static std::string page_;
};
std::unique_ptr<PrivateSearchd> OriginalDownload::searchd_;
std::string OriginalDownload::page_;

std::string request_line() {
  return std::string("GET ") + kTarget + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

TEST_F(OriginalDownload, SlowClientsHoldASendBufferEachNotTheFile) {
  // One whole download first, so that what searchd keeps after any answer is in the baseline.
  const HttpReply whole = http_request(searchd_->port(), "GET", kTarget, {});
  ASSERT_EQ(whole.status, 200u) << whole.error;
  ASSERT_TRUE(whole.body == page_) << whole.body.size() << " bytes";
  const uint64_t before = resident_bytes(searchd_->pid());
  ASSERT_GT(before, 0u);

  std::vector<std::unique_ptr<RawSocket>> clients;
  for (size_t client = 0; client < kSlowClients; ++client) {
    clients.push_back(std::make_unique<RawSocket>(searchd_->port(), "127.0.0.1", 4096));
    ASSERT_TRUE(clients.back()->connected());
    ASSERT_TRUE(clients.back()->send_all(request_line()));
    ASSERT_TRUE(clients.back()->read_until("\r\n\r\n")) << "no answer head";
    EXPECT_NE(clients.back()->received().find("Content-Length: " + std::to_string(page_.size())),
              std::string::npos)
        << clients.back()->received().substr(0, 400);
  }
  // Each answer has filled its socket's buffers by now and waits for its client.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const uint64_t during = resident_bytes(searchd_->pid());
  // Reading the file whole for each client would add kSlowClients × 24 MiB.
  EXPECT_LT(during, before + kLargeBytes)
      << "resident " << before / 1024 << " KiB before, " << during / 1024 << " KiB with "
      << kSlowClients << " downloads waiting";

  // A slow reader still gets every byte, in order.
  RawSocket& reader = *clients.front();
  const size_t head_end = reader.received().find("\r\n\r\n") + 4;
  const size_t have = reader.received().size() - head_end;
  ASSERT_TRUE(reader.read_some(page_.size() - have));
  EXPECT_TRUE(reader.received().substr(head_end) == page_)
      << reader.received().size() - head_end << " body bytes";
}

}  // namespace
}  // namespace jil::integration
