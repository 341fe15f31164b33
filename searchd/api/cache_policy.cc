// Implementation of cache_policy.h.
#include "api/cache_policy.h"

#include <chrono>
#include <cstdio>

#include "api/header_text.h"

namespace jil::api {
namespace {

// 64-bit FNV-1a: a stable, fast fingerprint (ETags need to differ, not to resist attackers).
class Fingerprint {
 public:
  void add(std::string_view text) {
    for (unsigned char c : text) {
      hash_ ^= c;
      hash_ *= 0x100000001b3ULL;
    }
    hash_ ^= 0xff;  // field separator, so ("ab","c") and ("a","bc") differ
    hash_ *= 0x100000001b3ULL;
  }
  std::string hex() const {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash_));
    return buffer;
  }

 private:
  uint64_t hash_ = 0xcbf29ce484222325ULL;
};

// Differs between runs of searchd, so new templates or code after a restart change every ETag.
const std::string& process_generation() {
  static const std::string generation = std::to_string(
      std::chrono::system_clock::now().time_since_epoch() / std::chrono::microseconds(1));
  return generation;
}

void make_not_modified(HttpResponse& response) {
  response.status = 304;
  response.body.clear();
  response.file.reset();
  response.content_type.clear();
  std::erase_if(response.headers, [](const auto& header) {
    return header.first == "Content-Encoding";  // of a body it no longer has
  });
}

}  // namespace

std::string index_etag(const HttpRequest& request, const HttpResponse& response,
                       uint64_t index_revision) {
  Fingerprint fingerprint;
  fingerprint.add(process_generation());
  fingerprint.add(std::to_string(index_revision));
  fingerprint.add(request.target);
  fingerprint.add(response.content_type);
  if (const std::string* encoding = response.header("Content-Encoding")) {
    fingerprint.add(*encoding);  // gzip and identity are two representations
  }
  if (const std::string* vary = response.header("Vary")) {
    if (vary->find("Accept-Language") != std::string::npos) {
      fingerprint.add(request.accept_language);
    }
    if (vary->find("Cookie") != std::string::npos) fingerprint.add(request.cookie);
  }
  // Appended piece by piece: GCC 12 warns (-Wrestrict, a false positive) on the + chain here.
  std::string etag = "\"";
  etag += std::to_string(index_revision);
  etag += '-';
  etag += fingerprint.hex();
  etag += '"';
  return etag;
}

std::string content_etag(std::string_view sha256_hex) {
  std::string etag = "\"sha256-";
  etag += sha256_hex;
  etag += '"';
  return etag;
}

bool if_none_match_matches(std::string_view if_none_match, std::string_view etag) {
  if (etag.starts_with("W/")) etag.remove_prefix(2);
  while (!if_none_match.empty()) {
    const size_t comma = if_none_match.find(',');
    std::string_view candidate = without_ows(if_none_match.substr(0, comma));
    if (candidate == "*") return true;
    if (candidate.starts_with("W/")) candidate.remove_prefix(2);
    if (!candidate.empty() && candidate == etag) return true;
    if (comma == std::string_view::npos) break;
    if_none_match.remove_prefix(comma + 1);
  }
  return false;
}

void apply_cache_policy(const HttpRequest& request, uint64_t index_revision,
                        HttpResponse& response) {
  if (response.status != 200 || (request.method != "GET" && request.method != "HEAD")) return;
  if (const std::string* own = response.header("ETag")) {
    if (if_none_match_matches(request.if_none_match, *own)) make_not_modified(response);
    return;
  }
  if (response.header("Cache-Control")) return;
  const std::string_view path =
      std::string_view(request.target).substr(0, request.target.find('?'));
  if (path.starts_with("/api/")) {
    response.set_header("Cache-Control", std::string(kApiCacheControl));
  } else if (response.content_type.starts_with("text/html")) {
    response.set_header("Cache-Control", std::string(kHtmlCacheControl));
  } else {
    response.set_header("Cache-Control", std::string(kOtherCacheControl));
  }
  const std::string etag = index_etag(request, response, index_revision);
  response.set_header("ETag", etag);
  if (!request.if_none_match.empty() && if_none_match_matches(request.if_none_match, etag)) {
    make_not_modified(response);
  }
}

}  // namespace jil::api
