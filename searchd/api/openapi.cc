// Implementation of openapi.h.
#include "api/openapi.h"

extern const char kJilOpenApiJson[];

namespace jil::api {

HttpResponse openapi_response() {
  HttpResponse response;
  response.content_type = "application/json; charset=utf-8";
  response.body = kJilOpenApiJson;
  return response;
}

}  // namespace jil::api
