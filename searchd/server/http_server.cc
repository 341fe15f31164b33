// Implementation of http_server.h.
#include "server/http_server.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/signal_set.hpp>
#include <future>

#include <cstdio>

namespace jil::server {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {
// Pause after an accept error such as EMFILE, so a full descriptor table does not spin the loop.
constexpr std::chrono::milliseconds kAcceptErrorPause{100};
}  // namespace

HttpServer::HttpServer(const SearchdOptions& options, const api::SiteAssets& assets,
                       std::unique_ptr<DocumentCountProbe> document_count,
                       std::shared_ptr<search::ResultCache> result_cache, size_t search_threads)
    : clients_(options.max_connections_per_client),
      trusted_proxies_(options.trusted_proxies),
      max_connections_(options.max_connections),
      document_count_(std::move(document_count)),
      result_cache_(std::move(result_cache)),
      session_shared_{search_pool_,          assets,
                      *document_count_,      counters_,
                      open_connections_,     options.read_timeout,
                      options.write_timeout, options.max_queue_wait,
                      result_cache_.get()},
      search_pool_(options.max_queued * search_threads) {}

Result<std::unique_ptr<HttpServer>> HttpServer::create(const SearchdOptions& options,
                                                       const api::SiteAssets& assets) {
  const unsigned threads =
      options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::pair<std::unique_ptr<search::Searcher>, std::unique_ptr<api::RequestHandler>>>
      workers;
  // One cache for every search thread: a repeated request is answered whichever thread takes it.
  const auto cache = options.result_cache_bytes > 0
                         ? std::make_shared<search::ResultCache>(options.result_cache_bytes)
                         : nullptr;
  for (unsigned index = 0; index < threads; ++index) {
    auto searcher = search::Searcher::open(options.database);
    if (!searcher.is_ok()) return searcher.status();
    (*searcher)->set_result_cache(cache);
    if (options.split_chunk > 0) (*searcher)->split_matches(options.split_chunk);
    auto handler = std::make_unique<api::RequestHandler>(**searcher, assets);
    workers.emplace_back(std::move(searcher).value(), std::move(handler));
  }
  // Every search thread reads its tables before searchd listens, all at once (3.6 s each at
  // 200,000 documents): otherwise the first search on each thread pays for it.
  std::vector<std::future<Status>> warming;
  for (auto& worker : workers) {
    search::Searcher* searcher = worker.first.get();
    warming.push_back(std::async(std::launch::async, [searcher] { return searcher->warm_up(); }));
  }
  for (auto& warmed : warming) {
    // Not fatal: an index that cannot be read now (a remote shard not up yet) is read, or
    // answered 503, at each search, as before.
    if (Status status = warmed.get(); !status.is_ok()) {
      std::fprintf(stderr, "jil-searchd: warming a search thread: %s\n",
                   status.to_string().c_str());
    }
  }
  auto document_count = DocumentCountProbe::open(options.database);
  if (!document_count.is_ok()) return document_count.status();
  std::unique_ptr<HttpServer> server(
      new HttpServer(options, assets, std::move(document_count).value(), cache, threads));
  for (auto& [searcher, handler] : workers) {
    server->search_pool_.add(std::move(searcher), std::move(handler));
    server->io_threads_.push_back(std::make_unique<IoThread>());
  }
  return server;
}

HttpServer::~HttpServer() {
  for (auto& io : io_threads_) {
    io->io_context.stop();
    if (io->thread.joinable()) io->thread.join();
  }
  search_pool_.stop();
}

void HttpServer::accept_next() {
  IoThread& io = *io_threads_[next_io_thread_];
  next_io_thread_ = (next_io_thread_ + 1) % io_threads_.size();
  acceptor_->async_accept(
      io.io_context, [this](boost::system::error_code error, tcp::socket socket) {
        if (error == asio::error::operation_aborted) return;  // shutting down
        if (error) {
          std::fprintf(stderr, "jil-searchd: accept failed: %s\n", error.message().c_str());
          accept_pause_->expires_after(kAcceptErrorPause);
          accept_pause_->async_wait([this](boost::system::error_code) { accept_next(); });
          return;
        }
        admit_connection(std::move(socket));
        accept_next();
      });
}

void HttpServer::admit_connection(tcp::socket socket) {
  boost::system::error_code ignored;
  if (open_connections_.load() >= max_connections_) {
    ++counters_.refused_over_cap;
    socket.close(ignored);  // over the cap: refuse by closing, keep accepting
    return;
  }
  const tcp::endpoint peer = socket.remote_endpoint(ignored);
  if (ignored) {
    socket.close(ignored);  // already gone
    return;
  }
  // A trusted reverse proxy carries many clients: only the global cap applies to it.
  std::optional<ClientConnections::Slot> slot =
      trusted_proxies_.contains(peer.address().to_string())
          ? std::optional<ClientConnections::Slot>(ClientConnections::Slot(nullptr, {}))
          : clients_.enter(peer.address());
  if (!slot) {
    ++counters_.refused_per_client;
    socket.close(ignored);
    return;
  }
  std::make_shared<HttpSession>(std::move(socket), session_shared_, std::move(*slot))->start();
}

Status HttpServer::run(const SearchdOptions& options) {
  boost::system::error_code error;
  const auto address = asio::ip::make_address(options.listen_address, error);
  if (error) return invalid_argument("--listen: not an IP address: " + options.listen_address);
  acceptor_ = std::make_unique<tcp::acceptor>(listener_context_);
  const tcp::endpoint endpoint(address, options.port);
  acceptor_->open(endpoint.protocol(), error);
  if (!error) acceptor_->set_option(asio::socket_base::reuse_address(true), error);
  if (!error) acceptor_->bind(endpoint, error);
  if (!error) acceptor_->listen(asio::socket_base::max_listen_connections, error);
  if (error) {
    return io_error("cannot listen on " + options.listen_address + ":" +
                    std::to_string(options.port) + ": " + error.message());
  }
  accept_pause_ = std::make_unique<asio::steady_timer>(listener_context_);

  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
  for (auto& io : io_threads_) {
    guards.push_back(asio::make_work_guard(io->io_context));
    io->thread = std::thread([context = &io->io_context] { context->run(); });
  }
  search_pool_.start();
  asio::signal_set signals(listener_context_, SIGINT, SIGTERM);
  signals.async_wait([this](boost::system::error_code, int) {
    boost::system::error_code ignored;
    acceptor_->close(ignored);
    accept_pause_->cancel();
  });
  accept_next();
  std::printf("jil-searchd listening on http://%s:%u\n", options.listen_address.c_str(),
              acceptor_->local_endpoint().port());
  std::fflush(stdout);
  listener_context_.run();
  for (auto& io : io_threads_) io->io_context.stop();
  for (auto& io : io_threads_) io->thread.join();
  search_pool_.stop();
  return Status::ok();
}

}  // namespace jil::server
