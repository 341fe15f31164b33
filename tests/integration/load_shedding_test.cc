// Load shedding (RELIABILITY.md T-L4): a searchd with one worker and room for two waiting
// requests is frozen (SIGSTOP) while eight clients send a request each; when it resumes it reads
// all eight before handling any, keeps two, answers the others 503 with problem+json and
// Retry-After at once, and then serves normally again. The same burst without the small limit is
// served whole. No timing is measured: the freeze makes the burst arrive together.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <regex>
#include <string>
#include <vector>

#include "http_client.h"
#include "own_searchd.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

constexpr int kClients = 8;
const std::string kSearch = "/api/v1/search?q=judicial+integrity&size=10";

// A keep-alive client on a plain socket, so that requests can be sent while searchd is frozen.
class Client {
 public:
  explicit Client(unsigned short port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~Client() { ::close(fd_); }
  bool send_request(const std::string& target, bool close) {
    const std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                                (close ? "Connection: close\r\n" : "") + "\r\n";
    return connected_ && ::send(fd_, request.data(), request.size(), MSG_NOSIGNAL) ==
                             static_cast<ssize_t>(request.size());
  }
  // Reads one response: its head, then the body of the Content-Length it gives.
  std::string read_response() {
    std::string data;
    char buffer[16384];
    size_t head_end = std::string::npos;
    size_t wanted = std::string::npos;
    while (wanted == std::string::npos || data.size() < wanted) {
      const ssize_t got = ::recv(fd_, buffer, sizeof buffer, 0);
      if (got <= 0) break;
      data.append(buffer, static_cast<size_t>(got));
      if (head_end == std::string::npos &&
          (head_end = data.find("\r\n\r\n")) != std::string::npos) {
        std::smatch length;
        const std::string head = data.substr(0, head_end);
        if (std::regex_search(
                head, length,
                std::regex(R"((?:^|\r\n)Content-Length: (\d+))", std::regex::icase))) {
          wanted = head_end + 4 + std::stoul(length[1]);
        }
      }
    }
    return data;
  }

 private:
  int fd_;
  bool connected_ = false;
};

// Sends one request per client while searchd is stopped; returns the eight responses.
std::vector<std::string> burst(const OwnSearchd& searchd) {
  std::vector<std::unique_ptr<Client>> clients;
  for (int index = 0; index < kClients; ++index) {
    clients.push_back(std::make_unique<Client>(searchd.port()));
    // A first exchange makes sure searchd has accepted the connection and waits on it.
    EXPECT_TRUE(clients.back()->send_request("/healthz", false));
    EXPECT_NE(clients.back()->read_response().find(" 200 "), std::string::npos);
  }
  EXPECT_EQ(::kill(searchd.pid(), SIGSTOP), 0);
  for (auto& client : clients) EXPECT_TRUE(client->send_request(kSearch, true));
  EXPECT_EQ(::kill(searchd.pid(), SIGCONT), 0);
  std::vector<std::string> responses;
  for (auto& client : clients) responses.push_back(client->read_response());
  return responses;
}

int count_status(const std::vector<std::string>& responses, const std::string& status_line) {
  int count = 0;
  for (const std::string& response : responses) count += response.rfind(status_line, 0) == 0;
  return count;
}

TEST(LoadShedding, AFullQueueAnswers503AndTheServerRecovers) {
  OwnSearchd searchd(environment().index_dir(), {"--threads", "1", "--max-queued", "2"});
  ASSERT_NE(searchd.port(), 0) << "jil-searchd did not start";
  const std::vector<std::string> responses = burst(searchd);
  EXPECT_EQ(count_status(responses, "HTTP/1.1 200 OK"), 2);
  EXPECT_EQ(count_status(responses, "HTTP/1.1 503 Service Unavailable"), kClients - 2);
  for (const std::string& response : responses) {
    if (response.rfind("HTTP/1.1 503", 0) != 0) continue;
    const HttpReply reply = RawExchange{"", response, true}.parsed();
    EXPECT_EQ(reply.header("Retry-After"), "1");
    EXPECT_EQ(reply.header("Content-Type").rfind("application/problem+json", 0), 0u);
    EXPECT_NE(reply.body.find("\"status\":503"), std::string::npos) << reply.body;
  }
  // Recovered: the next requests are served.
  for (int index = 0; index < 3; ++index) {
    EXPECT_EQ(http_get(searchd.port(), kSearch).status, 200u);
  }
}

TEST(LoadShedding, TheDefaultQueueHoldsTheSameBurst) {
  OwnSearchd searchd(environment().index_dir(), {"--threads", "1"});
  ASSERT_NE(searchd.port(), 0) << "jil-searchd did not start";
  EXPECT_EQ(count_status(burst(searchd), "HTTP/1.1 200 OK"), kClients);
}

}  // namespace
}  // namespace jil::integration
