// The server: one worker per thread, each with its own io_context, Searcher (own Xapian
// handle) and RequestHandler, so workers share nothing mutable; one listener hands accepted
// connections to the workers in turn. Stops cleanly on SIGINT/SIGTERM.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "api/request_handler.h"
#include "search/searcher.h"
#include "server/request_queue.h"
#include "server/searchd_options.h"

namespace jil::server {

class HttpServer {
 public:
  // Opens one Searcher per worker; fails when the index cannot be opened.
  static Result<std::unique_ptr<HttpServer>> create(const SearchdOptions& options,
                                                    const api::SiteAssets& assets);
  ~HttpServer();

  // Binds, prints "jil-searchd listening on http://ADDRESS:PORT" and serves until a signal.
  Status run(const SearchdOptions& options);

 private:
  struct Worker {
    explicit Worker(size_t max_queued) : queue(max_queued) {}
    boost::asio::io_context io_context{1};
    RequestQueue queue;
    std::unique_ptr<search::Searcher> searcher;
    std::unique_ptr<api::RequestHandler> handler;
    std::thread thread;
  };

  HttpServer() = default;
  void accept_next();
  void start_session(api::RequestHandler& handler, RequestQueue& queue,
                     boost::asio::ip::tcp::socket socket);

  boost::asio::io_context listener_context_{1};
  std::unique_ptr<boost::asio::ip::tcp::acceptor> acceptor_;
  std::unique_ptr<boost::asio::steady_timer> accept_pause_;
  std::vector<std::unique_ptr<Worker>> workers_;
  size_t next_worker_ = 0;
  std::chrono::seconds read_timeout_ = kReadTimeout;
  size_t max_connections_ = kMaxConnections;
  std::atomic<size_t> open_connections_{0};
};

}  // namespace jil::server
