// The one table from error to HTTP: a Status becomes an RFC 9457 application/problem+json
// response with a precise detail. Internal details never reach the client (T-H12): a server
// failure says only that it failed, and every problem carries a `request_id` (16 random hex
// digits) that searchd's log line for a 500 repeats, so support can find the cause.
#pragma once

#include <string>

#include "api/http_types.h"
#include "base/status.h"

namespace jil::api {

unsigned http_status_for(StatusCode code);
// A 500's Status message (internal) goes to stderr with the request id, never to the client.
HttpResponse problem_response(const Status& status);
HttpResponse problem_response(unsigned http_status, const std::string& detail);
HttpResponse problem_response(unsigned http_status, const std::string& detail,
                              const std::string& request_id);

// 16 hex digits from a per-thread generator seeded from std::random_device: unique enough to
// find one answer in a log, and saying nothing about the server.
std::string new_request_id();
// The detail every 500 gets.
inline constexpr const char* kServerFailureDetail = "the server failed to answer this request";

}  // namespace jil::api
