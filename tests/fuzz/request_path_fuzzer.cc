// libFuzzer target over jil-searchd's request path (RELIABILITY.md T-H10): raw bytes go through
// Beast's request parser with the edge limits of server/searchd_options.h, the framing checks,
// and every whole request through the real RequestHandler (router, query-string decoding,
// handlers) over a tiny real index built once per process in a temporary folder. Findings are
// crashes and sanitizer reports, a 5xx answer, and a header value with CR, LF or NUL.
// Built by tools/fuzz.sh (clang, -DJIL_FUZZ=ON); the same file with request_path_replay.cc replays
// the seed corpus in ctest with the default compiler.
#include <xapian.h>

#include <boost/beast/http.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "api/request_handler.h"
#include "schema/document_builder.h"
#include "schema/index_compatibility.h"
#include "schema/prefixes.h"
#include "server/framing_checks.h"
#include "server/searchd_options.h"

namespace {

namespace http = boost::beast::http;
using namespace jil;

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "request_path_fuzzer: %s\n", what);
  std::abort();
}

schema::DocRecord record(std::string id, std::string work, analysis::Language language,
                         std::string title, std::string text) {
  schema::DocRecord out;
  out.id = std::move(id);
  out.work = std::move(work);
  out.title = std::move(title);
  out.language = language;
  out.type = "code-of-conduct";
  out.organisation = "ijin";
  out.region = "global";
  out.country = "FR";
  out.year = 2021;
  out.topics = {"judicial-ethics", "gifts"};
  out.values = {"independence"};
  out.format = "txt";
  out.media_type = "text/plain; charset=utf-8";
  out.original_name = "مدونة \"code\"\r\n.txt";
  out.text = std::move(text);
  return out;
}

// Everything the handler needs, built once: index, store, web assets, searcher, handler.
struct Site {
  std::filesystem::path root;
  std::unique_ptr<store::ContentStore> store;
  std::unique_ptr<search::Searcher> searcher;
  std::unique_ptr<render::HtmlRenderer> renderer;
  std::unique_ptr<api::StaticFiles> static_files;
  std::unique_ptr<api::SiteAssets> assets;
  std::unique_ptr<api::RequestHandler> handler;

  Site() {
    std::string pattern = (std::filesystem::temp_directory_path() / "jil-fuzz-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) fail("mkdtemp");
    root = pattern;
    store = std::make_unique<store::ContentStore>(root / "store");
    Result<std::string> stored = store->put("Judges decide every case with independence.\n");
    if (!stored.is_ok()) fail("content store");
    write_index(*stored);
    auto opened = search::Searcher::open(root / "index");
    if (!opened.is_ok()) fail("searcher");
    searcher = std::move(opened).value();
    const std::filesystem::path web = std::filesystem::path(JIL_SOURCE_DIR) / "web";
    auto loaded = render::HtmlRenderer::load(web);
    if (!loaded.is_ok()) fail("templates");
    renderer = std::make_unique<render::HtmlRenderer>(std::move(loaded).value());
    auto files = api::StaticFiles::load(web / "static");
    if (!files.is_ok()) fail("static files");
    static_files = std::make_unique<api::StaticFiles>(std::move(files).value());
    assets = std::make_unique<api::SiteAssets>(api::SiteAssets{*renderer, *static_files, *store});
    handler = std::make_unique<api::RequestHandler>(*searcher, *assets);
  }
  ~Site() {
    handler.reset();
    searcher.reset();
    std::error_code ignored;
    std::filesystem::remove_all(root, ignored);
  }

  void write_index(const std::string& stored_hash) {
    using analysis::Language;
    std::vector<schema::DocRecord> records = {
        record("code-en", "code", Language::kEn, "Code of judicial conduct",
               "Judges decide every case with independence and impartiality.\n\nGifts."),
        record("code-fr", "code", Language::kFr, "Code de déontologie judiciaire",
               "L'éducation des juges garantit leur indépendance."),
        record("code-ar", "code", Language::kAr, "مدونة السلوك القضائي",
               "القضاة مستقلون في عملهم ويحكمون بالعدل."),
        record("guide-zh", "guide-zh", Language::kZh, "法官行为指南", "法官应当保持独立。"),
        record("guide-ru", "guide-ru", Language::kRu, "Руководство для судей", "Судьи независимы."),
        record("guia-es", "guia-es", Language::kEs, "Guía judicial",
               "Los jueces son independientes."),
    };
    auto analyzer = analysis::Analyzer::create();
    if (!analyzer.is_ok()) fail("analyzer");
    auto builder = schema::DocumentBuilder::create(**analyzer);
    if (!builder.is_ok()) fail("document builder");
    Xapian::WritableDatabase writer((root / "index").string(), Xapian::DB_CREATE_OR_OPEN);
    schema::stamp_versions(writer);
    for (schema::DocRecord& document : records) {
      document.sha256 = stored_hash;
      writer.replace_document(schema::term(schema::kIdPrefix, document.id),
                              (*builder)->build(document, "fingerprint"));
    }
    writer.commit();
  }
};

Site& site() {
  static Site instance;
  return instance;
}

void check_answer(const api::HttpResponse& response) {
  if (response.status >= 500) fail("a 5xx answer");
  for (const auto& [name, value] : response.headers) {
    if (name.find_first_of(std::string("\r\n\0:", 4)) != std::string::npos ||
        value.find_first_of(std::string("\r\n\0", 3)) != std::string::npos) {
      fail("a header with CR, LF or NUL");
    }
  }
}

// As HttpSession::plain_request maps a parsed request to the handler's plain request.
api::HttpRequest plain_request(const http::request<http::string_body>& request) {
  api::HttpRequest plain;
  plain.method = std::string(request.method_string());
  plain.target = std::string(request.target());
  plain.accept_language = std::string(request[http::field::accept_language]);
  plain.cookie = std::string(request[http::field::cookie]);
  plain.if_none_match = std::string(request[http::field::if_none_match]);
  plain.host = std::string(request[http::field::host]);
  plain.content_type = std::string(request[http::field::content_type]);
  plain.body = request.body();  // POST /oai's form (api/oai_request.h)
  return plain;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // The per-revision cache of /api/v1/concepts is filled before any timed input, as a long-lived
  // searchd worker has it after its first such request.
  api::HttpRequest warm_up;
  warm_up.method = "GET";
  warm_up.target = "/api/v1/concepts";
  check_answer(site().handler->handle(warm_up));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Site& fixture = site();
  boost::asio::const_buffer input(data, size);
  // Pipelined requests one after another, as HttpSession reads them (at most a few per input).
  for (int request_index = 0; request_index < 4 && input.size() > 0; ++request_index) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(server::kMaxHeaderBytes);
    parser.body_limit(server::kMaxBodyBytes);
    parser.eager(true);
    boost::beast::error_code error;
    while (input.size() > 0 && !parser.is_done()) {
      const size_t used = parser.put(input, error);
      input += used;
      if (error == http::error::need_more) {
        error = {};
        if (used == 0) break;
        continue;
      }
      if (error) return 0;  // the session answers 400/413/414/431 and closes
      if (parser.is_header_done() && server::check_framing(parser.get())) return 0;
      if (used == 0) break;
    }
    if (input.size() == 0 && !parser.is_done()) parser.put_eof(error);
    if (error || !parser.is_done()) return 0;  // incomplete: the session waits, then times out
    if (server::check_framing(parser.get())) return 0;
    check_answer(fixture.handler->handle(plain_request(parser.get())));
    if (!parser.get().keep_alive()) return 0;
  }
  return 0;
}
