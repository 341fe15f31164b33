// Implementation of http_session.h.
#include "server/http_session.h"

#include <linux/sockios.h>
#include <sys/ioctl.h>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>

#include "api/problem.h"
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

}  // namespace

HttpSession::HttpSession(boost::asio::ip::tcp::socket socket, api::RequestHandler& handler,
                         RequestQueue& queue, std::atomic<size_t>& open_connections,
                         std::chrono::seconds read_timeout)
    : stream_(std::move(socket)),
      handler_(handler),
      queue_(queue),
      open_connections_(open_connections),
      read_timeout_(read_timeout) {
  ++open_connections_;
}

HttpSession::~HttpSession() { --open_connections_; }

void HttpSession::start() {
  boost::asio::dispatch(stream_.get_executor(),
                        [self = shared_from_this()] { self->read_request(); });
}

void HttpSession::read_request() {
  parser_.emplace();  // a new parser per request, as Beast requires
  parser_->header_limit(kMaxHeaderBytes);
  parser_->body_limit(kMaxBodyBytes);
  stream_.expires_after(read_timeout_);
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
  if (!queue_.enter()) {
    api::HttpResponse answer = api::problem_response(503, "the server is busy: try again shortly");
    answer.set_header("Retry-After", std::to_string(kShedRetryAfterSeconds));
    api::add_security_headers(answer);
    return send(std::move(answer), request.version(), request.keep_alive(),
                request.method() == http::verb::head);
  }
  // Behind the requests already read: they are all counted before the first is handled.
  boost::asio::post(stream_.get_executor(), [self = shared_from_this()] {
    self->queue_.leave();
    self->respond(self->parser_->get());
  });
}

void HttpSession::respond(const Request& request) {
  api::HttpRequest plain;
  plain.method = std::string(request.method_string());
  plain.target = std::string(request.target());
  plain.accept_language = std::string(request[http::field::accept_language]);
  plain.cookie = std::string(request[http::field::cookie]);
  plain.if_none_match = std::string(request[http::field::if_none_match]);
  plain.host = std::string(request[http::field::host]);
  plain.authorization = std::string(request[http::field::authorization]);
  plain.x_api_key = std::string(request["X-API-Key"]);
  plain.origin = std::string(request[http::field::origin]);
  plain.access_control_request_method =
      std::string(request[http::field::access_control_request_method]);
  beast::error_code ignored;
  const auto peer = stream_.socket().remote_endpoint(ignored);
  if (!ignored) plain.peer_address = peer.address().to_string();
  plain.x_forwarded_for = forwarded_for(request);  // believed only from --trusted-proxy peers
  ++served_;
  const bool keep_alive = request.keep_alive() && served_ < kMaxRequestsPerConnection;
  send(handler_.handle(plain), request.version(), keep_alive, request.method() == http::verb::head);
}

void HttpSession::refuse(unsigned status, const char* detail) {
  api::HttpResponse answer = api::problem_response(status, detail);
  api::add_security_headers(answer);
  send(std::move(answer), 11, /*keep_alive=*/false, /*head=*/false);
}

void HttpSession::send(api::HttpResponse answer, unsigned version, bool keep_alive, bool head) {
  response_ = std::make_shared<Response>(static_cast<http::status>(answer.status), version);
  if (!answer.content_type.empty()) {
    response_->set(http::field::content_type, header_safe(answer.content_type));
  }
  for (auto& [name, value] : answer.headers) {
    response_->set(header_safe(name), header_safe(std::move(value)));
  }
  if (answer.status == 413) response_->reason("Content Too Large");  // RFC 9110 wording
  response_->keep_alive(keep_alive);
  if (head) {
    response_->set(http::field::content_length, std::to_string(answer.body.size()));
  } else {
    response_->body() = std::move(answer.body);
    response_->prepare_payload();
  }
  stream_.expires_after(kWriteTimeout);
  http::async_write(stream_, *response_,
                    [self = shared_from_this(), keep_alive](beast::error_code error, size_t) {
                      self->on_write(keep_alive, error);
                    });
}

void HttpSession::on_write(bool keep_alive, beast::error_code error) {
  response_.reset();
  if (error) return close();
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
