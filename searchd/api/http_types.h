// Requests and responses as plain values: what handlers see and return. No Beast here, so the
// handlers are pure functions that tests (and the fuzzer) can call directly.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jil {
class ReadOnlyFile;
}

namespace jil::api {

struct HttpRequest {
  std::string method;  // "GET", "HEAD", "POST" (only /oai takes it), ...
  std::string target;  // raw request target, e.g. "/search?q=x"
  std::string accept_language;
  std::string if_none_match;
  std::string cookie;  // the Cookie header ("" when absent)
  std::string host{};  // the Host header, untrusted (api/site_url.h checks it); {} so that
                       // aggregate initialisations naming only the fields above stay warning-free
  // API access (api/api_access.h): the key headers, never logged; the CORS headers; the
  // client's IP address as the socket saw it ("" when unknown), for the anonymous rate limit.
  std::string authorization{};
  std::string x_api_key{};
  std::string origin{};
  std::string access_control_request_method{};
  std::string peer_address{};
  // Every X-Forwarded-For field, joined with commas: read only when peer_address is a trusted
  // proxy (api/trusted_proxies.h).
  std::string x_forwarded_for{};
  std::string accept_encoding{};  // for gzip (api/response_compression.h)
  // Byte ranges of originals (api/partial_content.h): the Range and If-Range headers.
  std::string range{};
  std::string if_range{};
  // The Content-Type header and the body (at most server/searchd_options.h kMaxBodyBytes): read
  // only by POST /oai, whose arguments come as a form (api/oai_request.h).
  std::string content_type{};
  std::string body{};
};

// Bytes of an open file sent as a body (originals): the server reads them as they leave, so a
// download holds a send buffer instead of the file (server/payload_body.h).
struct FileSlice {
  std::shared_ptr<const ReadOnlyFile> file;
  uint64_t offset = 0;
  uint64_t length = 0;
};

struct HttpResponse {
  unsigned status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;                                          // sent when `file` is empty
  std::optional<FileSlice> file{};                           // sent instead of `body`
  std::vector<std::pair<std::string, std::string>> headers;  // values must be free of CR/LF

  uint64_t body_size() const { return file ? file->length : body.size(); }

  void set_header(std::string name, std::string value);
  // The value of header `name` (names compared without case), or null when absent.
  const std::string* header(std::string_view name) const;
};

}  // namespace jil::api
