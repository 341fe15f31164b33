// One client connection: reads requests under the edge limits on its I/O thread, answers those
// that read no index there at once (api/quick_routes.h), queues the others on the search threads
// (or sheds them with 503, search_pool.h) and writes the answer with a deadline per piece;
// keep-alive until the client closes, a limit is hit or a request is refused. Lives as long as its
// pending operation or queued request (shared_from_this).
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "api/request_handler.h"
#include "search/result_cache.h"
#include "server/client_connections.h"
#include "server/document_count_probe.h"
#include "server/edge_counters.h"
#include "server/payload_body.h"
#include "server/search_pool.h"

namespace jil::server {

// What every session shares with the server, and the limits it applies.
struct SessionShared {
  SearchPool& search_pool;
  const api::SiteAssets& assets;       // for the routes answered at once
  DocumentCountProbe& document_count;  // for /healthz answered at once
  EdgeCounters& counters;
  std::atomic<size_t>& open_connections;
  std::chrono::seconds read_timeout;         // for each whole request (the header deadline)
  std::chrono::seconds write_timeout;        // for each piece of a response
  std::chrono::milliseconds max_queue_wait;  // longest wait for a search thread
  const search::ResultCache* result_cache;   // for /metrics; null when the cache is off
};

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(boost::asio::ip::tcp::socket socket, const SessionShared& shared,
              ClientConnections::Slot client_slot);
  ~HttpSession();
  HttpSession(const HttpSession&) = delete;
  HttpSession& operator=(const HttpSession&) = delete;

  // Starts reading on the socket's own executor (its worker thread).
  void start();

 private:
  using Request = boost::beast::http::request<boost::beast::http::string_body>;
  using Response = boost::beast::http::response<PayloadBody>;

  void read_request();
  void on_header(boost::beast::error_code error);
  // Says "100 Continue" to a client that waits for it (framing_checks.h), then reads the body.
  void send_continue();
  void read_body();
  void on_body(boost::beast::error_code error);
  // Answers the parsed request here when it reads no index (and GET /metrics from loopback),
  // else queues it on the search threads or sheds it with 503.
  void admit();
  // On a search thread: drops a request whose client has gone, else runs it; the answer is
  // written back on the I/O thread.
  void run_search(api::RequestHandler& handler);
  // On a search thread: the pool shed the queued request; 503 on the I/O thread.
  void shed_queued(SearchPool::ShedWhen when);
  api::HttpRequest plain_request() const;
  void shed(const char* detail);
  void answer(api::HttpResponse answer);
  void refuse(unsigned status, const char* detail);
  void send(api::HttpResponse answer, unsigned version, bool keep_alive, bool head);
  void write_piece(bool keep_alive);
  void on_write(bool keep_alive);
  // Half-closes, then reads and drops input until end of file, kLingerTime or kMaxLingerBytes.
  void linger_then_close();
  void discard_input(size_t discarded);
  void close();

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  std::unique_ptr<Response> response_;  // kept alive until written
  std::optional<boost::beast::http::response_serializer<PayloadBody>> serializer_;
  const SessionShared shared_;
  ClientConnections::Slot client_slot_;
  std::string peer_address_;
  bool peer_is_loopback_ = false;
  unsigned served_ = 0;
};

}  // namespace jil::server
