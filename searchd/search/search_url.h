// The URL form of a search: parameter names per facet and the query string that reproduces a
// SearchRequest, so that every state of the search page is a link that can be shared.
#pragma once

#include <string>

#include "search/search_request.h"

namespace jil::search {

// "lang" for the language facet, the facet's name otherwise ("type", "topic", ...).
std::string parameter_name(schema::Facet facet);

// "q=...&lang=fr&type=report&sort=newest&page=2" (page only when > 1).
std::string to_query_string(const SearchRequest& request);

}  // namespace jil::search
