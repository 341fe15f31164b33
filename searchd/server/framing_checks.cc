// Implementation of framing_checks.h.
#include "server/framing_checks.h"

#include <iterator>

#include "server/searchd_options.h"

namespace jil::server {

namespace http = boost::beast::http;

std::optional<FramingProblem> check_framing(
    const http::request_parser<http::string_body>::value_type& request) {
  if (request.target().size() > kMaxTargetBytes) {
    return FramingProblem{414, "the request target is too long"};
  }
  if (static_cast<size_t>(std::distance(request.begin(), request.end())) > kMaxHeaderFields) {
    return FramingProblem{431, "the request has too many header fields"};
  }
  if (request.count(http::field::transfer_encoding) > 0) {
    return FramingProblem{400, "Transfer-Encoding is not accepted"};
  }
  const size_t lengths = request.count(http::field::content_length);
  if (lengths > 1) return FramingProblem{400, "more than one Content-Length"};
  if (lengths == 1) {
    const auto value = request[http::field::content_length];
    if (value.empty() || value.size() > 18 ||
        value.find_first_not_of("0123456789") != boost::beast::string_view::npos) {
      return FramingProblem{400, "malformed Content-Length"};
    }
    if (std::stoull(std::string(value)) > kMaxBodyBytes) {
      return FramingProblem{413, "the request body is too large"};
    }
  }
  const size_t expectations = request.count(http::field::expect);
  if (expectations > 1 ||
      (expectations == 1 && !boost::beast::iequals(request[http::field::expect], "100-continue"))) {
    return FramingProblem{417, "the only expectation understood is Expect: 100-continue"};
  }
  return std::nullopt;
}

bool waits_for_continue(const http::request_parser<http::string_body>::value_type& request) {
  return request.version() == 11 && request.count(http::field::expect) == 1;
}

}  // namespace jil::server
