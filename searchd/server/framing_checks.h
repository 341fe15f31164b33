// Checks of request framing that Debian's Beast does not make itself (RELIABILITY.md T-H3):
// no Transfer-Encoding at all (JIL has no upload route, so chunked bodies are never needed),
// one well-formed Content-Length at most, within the body limit, a target within its limit, at
// most kMaxHeaderFields header fields (T-H1), and no expectation but `Expect: 100-continue`.
#pragma once

#include <boost/beast/http.hpp>

#include <optional>

namespace jil::server {

struct FramingProblem {
  unsigned status;  // 400, 413, 414, 417 or 431
  const char* detail;
};

std::optional<FramingProblem> check_framing(
    const boost::beast::http::request_parser<boost::beast::http::string_body>::value_type& request);

// True when the client waits for "100 Continue" before it sends the body (HTTP/1.1 with
// `Expect: 100-continue`, RFC 9110 section 10.1.1): POST clients such as curl (bodies over 1 KiB)
// and .NET's wait up to a second for it otherwise. Call once check_framing has passed.
bool waits_for_continue(
    const boost::beast::http::request_parser<boost::beast::http::string_body>::value_type& request);

}  // namespace jil::server
