// Reads a SearchRequest from URL parameters (q, lang, type, region, country, organisation,
// topic, value, year, year_from, year_to, page, size, sort, hl, cross, versions), shared by the
// JSON API and the HTML page (both collapse translations unless versions=all). Every value is
// checked: unknown facet values, absurd pages and sizes are errors with a precise message.
#pragma once

#include "api/query_string.h"
#include "search/search_request.h"

namespace jil::api {

// `default_size` is the page size without `size` (the Atom feed's is larger); `page` is checked
// against the size in force, so its message gives the real range (1 to kMaxResultDepth / size).
Result<search::SearchRequest> parse_search_parameters(
    const ParsedTarget& target, uint32_t default_size = search::kDefaultPageSize);

// For the HTML form: a year_from after year_to (both years of four digits) is swapped, since a
// range typed backwards names the same years; the API refuses it instead (a 400).
void put_years_in_order(ParsedTarget& target);

}  // namespace jil::api
