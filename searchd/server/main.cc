// jil-searchd: serves the library over HTTP (HTML pages and the JSON API).
#include <cstdio>

#include "api/request_handler.h"
#include "api/static_files.h"
#include "render/html_view.h"
#include "server/http_server.h"
#include "server/searchd_options.h"

int main(int argc, char** argv) {
  using namespace jil;
  auto options = server::parse_searchd_options(argc, argv);
  if (!options.is_ok()) {
    std::fprintf(stderr, "jil-searchd: %s\n", options.status().message().c_str());
    return 2;
  }
  auto renderer = render::HtmlRenderer::load(options->web);
  if (!renderer.is_ok()) {
    std::fprintf(stderr, "jil-searchd: %s\n", renderer.status().message().c_str());
    return 1;
  }
  auto static_files = api::StaticFiles::load(options->web / "static");
  if (!static_files.is_ok()) {
    std::fprintf(stderr, "jil-searchd: %s\n", static_files.status().message().c_str());
    return 1;
  }
  store::ContentStore store(options->store);
  const api::SiteAssets assets{*renderer, *static_files, store};
  auto http_server = server::HttpServer::create(*options, assets);
  if (!http_server.is_ok()) {
    std::fprintf(stderr, "jil-searchd: %s\n", http_server.status().message().c_str());
    return 1;
  }
  if (Status status = (*http_server)->run(*options); !status.is_ok()) {
    std::fprintf(stderr, "jil-searchd: %s\n", status.message().c_str());
    return 1;
  }
  return 0;
}
