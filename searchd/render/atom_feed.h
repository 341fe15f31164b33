// Atom 1.0 (RFC 4287) feed of documents (/feed.atom): the newest documents, or the results of
// any search with the parameters of /search. One entry per document, linking its page.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "schema/doc_record.h"

namespace jil::render {

inline constexpr std::string_view kAtomMediaType = "application/atom+xml; charset=utf-8";

// When a document last changed, as an RFC 3339 UTC date-time ("2022-01-01T00:00:00Z"): its
// metadata year's first day (the index keeps no finer date).
std::string document_updated(const schema::DocRecord& record);

// `self_target` is the request target ("/feed.atom?q=x"), the feed's id and rel="self" link.
std::string atom_feed_xml(std::string_view base_url, std::string_view self_target,
                          std::string_view title, const std::vector<schema::DocRecord>& records);

}  // namespace jil::render
