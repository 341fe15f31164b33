// Atom 1.0 (RFC 4287) feed of documents (/feed.atom): the documents added last, or the results of
// any search with the parameters of /search. One entry per document, linking its page; a feed of
// several pages links its first, previous and next pages (RFC 5005 section 3).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "schema/doc_record.h"

namespace jil::render {

inline constexpr std::string_view kAtomMediaType = "application/atom+xml; charset=utf-8";

// When a document last changed, as an RFC 3339 UTC date-time ("2023-07-22T04:26:40Z"): when the
// indexer wrote this version of it (indexed_at), or for records older than that field its
// metadata year's first day.
std::string document_updated(const schema::DocRecord& record);

// The request targets ("/feed.atom?q=x&page=2") of a feed's other pages; "" where there is none.
struct FeedPages {
  std::string first;
  std::string previous;
  std::string next;
};

// One page of a feed, but its entries.
struct AtomFeed {
  std::string base_url;     // the site's absolute base URL, under which every link points
  std::string self_target;  // the request target ("/feed.atom?q=x"): the feed's id, rel="self"
  std::string html_target;  // the HTML page it mirrors ("/search?q=x", or "/"): rel="alternate"
  std::string title;
  // The feed's <updated> when it has no entry (RFC 3339; must not be empty): when the library
  // last changed. With entries it is the newest entry's.
  std::string updated_without_entries;
  FeedPages pages;
};

// The feed with one entry per record, in the order given.
std::string atom_feed_xml(const AtomFeed& feed, const std::vector<schema::DocRecord>& records);

}  // namespace jil::render
