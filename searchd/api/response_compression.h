// gzip for answers that are text (RFC 9110 8.4 and 12.5.3): judges often read on a phone over a
// slow link, and a results page shrinks about 4.5 times (29 KB to 6.4 KB, JSON 34 KB to 8.4 KB).
// Only when the request's Accept-Encoding admits gzip, the body is at least kMinCompressedBytes
// and at most kMaxCompressedBytes, its type is text (HTML, JSON, CSS, JavaScript, SVG, XML, plain
// text) and the answer is not a file (an original, attachment or inline, keeps its bytes and byte
// ranges), nor a 206 or 416.
// Every answer of a compressible type says `Vary: Accept-Encoding`. No secret is ever in a body
// next to reflected input (API keys travel in headers, keys are made on the command line), so
// compression reveals nothing (BREACH).
#pragma once

#include <cstddef>
#include <string_view>

#include "api/http_types.h"

namespace jil::api {

// Smaller bodies fit in a packet or two either way; larger ones (a document's whole text as
// JSON) would cost more CPU than their transfer saves on the local links that ask for them.
inline constexpr size_t kMinCompressedBytes = 1024;
inline constexpr size_t kMaxCompressedBytes = 8u << 20;
// zlib's fastest level: 10 % larger than level 6 for half its CPU (0.4 ms for a results page).
inline constexpr int kGzipLevel = 1;

// Whether an Accept-Encoding value admits gzip: "gzip" or "*" (or the legacy "x-gzip") with a
// q-value above 0, and gzip not refused by name.
bool accepts_gzip(std::string_view accept_encoding);

// Compresses `response`'s body with gzip when `request` admits it and the answer qualifies
// (above); then `Content-Encoding: gzip`, and an ETag the answer already carries gets "-gzip"
// inside its quotes, since the two encodings are different representations. Adds Accept-Encoding
// to Vary for every compressible answer, compressed or not.
void compress_if_accepted(const HttpRequest& request, HttpResponse& response);

}  // namespace jil::api
