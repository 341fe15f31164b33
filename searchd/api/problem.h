// The one table from error to HTTP: a Status becomes an RFC 9457 application/problem+json
// response with a precise detail. Internal details never reach the client.
#pragma once

#include "api/http_types.h"
#include "base/status.h"

namespace jil::api {

unsigned http_status_for(StatusCode code);
HttpResponse problem_response(const Status& status);
HttpResponse problem_response(unsigned http_status, const std::string& detail);

}  // namespace jil::api
