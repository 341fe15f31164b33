// The server: --threads I/O threads, each with its own io_context, read and write connections;
// as many search threads (search_pool.h), each with its own Searcher (own Xapian handle) and
// RequestHandler, run the requests. One listener applies the connection caps and hands accepted
// connections to the I/O threads in turn. Stops cleanly on SIGINT/SIGTERM.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "api/request_handler.h"
#include "api/trusted_proxies.h"
#include "search/searcher.h"
#include "server/client_connections.h"
#include "server/edge_counters.h"
#include "server/http_session.h"
#include "server/search_pool.h"
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
  struct IoThread {
    boost::asio::io_context io_context{1};
    std::thread thread;
  };

  HttpServer(const SearchdOptions& options, const api::SiteAssets& assets,
             std::unique_ptr<DocumentCountProbe> document_count,
             std::shared_ptr<search::ResultCache> result_cache, size_t search_threads);
  void accept_next();
  // Closes `socket` over a cap, else starts its session on `io`.
  void admit_connection(boost::asio::ip::tcp::socket socket);

  // Declared first so that they outlive every session (sessions are destroyed with the pool's
  // queue and the I/O contexts below).
  EdgeCounters counters_;
  std::atomic<size_t> open_connections_{0};
  ClientConnections clients_;
  const api::TrustedProxies trusted_proxies_;  // not held to the per-client cap
  const size_t max_connections_;
  std::unique_ptr<DocumentCountProbe> document_count_;
  std::shared_ptr<search::ResultCache> result_cache_;  // shared by the searchers; null: off
  SessionShared session_shared_;
  boost::asio::io_context listener_context_{1};
  std::unique_ptr<boost::asio::ip::tcp::acceptor> acceptor_;
  std::unique_ptr<boost::asio::steady_timer> accept_pause_;
  std::vector<std::unique_ptr<IoThread>> io_threads_;
  size_t next_io_thread_ = 0;
  SearchPool search_pool_;  // destroyed before the I/O contexts its queued sessions use
};

}  // namespace jil::server
