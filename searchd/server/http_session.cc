// Implementation of http_session.h.
#include "server/http_session.h"

#include <linux/sockios.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <cerrno>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>

#include "api/problem.h"
#include "api/quick_routes.h"
#include "server/forwarded_for.h"
#include "server/framing_checks.h"
#include "server/searchd_options.h"

namespace jil::server {

namespace beast = boost::beast;
namespace http = beast::http;

namespace {

// Header values we set must never carry CR, LF or NUL (T-H9): replace them.
std::string header_safe(std::string value) {
  for (char& c : value) {
    if (c == '\r' || c == '\n' || c == '\0') c = ' ';
  }
  return value;
}

// Whether an answer of `status` may carry Content-Length (RFC 9110 8.6): never for 1xx and 204,
// which have no content, nor for 304, whose Content-Length could only be that of the 200.
bool may_send_content_length(unsigned status) {
  return status >= 200 && status != 204 && status != 304;
}

// True when the client has closed its side or reset the connection (peeked without blocking);
// a request it left behind is not worth running. Bytes waiting (a pipelined request) or none
// yet (EAGAIN) mean it is still there.
bool client_has_gone(int fd) {
  char byte = 0;
  const ssize_t got = ::recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  if (got > 0) return false;
  if (got == 0) return true;
  return errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR;
}

// /metrics is for a scraper on this machine. A loopback peer that forwards for someone (a
// reverse proxy on the same machine: X-Forwarded-For, X-Real-IP or Forwarded) is not one, so the
// world behind the proxy never reads the counters; the request goes on to the routes (a 404).
template <class Request>
bool metrics_allowed(bool peer_is_loopback, const Request& request) {
  return peer_is_loopback && request.find("X-Forwarded-For") == request.end() &&
         request.find("X-Real-IP") == request.end() && request.find("Forwarded") == request.end();
}

}  // namespace

HttpSession::HttpSession(boost::asio::ip::tcp::socket socket, const SessionShared& shared,
                         ClientConnections::Slot client_slot)
    : stream_(std::move(socket)), shared_(shared), client_slot_(std::move(client_slot)) {
  ++shared_.open_connections;
  beast::error_code ignored;
  const auto peer = stream_.socket().remote_endpoint(ignored);
  if (!ignored) {
    peer_address_ = peer.address().to_string();
    peer_is_loopback_ =
        peer.address().is_loopback() ||
        (peer.address().is_v6() && peer.address().to_v6().is_v4_mapped() &&
         boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, peer.address().to_v6())
             .is_loopback());
  }
  // A bounded send buffer: a stalled reader holds little, and its stall reaches the deadline.
  stream_.socket().set_option(boost::asio::socket_base::send_buffer_size(kSendBufferBytes),
                              ignored);
}

HttpSession::~HttpSession() { --shared_.open_connections; }

void HttpSession::start() {
  boost::asio::dispatch(stream_.get_executor(),
                        [self = shared_from_this()] { self->read_request(); });
}

void HttpSession::read_request() {
  parser_.emplace();  // a new parser per request, as Beast requires
  parser_->header_limit(kMaxHeaderBytes);
  parser_->body_limit(kMaxBodyBytes);
  stream_.expires_after(shared_.read_timeout);
  http::async_read_header(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code error, size_t) { self->on_header(error); });
}

void HttpSession::on_header(beast::error_code error) {
  if (error == http::error::end_of_stream || error == beast::error::timeout ||
      error == boost::asio::error::operation_aborted ||
      error == boost::asio::error::connection_reset || error == boost::asio::error::eof) {
    return close();
  }
  if (error == http::error::header_limit) {
    // The start line is parsed (and the request's method set) before the fields: a limit hit
    // with no method yet means the request line alone was too long, a URI too long (414).
    if (parser_->get().method_string().empty()) {
      return refuse(414, "the request target is too long");
    }
    return refuse(431, "the request headers are too large");
  }
  // Beast checks an announced Content-Length against the body limit while reading the header.
  if (error == http::error::body_limit) return refuse(413, "the request body is too large");
  if (error) return refuse(400, "the request could not be parsed");
  if (auto problem = check_framing(parser_->get())) {
    return refuse(problem->status, problem->detail);
  }
  if (parser_->is_done()) return admit();
  if (waits_for_continue(parser_->get())) return send_continue();
  read_body();
}

void HttpSession::send_continue() {
  auto interim = std::make_shared<http::response<http::empty_body>>(http::status::continue_, 11);
  http::async_write(stream_, *interim,
                    [self = shared_from_this(), interim](beast::error_code error, size_t) {
                      if (error) return self->close();
                      self->read_body();
                    });
}

void HttpSession::read_body() {
  http::async_read(stream_, buffer_, *parser_,
                   [self = shared_from_this()](beast::error_code body_error, size_t) {
                     self->on_body(body_error);
                   });
}

void HttpSession::on_body(beast::error_code error) {
  if (error == http::error::body_limit) return refuse(413, "the request body is too large");
  if (error) return close();
  admit();
}

void HttpSession::admit() {
  const Request& request = parser_->get();
  if (metrics_allowed(peer_is_loopback_, request) && request.method() == http::verb::get &&
      request.target() == "/metrics") {
    api::HttpResponse metrics;
    metrics.content_type = "text/plain; version=0.0.4; charset=utf-8";
    EdgeGauges gauges{shared_.open_connections.load(), shared_.search_pool.waiting(),
                      shared_.search_pool.running()};
    if (const search::ResultCache* cache = shared_.result_cache) {
      gauges.cache_hits = cache->hits();
      gauges.cache_misses = cache->misses();
      gauges.cache_bytes = cache->bytes();
      gauges.cache_entries = cache->entries();
    }
    metrics.body = render_metrics(shared_.counters, gauges);
    metrics.set_header("Cache-Control", "no-store");
    api::add_security_headers(metrics);
    return answer(std::move(metrics));
  }
  const auto method = request.method_string();
  const auto target = request.target();
  if (!api::reads_index(std::string_view(method.data(), method.size()),
                        std::string_view(target.data(), target.size()))) {
    ++shared_.counters.answered_at_once;
    DocumentCountProbe& documents = shared_.document_count;
    return answer(api::quick_answer(plain_request(), shared_.assets,
                                    [&documents] { return documents.count(); }));
  }
  SearchPool::Job job;
  job.run = [self = shared_from_this()](api::RequestHandler& handler) {
    self->run_search(handler);
  };
  job.shed = [self = shared_from_this()](SearchPool::ShedWhen when) { self->shed_queued(when); };
  const SearchPool::Admission admission =
      shared_.search_pool.try_add(std::move(job), shared_.max_queue_wait);
  if (admission == SearchPool::Admission::kQueueFull) {
    ++shared_.counters.shed_queue_full;
    return shed("the server is busy: try again shortly");
  }
  if (admission == SearchPool::Admission::kWouldWaitTooLong) {
    ++shared_.counters.shed_would_wait_too_long;
    return shed("the server is busy: the request would wait too long; try again shortly");
  }
}

void HttpSession::shed_queued(SearchPool::ShedWhen when) {
  const bool late = when == SearchPool::ShedWhen::kTakenLate;
  ++(late ? shared_.counters.shed_waited_too_long : shared_.counters.shed_while_waiting);
  boost::asio::post(stream_.get_executor(), [self = shared_from_this(), late] {
    self->shed(late ? "the server is busy: the request waited too long; try again shortly"
                    : "the server is busy: the request would wait too long; try again shortly");
  });
}

void HttpSession::run_search(api::RequestHandler& handler) {
  auto self = shared_from_this();
  if (client_has_gone(stream_.socket().native_handle())) {
    ++shared_.counters.dropped_client_gone;
    return boost::asio::post(stream_.get_executor(), [self] { self->close(); });
  }
  api::HttpResponse response = handler.handle(plain_request());
  ++shared_.counters.requests_handled;
  boost::asio::post(stream_.get_executor(), [self, response = std::move(response)]() mutable {
    self->answer(std::move(response));
  });
}

api::HttpRequest HttpSession::plain_request() const {
  const Request& request = parser_->get();
  api::HttpRequest plain;
  plain.method = std::string(request.method_string());
  plain.target = std::string(request.target());
  plain.accept_language = std::string(request[http::field::accept_language]);
  plain.cookie = std::string(request[http::field::cookie]);
  plain.if_none_match = std::string(request[http::field::if_none_match]);
  plain.accept_encoding = std::string(request[http::field::accept_encoding]);
  plain.range = std::string(request[http::field::range]);
  plain.if_range = std::string(request[http::field::if_range]);
  plain.content_type = std::string(request[http::field::content_type]);
  plain.body = request.body();  // within kMaxBodyBytes (the parser's body limit)
  plain.host = std::string(request[http::field::host]);
  plain.authorization = std::string(request[http::field::authorization]);
  plain.x_api_key = std::string(request["X-API-Key"]);
  plain.origin = std::string(request[http::field::origin]);
  plain.access_control_request_method =
      std::string(request[http::field::access_control_request_method]);
  plain.peer_address = peer_address_;
  plain.x_forwarded_for = forwarded_for(request);  // believed only from --trusted-proxy peers
  return plain;
}

void HttpSession::shed(const char* detail) {
  api::HttpResponse response = api::problem_response(503, detail);
  response.set_header("Retry-After", std::to_string(kShedRetryAfterSeconds));
  api::add_security_headers(response);
  const Request& request = parser_->get();
  send(std::move(response), request.version(), request.keep_alive(),
       request.method() == http::verb::head);
}

void HttpSession::answer(api::HttpResponse response) {
  const Request& request = parser_->get();
  ++served_;
  const bool keep_alive = request.keep_alive() && served_ < kMaxRequestsPerConnection;
  send(std::move(response), request.version(), keep_alive, request.method() == http::verb::head);
}

void HttpSession::refuse(unsigned status, const char* detail) {
  api::HttpResponse answer = api::problem_response(status, detail);
  api::add_security_headers(answer);
  send(std::move(answer), 11, /*keep_alive=*/false, /*head=*/false);
}

void HttpSession::send(api::HttpResponse answer, unsigned version, bool keep_alive, bool head) {
  response_ = std::make_unique<Response>(static_cast<http::status>(answer.status), version);
  if (!answer.content_type.empty()) {
    response_->set(http::field::content_type, header_safe(answer.content_type));
  }
  for (auto& [name, value] : answer.headers) {
    response_->set(header_safe(name), header_safe(std::move(value)));
  }
  if (answer.status == 413) response_->reason("Content Too Large");  // RFC 9110 wording
  response_->keep_alive(keep_alive);
  if (!may_send_content_length(answer.status)) {
    // No body and no Content-Length, where Beast's prepare_payload would write "0".
  } else if (head) {
    response_->set(http::field::content_length, std::to_string(answer.body_size()));
  } else {
    response_->body().text = std::move(answer.body);
    response_->body().file = std::move(answer.file);
    response_->prepare_payload();
  }
  serializer_.emplace(*response_);
  // While a response is being written, closing resets the connection (SO_LINGER 0), so a cut
  // response frees its send buffer at once instead of lingering in the kernel.
  beast::error_code ignored;
  stream_.socket().set_option(boost::asio::socket_base::linger(true, 0), ignored);
  write_piece(keep_alive);
}

void HttpSession::write_piece(bool keep_alive) {
  stream_.expires_after(shared_.write_timeout);
  http::async_write_some(stream_, *serializer_,
                         [self = shared_from_this(), keep_alive](beast::error_code error, size_t) {
                           if (error == beast::error::timeout)
                             ++self->shared_.counters.responses_cut;
                           if (error) return self->close();
                           if (!self->serializer_->is_done()) return self->write_piece(keep_alive);
                           self->on_write(keep_alive);
                         });
}

void HttpSession::on_write(bool keep_alive) {
  serializer_.reset();
  response_.reset();
  beast::error_code ignored;
  stream_.socket().set_option(boost::asio::socket_base::linger(false, 0), ignored);
  if (!keep_alive) return linger_then_close();
  read_request();
}

void HttpSession::linger_then_close() {
  beast::error_code ignored;
  stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
  stream_.expires_after(kLingerTime);
  buffer_.consume(buffer_.size());
  discard_input(0);
}

void HttpSession::discard_input(size_t discarded) {
  constexpr size_t kChunk = 16 * 1024;
  stream_.async_read_some(buffer_.prepare(kChunk), [self = shared_from_this(), discarded](
                                                       beast::error_code error, size_t bytes) {
    self->buffer_.consume(self->buffer_.size());
    // Past the byte cap, close once the kernel has sent every byte of the answer (SIOCOUTQ: bytes
    // not yet acknowledged), so the reset that unread input causes cannot cut it off.
    int unsent = 0;
    ioctl(self->stream_.socket().native_handle(), SIOCOUTQ, &unsent);
    if (error || (discarded + bytes > kMaxLingerBytes && unsent == 0)) return self->close();
    self->discard_input(discarded + bytes);
  });
}

void HttpSession::close() {
  beast::error_code ignored;
  stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
  stream_.socket().close(ignored);
}

}  // namespace jil::server
