// The answers that read no index, so that searchd gives them on its I/O thread and they never
// wait behind searches (issue 8 item 4): methods other than GET and HEAD (405; POST /oai is
// OAI-PMH's and reads the index), /healthz (its document count comes from a caller-given
// function), static files, the OpenAPI and OpenSearch descriptions, the API's CORS preflights
// and rejections, and 404s for unknown addresses.
// Every route that reads the index (searches, documents, facets, feeds, pages) runs on a search
// thread (api/request_handler.h, which hands the others to quick_route too).
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "api/http_types.h"
#include "api/request_handler.h"

namespace jil::api {

// True when `method` and `target` make a request that reads the index.
bool reads_index(std::string_view method, std::string_view target);

// The route of a request for which reads_index() is false. `document_count` is called only for
// /healthz.
HttpResponse quick_route(const HttpRequest& request, const SiteAssets& assets,
                         const std::function<uint64_t()>& document_count);

// A whole answer: API admission (keys, rate limits, CORS), `route`, gzip, the cache policy (the
// index revision is asked only for a 200 of a route that reads the index), byte ranges, security
// headers; an exception is a 500 with no detail.
HttpResponse guarded_answer(const HttpRequest& request, const SiteAssets& assets,
                            const std::function<HttpResponse()>& route,
                            const std::function<uint64_t()>& index_revision);

// guarded_answer() of quick_route(): what an I/O thread answers.
HttpResponse quick_answer(const HttpRequest& request, const SiteAssets& assets,
                          const std::function<uint64_t()>& document_count);

}  // namespace jil::api
