// One client connection: reads requests under the edge limits, hands each to the worker's
// RequestHandler and writes the answer; keep-alive until the client closes, a limit is hit or
// a request is refused. Lives as long as its pending operation (shared_from_this).
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>

#include "api/request_handler.h"
#include "server/request_queue.h"

namespace jil::server {

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(boost::asio::ip::tcp::socket socket, api::RequestHandler& handler,
              RequestQueue& queue, std::atomic<size_t>& open_connections,
              std::chrono::seconds read_timeout);
  ~HttpSession();
  HttpSession(const HttpSession&) = delete;
  HttpSession& operator=(const HttpSession&) = delete;

  // Starts reading on the socket's own executor (its worker thread).
  void start();

 private:
  using Request = boost::beast::http::request<boost::beast::http::string_body>;
  using Response = boost::beast::http::response<boost::beast::http::string_body>;

  void read_request();
  void on_header(boost::beast::error_code error);
  void on_body(boost::beast::error_code error);
  // Queues the parsed request on the worker, or sheds it with 503 when the queue is full.
  void admit();
  void respond(const Request& request);
  void refuse(unsigned status, const char* detail);
  void send(api::HttpResponse answer, unsigned version, bool keep_alive, bool head);
  void on_write(bool keep_alive, boost::beast::error_code error);
  // Half-closes, then reads and drops input until end of file, kLingerTime or kMaxLingerBytes.
  void linger_then_close();
  void discard_input(size_t discarded);
  void close();

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  std::shared_ptr<Response> response_;  // kept alive until written
  api::RequestHandler& handler_;
  RequestQueue& queue_;
  std::atomic<size_t>& open_connections_;
  const std::chrono::seconds read_timeout_;  // for each whole request (the header deadline)
  unsigned served_ = 0;
};

}  // namespace jil::server
