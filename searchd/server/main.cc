// jil-searchd: serves the library over HTTP (HTML pages and the JSON API).
#include <cstdio>
#include <memory>
#include <string_view>

#include "api/api_access.h"

#include "api/request_handler.h"
#include "api/static_files.h"
#include "render/html_view.h"
#include "server/http_server.h"
#include "server/keys_command.h"
#include "server/searchd_options.h"

int main(int argc, char** argv) {
  using namespace jil;
  if (argc > 1 && std::string_view(argv[1]) == "keys") return server::run_keys_command(argc, argv);
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
  std::unique_ptr<api::KeyStore> keys =
      std::make_unique<api::KeyStore>(std::vector<api::KeyRecord>{});
  if (!options->keys.empty()) {
    auto opened = api::KeyStore::open(options->keys);
    if (!opened.is_ok()) {
      std::fprintf(stderr, "jil-searchd: --keys: %s\n", opened.status().message().c_str());
      return 1;
    }
    keys = std::move(opened).value();
  }
  api::ApiAccess api_access(*keys, {options->anonymous_rate, options->anonymous_burst},
                            api::TrustedProxies(options->trusted_proxies));
  api::TestGate test_gate;  // used only with --test-fault-route
  const api::SiteAssets assets{*renderer,
                               *static_files,
                               store,
                               &api_access,
                               options->test_fault_route,
                               options->test_fault_route ? &test_gate : nullptr,
                               options->public_url,
                               options->oai_identity};
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
