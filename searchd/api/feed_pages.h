// The RFC 5005 (section 3) paging links of /feed.atom: the request targets of the feed's first,
// previous and next pages. Each is the request's own parameters with only `page` changed, so that
// every page is the same feed (query, filters, size, sort) further on; page 1 has no `page`.
// Also the feed's rel="alternate": the HTML search page that shows the same search.
#pragma once

#include <cstdint>
#include <string>

#include "api/query_string.h"
#include "render/atom_feed.h"

namespace jil::api {

// `target` is the parsed request target; `page` (1-based) and `size` the page it asked for;
// `total` the entries of the whole feed; `max_depth` the most entries reachable (page * size,
// search::kMaxResultDepth): no link points to a page that would go past it. All three links
// are empty when the feed fits on one page; `first` is set on every page of a longer one,
// `previous` from page 2 (the last page with entries when `page` is past them), `next` while
// entries follow.
render::FeedPages feed_pages(const ParsedTarget& target, uint32_t page, uint32_t size,
                             uint64_t total, uint32_t max_depth);

// The target of the HTML page a feed mirrors: /search with the feed's parameters but `page` and
// `size` (the page has its own), and `versions=all` unless the feed names `versions` (a feed
// lists every language version, the page one result per work unless told), such as
// "/search?lang=fr&q=recusal&versions=all"; "/" (the home page, which lists the newest documents
// too) when no other parameter is left.
std::string feed_html_target(const ParsedTarget& target);

}  // namespace jil::api
