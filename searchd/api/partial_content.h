// Byte ranges of answers that offer them (RFC 9110 14): a 200 to GET or HEAD that says
// `Accept-Ranges: bytes` (originals) becomes a 206 with only the asked bytes, or a 416, per the
// request's Range and If-Range. PDF viewers, on phones above all, read a file by ranges.
#pragma once

#include <string_view>

#include "api/http_types.h"

namespace jil::api {

// True when the If-Range value `if_range` is `etag` by strong comparison (RFC 9110 8.8.3.2 and
// 13.1.5): a weak tag never matches, nor does a date (these answers carry no Last-Modified).
bool if_range_matches(std::string_view if_range, std::string_view etag);

// Turns `response` into a 206 (Content-Range `bytes a-b/length` and those bytes) or a 416
// (Content-Range `bytes */length`, a problem body) as api/byte_range.h selects; leaves it alone
// when it is not a 200 offering byte ranges, has a Content-Encoding, the request has no Range,
// or If-Range does not match its ETag. HEAD is answered as GET would be (RFC 9110 9.3.2), its
// body dropped by the server. Call after the cache policy, so that a matching If-None-Match has
// already made a 304: RFC 9110 13.2.2 evaluates it before Range.
void answer_range_request(const HttpRequest& request, HttpResponse& response);

}  // namespace jil::api
