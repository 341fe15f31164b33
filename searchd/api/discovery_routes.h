// The discovery routes for crawlers and feed readers (issue 6 item 3):
//   GET /robots.txt      where crawlers may go (documents, concepts) and the sitemap's address
//   GET /sitemap.xml     every document page, the concept pages and the home page
//   GET /opensearch.xml  the OpenSearch description (linked from every HTML page)
//   GET /feed.atom       Atom feed of the documents added last, or of any search with the
//                        parameters of /search; both by when each document was added (indexed_at,
//                        newest first) unless `sort` says otherwise, with RFC 5005 paging links
#pragma once

#include <string_view>

#include "api/http_types.h"
#include "search/searcher.h"

namespace jil::api {

// Documents in a feed unless `size` asks for another number (1 to search::kMaxPageSize, the
// search parameters' limit). A page is refused past search::kMaxResultDepth entries (`page`
// 1 to kMaxResultDepth / size), and no paging link points further.
inline constexpr uint32_t kFeedEntries = 20;

// `site_url` is the site's absolute base URL (api/site_url.h), under which every link points.
HttpResponse sitemap_response(search::Searcher& searcher, std::string_view site_url);
HttpResponse opensearch_response(std::string_view site_url);
// Keeps crawlers out of what has no end (searches with every combination of facets, their
// feeds, the API and OAI-PMH, which harvesters use instead) and points them at the sitemap.
HttpResponse robots_response(std::string_view site_url);
// A search feed is ordered by when documents were added too, not by relevance: a reader polls
// it for what is new, keeps the entries it saw by id, and reads the first page; in relevance
// order a new match would land anywhere in the list, often past that page, and be missed.
HttpResponse atom_feed_response(search::Searcher& searcher, const HttpRequest& request,
                                std::string_view site_url);

}  // namespace jil::api
