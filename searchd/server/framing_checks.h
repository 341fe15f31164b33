// Checks of request framing that Debian's Beast does not make itself (RELIABILITY.md T-H3):
// no Transfer-Encoding at all (JIL has no upload route, so chunked bodies are never needed),
// one well-formed Content-Length at most, within the body limit, a target within its limit and
// at most kMaxHeaderFields header fields (T-H1).
#pragma once

#include <boost/beast/http.hpp>

#include <optional>

namespace jil::server {

struct FramingProblem {
  unsigned status;  // 400, 413, 414 or 431
  const char* detail;
};

std::optional<FramingProblem> check_framing(
    const boost::beast::http::request_parser<boost::beast::http::string_body>::value_type& request);

}  // namespace jil::server
