// HTTP caching of successful GET answers (RFC 9110/9111): an ETag derived from the index
// revision (Searcher::index_revision(): the commit revision), this process's start (templates and
// code), the request target and the representation (media type, and the request headers the
// response varies on); Cache-Control per kind of answer; If-None-Match turns a match into 304 with
// no body.
//   JSON API (/api/...)        public, max-age=60 (short: the index can change at any time)
//   HTML pages                 no-cache (revalidate every time, cheap with the ETag)
//   feeds and other documents  public, max-age=300
// Answers that already carry an ETag (static files; originals, whose content_etag() is their
// sha256) or Cache-Control (health: no-store) keep their own policy; only If-None-Match is checked
// for them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "api/http_types.h"

namespace jil::api {

inline constexpr std::string_view kApiCacheControl = "public, max-age=60";
inline constexpr std::string_view kHtmlCacheControl = "no-cache";
inline constexpr std::string_view kOtherCacheControl = "public, max-age=300";

// The quoted strong ETag of `response` to `request` while the index has `index_revision`.
std::string index_etag(const HttpRequest& request, const HttpResponse& response,
                       uint64_t index_revision);

// The quoted strong ETag of bytes whose SHA-256 is `sha256_hex`: `"sha256-<hex>"`. It outlives
// index revisions and restarts, since the bytes alone decide it (originals in the store).
std::string content_etag(std::string_view sha256_hex);

// True when the If-None-Match header value (a list of entity tags, or "*") names `etag`;
// compared weakly, as RFC 9110 13.1.2 asks for GET.
bool if_none_match_matches(std::string_view if_none_match, std::string_view etag);

// Adds ETag and Cache-Control to a 200 answer to GET/HEAD and turns it into a bodiless 304 when
// the request's If-None-Match names the ETag. Other answers are left alone.
void apply_cache_policy(const HttpRequest& request, uint64_t index_revision,
                        HttpResponse& response);

}  // namespace jil::api
