// GET /api/v1/openapi.json: the OpenAPI 3.1 description of the JSON API (web/api/openapi.json,
// compiled in). tests/browser/openapi.test.mjs validates real responses of every route against it.
#pragma once

#include "api/http_types.h"

namespace jil::api {

// The document as application/json.
HttpResponse openapi_response();

}  // namespace jil::api
