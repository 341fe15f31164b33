// Implementation of http_server.h.
#include "server/http_server.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/signal_set.hpp>

#include <cstdio>

#include "server/http_session.h"

namespace jil::server {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {
// Pause after an accept error such as EMFILE, so a full descriptor table does not spin the loop.
constexpr std::chrono::milliseconds kAcceptErrorPause{100};
}  // namespace

Result<std::unique_ptr<HttpServer>> HttpServer::create(const SearchdOptions& options,
                                                       const api::SiteAssets& assets) {
  std::unique_ptr<HttpServer> server(new HttpServer());
  server->read_timeout_ = options.read_timeout;
  server->max_connections_ = options.max_connections;
  const unsigned threads =
      options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  for (unsigned index = 0; index < threads; ++index) {
    auto worker = std::make_unique<Worker>(options.max_queued);
    auto searcher = search::Searcher::open(options.database);
    if (!searcher.is_ok()) return searcher.status();
    worker->searcher = std::move(searcher).value();
    if (options.result_cache) worker->searcher->set_result_cache(search::kResultCacheEntries);
    worker->handler = std::make_unique<api::RequestHandler>(*worker->searcher, assets);
    server->workers_.push_back(std::move(worker));
  }
  return server;
}

HttpServer::~HttpServer() {
  for (auto& worker : workers_) {
    worker->io_context.stop();
    if (worker->thread.joinable()) worker->thread.join();
  }
}

void HttpServer::accept_next() {
  Worker& worker = *workers_[next_worker_];
  next_worker_ = (next_worker_ + 1) % workers_.size();
  acceptor_->async_accept(
      worker.io_context, [this, &worker](boost::system::error_code error, tcp::socket socket) {
        if (error == asio::error::operation_aborted) return;  // shutting down
        if (error) {
          std::fprintf(stderr, "jil-searchd: accept failed: %s\n", error.message().c_str());
          accept_pause_->expires_after(kAcceptErrorPause);
          accept_pause_->async_wait([this](boost::system::error_code) { accept_next(); });
          return;
        }
        if (open_connections_.load() >= max_connections_) {
          boost::system::error_code ignored;
          socket.close(ignored);  // over the cap: refuse by closing, keep accepting
        } else {
          start_session(*worker.handler, worker.queue, std::move(socket));
        }
        accept_next();
      });
}

void HttpServer::start_session(api::RequestHandler& handler, RequestQueue& queue,
                               tcp::socket socket) {
  std::make_shared<HttpSession>(std::move(socket), handler, queue, open_connections_, read_timeout_)
      ->start();
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
  for (auto& worker : workers_) {
    guards.push_back(asio::make_work_guard(worker->io_context));
    worker->thread = std::thread([context = &worker->io_context] { context->run(); });
  }
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
  for (auto& worker : workers_) worker->io_context.stop();
  for (auto& worker : workers_) worker->thread.join();
  return Status::ok();
}

}  // namespace jil::server
