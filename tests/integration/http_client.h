// Two small HTTP clients for the integration tests, both on 127.0.0.1: a well-behaved one over
// Boost.Beast for ordinary requests, and a raw socket one that sends exact bytes.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jil::integration {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpReply {
  std::string error;  // empty when a whole response was read
  unsigned status = 0;
  HeaderList headers;
  std::string body;

  // The value of header `name` (case-insensitive), or "" when absent.
  std::string header(std::string_view name) const;
  size_t header_count(std::string_view name) const;
};

// One request on a fresh connection (HTTP/1.1, Connection: close), with a 30 s deadline. The
// answer to HEAD is read without a body. A POST or PUT sends `body` with its Content-Length.
HttpReply http_request(unsigned short port, const std::string& method, const std::string& target,
                       const HeaderList& extra_headers = {}, const std::string& body = "");
inline HttpReply http_get(unsigned short port, const std::string& target) {
  return http_request(port, "GET", target);
}

struct RawExchange {
  std::string error;              // a socket failure other than the server closing
  std::string response;           // every byte the server sent
  bool closed_by_server = false;  // end of file or reset seen before the 20 s deadline

  std::string status_line() const;  // "HTTP/1.1 400 Bad Request", or ""
  HttpReply parsed() const;         // status, headers and body of `response` (no chunking)
};

// Connects, sends `request` (stopping early if the server closes), then reads until the server
// closes the connection or 20 s pass.
RawExchange raw_exchange(unsigned short port, std::string_view request);

// Percent-encodes everything but RFC 3986 unreserved characters, for query parameters.
std::string percent_encoded(std::string_view text);

}  // namespace jil::integration
