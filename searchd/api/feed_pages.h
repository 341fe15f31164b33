// The RFC 5005 (section 3) paging links of /feed.atom: the request targets of the feed's first,
// previous and next pages. Each is the request's own parameters with only `page` changed, so that
// every page is the same feed (query, filters, size, sort) further on; page 1 has no `page`.
#pragma once

#include <cstdint>

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

}  // namespace jil::api
