// Implementation of request_handler.h.
#include "api/request_handler.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>
#include <stdexcept>

#include "api/api_parameters.h"
#include "api/cache_policy.h"
#include "api/citation_routes.h"
#include "api/content_disposition.h"
#include "api/discovery_routes.h"
#include "api/facet_vocabulary.h"
#include "api/field_selection.h"
#include "api/header_text.h"
#include "api/oai_pmh.h"
#include "api/problem.h"
#include "api/query_string.h"
#include "api/quick_routes.h"
#include "api/search_parameters.h"
#include "api/site_url.h"
#include "api/suggest_route.h"
#include "base/read_only_file.h"
#include "base/url_encoding.h"
#include "render/json_text.h"
#include "render/json_view.h"
#include "schema/doc_record.h"
#include "search/query_builder.h"
#include "search/query_errors.h"
#include "search/related_documents.h"
#include "search/snippet_maker.h"
#include "thesaurus/thesaurus.h"

namespace jil::api {
namespace {

// The largest original searchd will send (bytes); the indexer accepts no larger.
constexpr size_t kMaxOriginalBytes = 64 * 1024 * 1024;
// Documents listed on a concept page (the page links to the search for all of them).
constexpr uint32_t kConceptPageDocuments = 20;

// The languages the library holds, in the order the interface lists them.
std::vector<std::string> library_languages() {
  std::vector<std::string> codes;
  for (analysis::Language language : analysis::all_languages()) {
    codes.emplace_back(analysis::language_code(language));
  }
  return codes;
}

HttpResponse json_response(std::string body) {
  HttpResponse response;
  response.content_type = "application/json; charset=utf-8";
  response.body = std::move(body);
  return response;
}

std::vector<std::string> paragraphs_of(const std::string& text) {
  std::vector<std::string> paragraphs;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    if (end > start) paragraphs.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return paragraphs;
}

// "/doc/abc/original" → {"abc", "original"}; "/doc/abc" → {"abc", ""}.
std::pair<std::string, std::string> document_path(std::string_view rest) {
  const size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return {std::string(rest), ""};
  return {std::string(rest.substr(0, slash)), std::string(rest.substr(slash + 1))};
}

}  // namespace

void HttpResponse::set_header(std::string name, std::string value) {
  for (auto& header : headers) {
    if (header.first == name) {
      header.second = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

const std::string* HttpResponse::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (equals_ignoring_case(key, name)) return &value;
  }
  return nullptr;
}

void add_security_headers(HttpResponse& response) {
  response.set_header("Content-Security-Policy",
                      "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; "
                      "connect-src 'self'; form-action 'self'; base-uri 'none'; "
                      "frame-ancestors 'none'");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("X-Frame-Options", "DENY");
  response.set_header("Referrer-Policy", "same-origin");
  response.set_header("Cross-Origin-Opener-Policy", "same-origin");
  response.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
}

HttpResponse RequestHandler::handle(const HttpRequest& request) {
  return guarded_answer(
      request, assets_, [&] { return route(request); },
      [this] { return searcher_.index_revision(); });
}

HttpResponse RequestHandler::route(const HttpRequest& request) {
  if (!reads_index(request.method, request.target)) {
    return quick_route(request, assets_, [this] { return searcher_.document_count(); });
  }
  const size_t question = request.target.find('?');
  const std::string_view path = std::string_view(request.target).substr(0, question);
  if (path == "/api/v1/search") return api_search(request.target);
  if (path == "/api/v1/suggest") return suggest_response(searcher_, request.target);
  if (path == "/api/v1/concepts") {
    if (Status known = check_api_parameters(request.target, ApiEndpoint::kConcepts);
        !known.is_ok()) {
      return problem_response(known);
    }
    return api_concepts();
  }
  if (path == "/api/v1/facets" || path.starts_with("/api/v1/facets/")) {
    return facet_vocabulary_response(searcher_, assets_.renderer.catalog(),
                                     path.size() > 15 ? path.substr(15) : "", request.target);
  }
  if (path == "/api/v1/translation-gaps") {
    if (Status known = check_api_parameters(request.target, ApiEndpoint::kTranslationGaps);
        !known.is_ok()) {
      return problem_response(known);
    }
    return api_translation_gaps();
  }
  if (assets_.test_fault_route && path == "/__test/fault") {
    throw std::runtime_error("test fault hook at " __FILE__ " (internal detail, never sent)");
  }
  if (assets_.test_gate && path == "/__test/hold") {
    if (!assets_.test_gate->hold()) return problem_response(503, "the test gate stayed closed");
    return json_response("{\"released\":true}");
  }
  if (path.starts_with("/api/v1/documents/")) {
    return api_document(std::string(path.substr(18)), request.target);
  }
  // Every absolute URL of an answer is under this one; relative links need none.
  const std::string site_url = site_base_url(request, assets_.public_url);
  if (path == "/sitemap.xml") return sitemap_response(searcher_, site_url);
  if (path == "/feed.atom") return atom_feed_response(searcher_, request, site_url);
  if (path == "/oai") {
    return oai_pmh_response(searcher_, request, site_url, assets_.oai_identity,
                            assets_.renderer.catalog());
  }
  const HtmlContext html = html_context(request);
  if (path == "/" || path == "/search") return html_search(html, request.target);
  if (path == "/concepts") return html_concept(html, "");
  if (path.starts_with("/concept/")) return html_concept(html, std::string(path.substr(9)));
  if (path == "/gaps") return html_gaps(html);
  if (path.starts_with("/doc/")) {
    const auto [id, rest] = document_path(path.substr(5));
    if (rest.empty()) return html_document(html, id, request, site_url);
    if (rest == "original") return original_file(html, id);
    if (rest == "cite.ris" || rest == "cite.bib") {
      return citation_file_response(searcher_, site_url, id, rest);
    }
  }
  return html_error(html, 404, "error_no_page");
}

HttpResponse RequestHandler::api_search(const std::string& target) {
  Result<ParsedTarget> parsed = parse_target(target);
  if (!parsed.is_ok()) return problem_response(parsed.status());
  if (Status known = check_api_parameters(*parsed, ApiEndpoint::kSearch); !known.is_ok()) {
    return problem_response(known);
  }
  Result<search::SearchRequest> request = parse_search_parameters(*parsed);
  if (!request.is_ok()) return problem_response(request.status());
  Result<std::vector<std::string>> fields = parse_fields(*parsed, FieldScope::kSearchHit);
  if (!fields.is_ok()) return problem_response(fields.status());
  request->parts = hit_parts_for(*fields);
  Result<search::SearchResults> results = searcher_.search(*request);
  if (!results.is_ok()) return problem_response(results.status());
  return json_response(render::search_results_json(*request, *results, *fields));
}

HttpResponse RequestHandler::api_concepts() {
  // The whole thesaurus, ~200 KB: built once per index revision (its counts change only with the
  // index), not per request. The fuzz build took over a second to serialize it (T-H10).
  const uint64_t revision = searcher_.index_revision();
  if (concepts_body_.empty() || concepts_revision_ != revision) {
    Result<std::map<std::string, Xapian::doccount>> counts = searcher_.concept_document_counts();
    if (!counts.is_ok()) return problem_response(counts.status());
    concepts_body_ = render::concepts_json(searcher_.concepts().thesaurus(), *counts);
    concepts_revision_ = revision;
  }
  return json_response(concepts_body_);
}

HttpResponse RequestHandler::api_translation_gaps() {
  Result<std::vector<search::WorkSummary>> works = searcher_.works();
  if (!works.is_ok()) return problem_response(works.status());
  return json_response(render::translation_gaps_json(*works, library_languages()));
}

HttpResponse RequestHandler::html_concept(const HtmlContext& html, const std::string& id) {
  const thesaurus::Thesaurus& thesaurus = searcher_.concepts().thesaurus();
  const thesaurus::Concept* shown = id.empty() ? nullptr : thesaurus.find(id);
  if (!id.empty() && !shown) return html_error(html, 404, "error_no_page");
  Result<std::map<std::string, Xapian::doccount>> counts = searcher_.concept_document_counts();
  if (!counts.is_ok()) return html_error(html, 503, "error_search_failed");
  search::SearchResults documents;
  if (shown) {
    search::SearchRequest request;
    request.filters[schema::Facet::kConcept] = {shown->id};
    request.size = kConceptPageDocuments;
    request.collapse_translations = false;  // the concept's documents, each version listed
    if (const auto home = analysis::parse_language(html.page.ui_language)) {
      request.home_language = *home;
    }
    Result<search::SearchResults> found = searcher_.search(request);
    if (!found.is_ok()) return html_error(html, 503, "error_search_failed");
    documents = std::move(found).value();
  }
  return html_response(html, 200,
                       assets_.renderer.concept_page(html.page, shown, *counts, documents));
}

HttpResponse RequestHandler::html_gaps(const HtmlContext& html) {
  Result<std::vector<search::WorkSummary>> works = searcher_.works();
  if (!works.is_ok()) return html_error(html, 503, "error_search_failed");
  return html_response(html, 200,
                       assets_.renderer.gaps_page(html.page, *works, library_languages()));
}

HttpResponse RequestHandler::api_document(const std::string& id, const std::string& target) {
  if (!schema::is_valid_id(id)) return problem_response(404, "no document with this id");
  Result<ParsedTarget> parsed = parse_target(target);
  if (!parsed.is_ok()) return problem_response(parsed.status());
  if (Status known = check_api_parameters(*parsed, ApiEndpoint::kDocument); !known.is_ok()) {
    return problem_response(known);
  }
  const std::string text = parsed->first("text");
  if (!text.empty() && text != "0" && text != "1" && text != "false" && text != "true") {
    return problem_response(400, "parameter 'text' must be 0, 1, false or true");
  }
  Result<schema::DocRecord> record = searcher_.document(id);
  if (!record.is_ok()) return problem_response(record.status());
  Result<std::vector<schema::DocRecord>> versions = searcher_.work_versions(record->work);
  if (!versions.is_ok()) return problem_response(versions.status());
  Result<std::vector<std::string>> fields = parse_fields(*parsed, FieldScope::kDocument);
  if (!fields.is_ok()) return problem_response(fields.status());
  const bool with_text = text == "1" || text == "true" ||
                         std::find(fields->begin(), fields->end(), "text") != fields->end();
  return json_response(
      keep_document_fields(render::document_json(*record, *versions, with_text), *fields));
}

HttpResponse RequestHandler::html_search(const HtmlContext& html, const std::string& target) {
  Result<ParsedTarget> parsed = parse_target(target);
  if (!parsed.is_ok()) return html_address_error(html, parsed.status().message());
  put_years_in_order(*parsed);  // a range typed backwards in the form means the same years
  Result<search::SearchRequest> request = parse_search_parameters(*parsed);
  if (!request.is_ok()) return html_address_error(html, request.status().message());
  if (const auto home = analysis::parse_language(html.page.ui_language)) {
    request->home_language = *home;  // the reader's language is the interface's
  }
  Result<search::SearchResults> results = searcher_.search(*request);
  if (!results.is_ok()) {
    const unsigned status = http_status_for(results.status().code());
    if (status != 400) return html_error(html, status, "error_search_failed");
    // What the reader typed wrong, in the interface language when it is a known query error.
    const std::string_view key = search::query_error_key(results.status().message());
    const std::string message = key.empty()
                                    ? results.status().message()
                                    : assets_.renderer.catalog().text(
                                          html.page.ui_language, "query_error_" + std::string(key));
    return html_response(html, 400, assets_.renderer.search_page(html.page, *request, {}, message));
  }
  return html_response(html, 200, assets_.renderer.search_page(html.page, *request, *results, ""));
}

HttpResponse RequestHandler::html_document(const HtmlContext& html, const std::string& id,
                                           const HttpRequest& request, std::string_view site_url) {
  if (!schema::is_valid_id(id)) return html_error(html, 404, "error_no_document");
  Result<ParsedTarget> parsed = parse_target(request.target);
  if (!parsed.is_ok()) return html_address_error(html, parsed.status().message());
  Result<schema::DocRecord> record = searcher_.document(id);
  if (!record.is_ok()) {
    const unsigned status = http_status_for(record.status().code());
    return html_error(html, status,
                      status == 404 ? "error_no_document" : "error_document_unreadable");
  }
  Result<std::vector<schema::DocRecord>> versions = searcher_.work_versions(record->work);
  if (!versions.is_ok()) return html_error(html, 503, "error_document_unreadable");
  // Highlight the words of the search that led here; a malformed query just highlights nothing.
  const std::string query = parsed->first("q");
  search::BuiltQuery built;
  if (Result<search::QueryNode> tree = search::parse_query(query); tree.is_ok()) {
    Result<search::BuiltQuery> made =
        search::build_query(*tree, searcher_.analyzer(), record->language);
    if (made.is_ok()) built = std::move(made).value();
  }
  search::SnippetMaker highlighter(searcher_.analyzer(), built.match_forms, built.match_stems, 0,
                                   &built.han_runs);
  std::vector<std::vector<search::TextPart>> paragraphs;
  for (const auto& paragraph : paragraphs_of(record->text)) {
    paragraphs.push_back(highlighter.highlighted(paragraph, record->language));
  }
  const auto reader = analysis::parse_language(html.page.ui_language);
  Result<std::vector<schema::DocRecord>> related = searcher_.related(
      *record, reader ? *reader : analysis::Language::kUnd, search::kRelatedDocuments);
  if (!related.is_ok()) return html_error(html, 503, "error_document_unreadable");
  // The search that led here, for the way back; parameters it cannot take keep its words only.
  search::SearchRequest back_search;
  if (Result<search::SearchRequest> led_here = parse_search_parameters(*parsed); led_here.is_ok()) {
    back_search = std::move(led_here).value();
  }
  back_search.query = query;
  const render::DocumentPageData data{*record,
                                      *versions,
                                      paragraphs,
                                      highlighter.highlighted(record->title, record->language),
                                      std::move(back_search),
                                      permanent_document_url(site_url, id),
                                      *related};
  return html_response(html, 200, assets_.renderer.document_page(html.page, data));
}

HttpResponse RequestHandler::original_file(const HtmlContext& html, const std::string& id) {
  if (!schema::is_valid_id(id)) return html_error(html, 404, "error_no_document");
  Result<schema::DocRecord> record = searcher_.document(id);
  if (!record.is_ok()) return html_error(html, 404, "error_no_document");
  Result<std::filesystem::path> path = assets_.store.path_of(record->sha256);
  if (!path.is_ok()) return html_error(html, 404, "error_original_missing");
  Result<std::shared_ptr<const ReadOnlyFile>> file = ReadOnlyFile::open(*path, kMaxOriginalBytes);
  if (!file.is_ok()) return html_error(html, 500, "error_original_unreadable");
  HttpResponse response;
  response.content_type = record->media_type;
  const uint64_t size = (*file)->size();
  response.file = FileSlice{std::move(file).value(), 0, size};
  response.set_header("Content-Disposition",
                      content_disposition(original_disposition_type(record->media_type),
                                          record->original_name, record->id));
  response.set_header("Cache-Control", "public, max-age=86400");
  // The store names the bytes by their sha256, so the tag is strong and outlives reindexing;
  // the cache policy answers If-None-Match, api/partial_content.h the Range that follows.
  response.set_header("ETag", content_etag(record->sha256));
  response.set_header("Accept-Ranges", "bytes");
  return response;
}

HttpResponse RequestHandler::html_error(const HtmlContext& html, unsigned status,
                                        const std::string& message_key) {
  return html_error_message(html, status,
                            assets_.renderer.catalog().text(html.page.ui_language, message_key));
}

HttpResponse RequestHandler::html_address_error(const HtmlContext& html,
                                                const std::string& detail) {
  // The parameter the message names ("parameter 'sort' must be ..."), said in the reader's
  // language; the precise English message follows, for whoever mends the link.
  static const std::regex named(R"(^parameter '([a-z_]+)')");
  std::smatch parameter;
  const render::UiCatalog& catalog = assets_.renderer.catalog();
  std::string message = catalog.text(html.page.ui_language, "error_bad_address");
  if (std::regex_search(detail, parameter, named)) {
    // The pattern's one argument is a parameter's name, put in as it is written in URLs.
    message = catalog.text(html.page.ui_language, "error_bad_parameter");
    const std::string placeholder = "{parameter}";
    if (const size_t at = message.find(placeholder); at != std::string::npos) {
      message.replace(at, placeholder.size(), parameter[1].str());
    }
  }
  return html_response(html, 400, assets_.renderer.error_page(html.page, 400, message, detail));
}

HttpResponse RequestHandler::html_error_message(const HtmlContext& html, unsigned status,
                                                const std::string& message) {
  return html_response(html, status, assets_.renderer.error_page(html.page, status, message));
}

}  // namespace jil::api
