// Implementation of http_client.h: Beast's synchronous tcp_stream for ordinary requests, plain
// POSIX sockets (with send/receive timeouts, never sleeps) for exact bytes.
#include "http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>

namespace jil::integration {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using boost::asio::ip::tcp;

// The largest response body the tests read: corpus originals are far smaller.
constexpr uint64_t kMaxResponseBodyBytes = 64 * 1024 * 1024;
constexpr std::chrono::seconds kRequestDeadline{30};
constexpr int kRawDeadlineSeconds = 20;

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t index = 0; index < a.size(); ++index) {
    if (std::tolower(static_cast<unsigned char>(a[index])) !=
        std::tolower(static_cast<unsigned char>(b[index]))) {
      return false;
    }
  }
  return true;
}

std::string trimmed(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return "";
  const size_t end = text.find_last_not_of(" \t");
  return std::string(text.substr(begin, end - begin + 1));
}

}  // namespace

std::string HttpReply::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (same_name(key, name)) return value;
  }
  return "";
}

size_t HttpReply::header_count(std::string_view name) const {
  size_t count = 0;
  for (const auto& header : headers) count += same_name(header.first, name);
  return count;
}

HttpReply http_request(unsigned short port, const std::string& method, const std::string& target,
                       const HeaderList& extra_headers, const std::string& body) {
  HttpReply reply;
  boost::asio::io_context context;
  beast::tcp_stream stream(context);
  beast::error_code error;
  stream.expires_after(kRequestDeadline);
  stream.connect(tcp::endpoint(boost::asio::ip::make_address_v4("127.0.0.1"), port), error);
  if (error) {
    reply.error = "connect: " + error.message();
    return reply;
  }
  http::request<http::string_body> request(http::string_to_verb(method), target, 11);
  if (request.method() == http::verb::unknown) request.method_string(method);
  request.set(http::field::host, "127.0.0.1:" + std::to_string(port));
  request.set(http::field::connection, "close");
  for (const auto& [name, value] : extra_headers) request.set(name, value);
  request.body() = body;
  if (method == "POST" || method == "PUT") request.prepare_payload();
  http::write(stream, request, error);
  if (error) {
    reply.error = "write: " + error.message();
    return reply;
  }
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(kMaxResponseBodyBytes);
  parser.skip(method == "HEAD");  // its Content-Length is of the body GET would have sent
  http::read(stream, buffer, parser, error);
  if (error) {
    reply.error = "read: " + error.message();
    return reply;
  }
  const auto& response = parser.get();
  reply.status = response.result_int();
  for (const auto& field : response) {
    reply.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  reply.body = response.body();
  stream.socket().shutdown(tcp::socket::shutdown_both, error);
  return reply;
}

std::string RawExchange::status_line() const {
  const size_t end = response.find("\r\n");
  return end == std::string::npos ? "" : response.substr(0, end);
}

HttpReply RawExchange::parsed() const {
  HttpReply reply;
  const size_t head_end = response.find("\r\n\r\n");
  if (head_end == std::string::npos) {
    reply.error = "no complete response head";
    return reply;
  }
  const std::string line = status_line();
  const size_t space = line.find(' ');
  if (space != std::string::npos) reply.status = std::atoi(line.c_str() + space + 1);
  size_t start = line.size() + 2;
  while (start < head_end) {
    const size_t end = response.find("\r\n", start);
    const std::string_view field(response.data() + start, end - start);
    const size_t colon = field.find(':');
    if (colon != std::string_view::npos) {
      reply.headers.emplace_back(std::string(field.substr(0, colon)),
                                 trimmed(field.substr(colon + 1)));
    }
    start = end + 2;
  }
  reply.body = response.substr(head_end + 4);
  return reply;
}

RawExchange raw_exchange(unsigned short port, std::string_view request) {
  RawExchange exchange;
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    exchange.error = std::string("socket: ") + std::strerror(errno);
    return exchange;
  }
  // Bounded waits: a server that never answers fails the test instead of hanging it.
  const timeval deadline = {kRawDeadlineSeconds, 0};
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &deadline, sizeof deadline);
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &deadline, sizeof deadline);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    exchange.error = std::string("connect: ") + std::strerror(errno);
    close(fd);
    return exchange;
  }
  size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t count = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) break;  // the server may refuse before reading everything: read its answer
    sent += static_cast<size_t>(count);
  }
  while (true) {
    char buffer[65536];
    const ssize_t count = recv(fd, buffer, sizeof buffer, 0);
    if (count > 0) {
      exchange.response.append(buffer, static_cast<size_t>(count));
      continue;
    }
    if (count < 0 && errno == EINTR) continue;
    if (count == 0 || errno == ECONNRESET) {
      exchange.closed_by_server = true;
    } else if (errno != EAGAIN && errno != EWOULDBLOCK) {
      exchange.error = std::string("recv: ") + std::strerror(errno);
    }
    break;
  }
  close(fd);
  return exchange;
}

std::string percent_encoded(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace jil::integration
