// The pure request → response function of jil-searchd: routing and the handlers of every
// route. One per worker thread (it holds that worker's Searcher). Never throws. HTML pages are in
// the UI language chosen by api/ui_language.h; the JSON API does not depend on it.
//   GET /                    search page (HTML)        GET /api/v1/search          JSON
//   GET /search              search page (HTML)        GET /api/v1/documents/{id}  JSON
//   GET /doc/{id}            document page (HTML)      GET /healthz                JSON
//   GET /doc/{id}/original   the original file         GET /static/{name}          assets
//   GET /api/v1/facets, /api/v1/facets/{facet}: facet vocabularies (api/facet_vocabulary.h)
//   GET /doc/{id}/cite.ris   RIS record                GET /doc/{id}/cite.bib      BibTeX
//   GET, POST /oai           OAI-PMH (api/oai_pmh.h; the one route that takes POST)
#pragma once

#include <filesystem>

#include "api/api_access.h"
#include "api/html_context.h"
#include "api/http_types.h"
#include "api/oai_identity.h"
#include "api/static_files.h"
#include "api/test_gate.h"
#include "render/html_view.h"
#include "search/searcher.h"
#include "store/content_store.h"

namespace jil::api {

// Parts shared by all workers: read-only, or thread-safe (api_access).
struct SiteAssets {
  const render::HtmlRenderer& renderer;
  const StaticFiles& static_files;
  const store::ContentStore& store;
  ApiAccess* api_access = nullptr;  // keys, rate limits, CORS of /api/v1/*; null: none
  // Test-only fault hook (T-H12): GET /__test/fault throws inside the handler, so a test sees
  // a real 500. Set only by `jil-searchd --test-fault-route`, an option that exists only in
  // builds with the test suite (JIL_TESTS, server/searchd_options.cc); false everywhere else.
  bool test_fault_route = false;
  // Test-only, with test_fault_route: GET /__test/hold and /__test/release (api/test_gate.h).
  TestGate* test_gate = nullptr;
  // --public-url as parse_public_url() normalised it (api/public_url.h): every absolute URL is
  // under it. "": under "http://" + each request's Host (api/site_url.h).
  std::string public_url{};
  // --oai-repository-name and --oai-admin-email (api/oai_identity.h): what OAI-PMH's Identify
  // says; the defaults when not given.
  OaiIdentity oai_identity{};
};

// Routes that read no index are api/quick_routes.h's (searchd answers them on its I/O threads);
// this handler hands them on too, so that it answers every request.
class RequestHandler {
 public:
  RequestHandler(search::Searcher& searcher, const SiteAssets& assets)
      : searcher_(searcher), assets_(assets) {}

  HttpResponse handle(const HttpRequest& request);

 private:
  HttpResponse route(const HttpRequest& request);
  HttpResponse api_search(const std::string& target);
  HttpResponse api_document(const std::string& id, const std::string& target);
  HttpResponse api_concepts();
  HttpResponse api_translation_gaps();
  HttpResponse html_concept(const HtmlContext& html, const std::string& id);
  HttpResponse html_gaps(const HtmlContext& html);
  HttpResponse html_search(const HtmlContext& html, const std::string& target);
  HttpResponse html_document(const HtmlContext& html, const std::string& id,
                             const HttpRequest& request, std::string_view site_url);
  // The stored bytes whole, with their sha256 ETag and `Accept-Ranges: bytes` (guarded_answer
  // then answers If-None-Match and Range); inline for PDF, otherwise an attachment.
  HttpResponse original_file(const HtmlContext& html, const std::string& id);
  // The error page with the catalog text of `message_key` ("error_no_page").
  HttpResponse html_error(const HtmlContext& html, unsigned status, const std::string& message_key);
  // A 400 page for an address the search cannot take: in the reader's language, naming the
  // parameter when `detail` (the English message, shown below it) does.
  HttpResponse html_address_error(const HtmlContext& html, const std::string& detail);
  // The error page with `message` as given (a parameter error, in English).
  HttpResponse html_error_message(const HtmlContext& html, unsigned status,
                                  const std::string& message);

  search::Searcher& searcher_;
  const SiteAssets& assets_;
  // GET /api/v1/concepts as last built, and the index revision it counts.
  std::string concepts_body_;
  uint64_t concepts_revision_ = 0;
};

// Headers every response carries: strict CSP (no inline script or style), nosniff, framing
// denied, referrer policy.
void add_security_headers(HttpResponse& response);

}  // namespace jil::api
