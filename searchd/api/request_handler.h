// The pure request → response function of jil-searchd: routing and the handlers of every
// route. One per worker thread (it holds that worker's Searcher). Never throws.
//   GET /                    search page (HTML)        GET /api/v1/search          JSON
//   GET /search              search page (HTML)        GET /api/v1/documents/{id}  JSON
//   GET /doc/{id}            document page (HTML)      GET /healthz                JSON
//   GET /doc/{id}/original   the original file         GET /static/{name}          assets
#pragma once

#include <filesystem>

#include "api/http_types.h"
#include "api/static_files.h"
#include "render/html_view.h"
#include "search/searcher.h"
#include "store/content_store.h"

namespace jil::api {

// Read-only parts shared by all workers.
struct SiteAssets {
  const render::HtmlRenderer& renderer;
  const StaticFiles& static_files;
  const store::ContentStore& store;
};

class RequestHandler {
 public:
  RequestHandler(search::Searcher& searcher, const SiteAssets& assets)
      : searcher_(searcher), assets_(assets) {}

  HttpResponse handle(const HttpRequest& request);

 private:
  HttpResponse route(const HttpRequest& request);
  HttpResponse api_search(const std::string& target);
  HttpResponse api_document(const std::string& id, const std::string& target);
  HttpResponse html_search(const std::string& target);
  HttpResponse html_document(const std::string& id, const std::string& target);
  HttpResponse original_file(const std::string& id);
  HttpResponse static_file(const std::string& name, const HttpRequest& request);
  HttpResponse health();
  HttpResponse html_error(unsigned status, const std::string& message);

  search::Searcher& searcher_;
  const SiteAssets& assets_;
};

// Headers every response carries: strict CSP (no inline script or style), nosniff, framing
// denied, referrer policy.
void add_security_headers(HttpResponse& response);

}  // namespace jil::api
