// Implementation of own_searchd.h.
#include "own_searchd.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <regex>
#include <thread>

#include "http_client.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

sockaddr_in loopback(unsigned short port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

}  // namespace

OwnSearchd::OwnSearchd(const std::filesystem::path& database,
                       const std::vector<std::string>& extra) {
  std::vector<std::string> arguments = {"--db",     database.string(),
                                        "--store",  environment().store_dir().string(),
                                        "--web",    (kSourceDir / "web").string(),
                                        "--listen", "127.0.0.1",
                                        "--port",   "0"};
  arguments.insert(arguments.end(), extra.begin(), extra.end());
  std::string error;
  if (!process_.start(kSearchdPath, arguments, error)) return;
  const std::optional<std::string> line = process_.read_line(std::chrono::seconds(60));
  std::smatch match;
  const std::regex listening(R"(^jil-searchd listening on http://127\.0\.0\.1:(\d+)$)");
  if (line && std::regex_match(*line, match, listening)) {
    port_ = static_cast<unsigned short>(std::stoi(match[1]));
  }
}

std::optional<uint64_t> searchd_metric(unsigned short port, const std::string& name) {
  const HttpReply reply = http_get(port, "/metrics");
  if (reply.status != 200) return std::nullopt;
  std::smatch match;
  if (!std::regex_search(reply.body, match, std::regex("(?:^|\n)" + name + " (\\d+)\n"))) {
    return std::nullopt;
  }
  return std::stoull(match[1]);
}

unsigned short free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address = loopback(0);
  socklen_t length = sizeof address;
  unsigned short port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  ::close(fd);
  return port;
}

bool wait_until_listening(unsigned short port) {
  for (int attempt = 0; attempt < 600; ++attempt) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = loopback(port);
    const bool connected =
        ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    if (connected) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

}  // namespace jil::integration
