// Implementation of discovery_routes.h.
#include "api/discovery_routes.h"

#include <algorithm>

#include "api/feed_pages.h"
#include "api/problem.h"
#include "api/query_string.h"
#include "api/search_parameters.h"
#include "render/atom_feed.h"
#include "render/opensearch.h"
#include "render/sitemap.h"

namespace jil::api {
namespace {

HttpResponse xml_response(std::string_view content_type, std::string body) {
  HttpResponse response;
  response.content_type = std::string(content_type);
  response.body = std::move(body);
  return response;
}

}  // namespace

HttpResponse sitemap_response(search::Searcher& searcher, std::string_view site_url) {
  Result<std::vector<search::WorkSummary>> works = searcher.works();
  if (!works.is_ok()) return problem_response(works.status());
  std::vector<std::string> documents;
  for (const auto& work : *works) {
    for (const auto& version : work.versions) documents.push_back("/doc/" + version.id);
  }
  std::sort(documents.begin(), documents.end());
  std::vector<std::string> paths = {"/", "/concepts"};
  for (const auto& entry : searcher.concepts().thesaurus().concepts()) {
    paths.push_back("/concept/" + entry.id);
  }
  paths.insert(paths.end(), documents.begin(), documents.end());
  return xml_response("application/xml; charset=utf-8", render::sitemap_xml(site_url, paths));
}

HttpResponse opensearch_response(std::string_view site_url) {
  return xml_response(render::kOpenSearchMediaType, render::opensearch_xml(site_url));
}

HttpResponse robots_response(std::string_view site_url) {
  HttpResponse response;
  response.content_type = "text/plain; charset=utf-8";
  response.body =
      "User-agent: *\nDisallow: /search\nDisallow: /feed.atom?\nDisallow: /api/\n"
      "Disallow: /oai\nDisallow: /__test/\nSitemap: " +
      std::string(site_url) + "/sitemap.xml\n";
  return response;
}

HttpResponse atom_feed_response(search::Searcher& searcher, const HttpRequest& request,
                                std::string_view site_url) {
  Result<ParsedTarget> parsed = parse_target(request.target);
  if (!parsed.is_ok()) return problem_response(parsed.status());
  // The feed's own page size, so that `page` is checked (and its message says its range) for it.
  Result<search::SearchRequest> search_request = parse_search_parameters(*parsed, kFeedEntries);
  if (!search_request.is_ok()) return problem_response(search_request.status());
  if (parsed->first("sort").empty()) search_request->sort = search::SortOrder::kAdded;
  // A feed lists every new document, new translations too, unless versions says otherwise.
  if (parsed->first("versions").empty()) search_request->collapse_translations = false;
  Result<search::SearchResults> results = searcher.search(*search_request);
  if (!results.is_ok()) return problem_response(results.status());
  std::vector<schema::DocRecord> records;
  for (const auto& hit : results->hits) records.push_back(hit.record);
  render::AtomFeed feed;
  feed.base_url = std::string(site_url);
  feed.self_target = request.target;
  feed.html_target = feed_html_target(*parsed);
  feed.title = search_request->query.empty()
                   ? "Judicial Integrity Library: newest documents"
                   : "Judicial Integrity Library: " + search_request->query;
  if (records.empty()) {
    Result<std::string> updated = searcher.library_updated();
    if (!updated.is_ok()) return problem_response(updated.status());
    feed.updated_without_entries = std::move(updated).value();
  }
  feed.pages = feed_pages(*parsed, search_request->page, search_request->size, results->total,
                          search::kMaxResultDepth);
  return xml_response(render::kAtomMediaType, render::atom_feed_xml(feed, records));
}

}  // namespace jil::api
