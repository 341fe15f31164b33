// Implementation of quick_routes.h.
#include "api/quick_routes.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "api/api_parameters.h"
#include "api/cache_policy.h"
#include "api/discovery_routes.h"
#include "api/html_context.h"
#include "api/openapi.h"
#include "api/partial_content.h"
#include "api/problem.h"
#include "api/response_compression.h"
#include "api/site_url.h"
#include "render/json_text.h"

namespace jil::api {
namespace {

std::string_view path_of(std::string_view target) { return target.substr(0, target.find('?')); }

HttpResponse html_not_found(const HttpRequest& request, const SiteAssets& assets) {
  const HtmlContext html = html_context(request);
  return html_response(
      html, 404,
      assets.renderer.error_page(
          html.page, 404, assets.renderer.catalog().text(html.page.ui_language, "error_no_page")));
}

HttpResponse static_file(const HttpRequest& request, const SiteAssets& assets,
                         std::string_view name) {
  const StaticFile* file = assets.static_files.find(std::string(name));
  if (!file) return html_not_found(request, assets);
  HttpResponse response;
  response.set_header("ETag", file->etag);
  response.set_header("Cache-Control", "public, max-age=3600");
  // If-None-Match (a list, weak tags, the gzip representation's own tag) is answered by
  // guarded_answer's cache policy, as for every answer with its own ETag.
  response.content_type = file->content_type;
  response.body = file->content;
  return response;
}

HttpResponse health(uint64_t documents) {
  const nlohmann::json body = {{"status", "ok"}, {"documents", documents}};
  HttpResponse response;
  response.content_type = "application/json; charset=utf-8";
  response.body = render::json_text(body);
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace

bool reads_index(std::string_view method, std::string_view target) {
  const std::string_view path = path_of(target);
  // OAI-PMH asks repositories to take POST too (api/oai_request.h).
  if (method == "POST") return path == "/oai";
  if (method != "GET" && method != "HEAD") return false;
  for (std::string_view exact :
       {"/api/v1/search", "/api/v1/suggest", "/api/v1/concepts", "/api/v1/facets",
        "/api/v1/translation-gaps", "/sitemap.xml", "/feed.atom", "/oai", "/", "/search",
        "/concepts", "/gaps", "/__test/fault", "/__test/hold"}) {
    if (path == exact) return true;
  }
  for (std::string_view prefix : {"/api/v1/facets/", "/api/v1/documents/", "/concept/", "/doc/"}) {
    if (path.starts_with(prefix)) return true;
  }
  return false;
}

HttpResponse quick_route(const HttpRequest& request, const SiteAssets& assets,
                         const std::function<uint64_t()>& document_count) {
  const std::string_view path = path_of(request.target);
  if (request.method != "GET" && request.method != "HEAD") {
    if (path == "/oai") {  // POST is routed to the OAI handler (reads_index)
      HttpResponse response = problem_response(405, "only GET, HEAD and POST are allowed");
      response.set_header("Allow", "GET, HEAD, POST");
      return response;
    }
    HttpResponse response = problem_response(405, "only GET and HEAD are allowed");
    response.set_header("Allow", "GET, HEAD");
    return response;
  }
  if (path == "/healthz") return health(document_count());
  if (path == "/api/v1/openapi.json") {
    if (Status known = check_api_parameters(request.target, ApiEndpoint::kOpenApi);
        !known.is_ok()) {
      return problem_response(known);
    }
    return openapi_response();
  }
  if (path.starts_with("/api/")) return problem_response(404, "no such API route");
  if (path == "/opensearch.xml") {
    return opensearch_response(site_base_url(request, assets.public_url));
  }
  if (path == "/robots.txt") return robots_response(site_base_url(request, assets.public_url));
  if (path.starts_with("/static/")) return static_file(request, assets, path.substr(8));
  if (assets.test_gate && path == "/__test/release") {
    assets.test_gate->release();
    return health(document_count());
  }
  return html_not_found(request, assets);
}

HttpResponse guarded_answer(const HttpRequest& request, const SiteAssets& assets,
                            const std::function<HttpResponse()>& route,
                            const std::function<uint64_t()>& index_revision) {
  HttpResponse response;
  try {
    ApiAdmission admission;
    if (assets.api_access) admission = assets.api_access->admit(request);
    if (admission.answer) {
      response = std::move(*admission.answer);
    } else {
      response = route();
      // Before the cache policy, whose ETag then names the encoding.
      compress_if_accepted(request, response);
      if (response.status == 200) {
        const bool indexed = reads_index(request.method, request.target);
        apply_cache_policy(request, indexed ? index_revision() : 0, response);
        // After the cache policy: If-None-Match (a 304) goes before Range (RFC 9110 13.2.2).
        answer_range_request(request, response);
      }
    }
    ApiAccess::finish(admission, response);
  } catch (const std::exception& error) {
    // A bug: the request fails alone, with no detail for the client (the log has it, under the
    // answer's request id).
    response = problem_response(internal_error(error.what()));
  }
  add_security_headers(response);
  return response;
}

HttpResponse quick_answer(const HttpRequest& request, const SiteAssets& assets,
                          const std::function<uint64_t()>& document_count) {
  return guarded_answer(
      request, assets, [&] { return quick_route(request, assets, document_count); },
      [] { return uint64_t{0}; });
}

}  // namespace jil::api
