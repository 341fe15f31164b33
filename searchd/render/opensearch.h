// The OpenSearch 1.1 description of the library (/opensearch.xml): lets browsers and other
// clients add JIL as a search engine, for HTML pages, the Atom feed and the JSON API.
#pragma once

#include <string>
#include <string_view>

namespace jil::render {

inline constexpr std::string_view kOpenSearchMediaType =
    "application/opensearchdescription+xml; charset=utf-8";

std::string opensearch_xml(std::string_view base_url);

}  // namespace jil::render
