// Implementation of partial_content.h.
#include "api/partial_content.h"

#include <string>

#include "api/byte_range.h"
#include "api/header_text.h"
#include "api/problem.h"

namespace jil::api {

bool if_range_matches(std::string_view if_range, std::string_view etag) {
  if_range = without_ows(if_range);
  return !etag.empty() && !etag.starts_with("W/") && etag.front() == '"' && if_range == etag;
}

void answer_range_request(const HttpRequest& request, HttpResponse& response) {
  if (request.range.empty() || response.status != 200 ||
      (request.method != "GET" && request.method != "HEAD")) {
    return;
  }
  const std::string* accept_ranges = response.header("Accept-Ranges");
  if (accept_ranges == nullptr || *accept_ranges != "bytes" ||
      response.header("Content-Encoding")) {
    return;  // ranges of a gzip body would be ranges of other bytes than the file's
  }
  if (!request.if_range.empty()) {
    const std::string* etag = response.header("ETag");
    if (etag == nullptr || !if_range_matches(request.if_range, *etag)) return;  // changed: all
  }
  const uint64_t length = response.body_size();
  const RangeSelection selection = select_byte_range(request.range, length);
  if (selection.kind == RangeSelection::Kind::kWhole) return;
  if (selection.kind == RangeSelection::Kind::kUnsatisfiable) {
    // A fresh answer: the file's ETag, Cache-Control and disposition describe no body here.
    response = problem_response(416, "the byte range starts past the end of the file's " +
                                         std::to_string(length) + " bytes");
    response.set_header("Accept-Ranges", "bytes");
    response.set_header("Content-Range", "bytes */" + std::to_string(length));
    return;
  }
  const ByteRange range = selection.range;
  response.status = 206;
  if (response.file) {
    response.file->offset += range.first;
    response.file->length = range.size();
  } else {
    response.body = response.body.substr(range.first, range.size());
  }
  response.set_header("Content-Range", "bytes " + std::to_string(range.first) + "-" +
                                           std::to_string(range.last) + "/" +
                                           std::to_string(length));
}

}  // namespace jil::api
