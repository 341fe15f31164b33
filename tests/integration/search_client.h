// Calls GET /api/v1/search on the shared searchd and reads the answer (shapes from
// searchd/render/json_view.cc): one page, or the ids of every matching document.
#pragma once

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace jil::integration {

struct SearchPage {
  unsigned status = 0;
  nlohmann::json body;           // the parsed answer (a problem document when status != 200)
  std::vector<std::string> ids;  // results[].id in rank order
};

// One page for `parameters`, an encoded query string without "?" ("q=a&lang=fr&size=5").
// A non-JSON body is a test failure.
SearchPage search_page(const std::string& parameters);

// "q=<percent-encoded query>" followed by `more` ("&lang=fr"), for search_page and search_ids.
std::string query_parameters(std::string_view query, std::string_view more = "");

// The ids of every document matching `parameters`, every language version apart
// (versions=all), read page by page (a failure if any page is not 200 or the pages do not add
// up to `total`).
std::set<std::string> search_ids(const std::string& parameters);

// Shorthand: search_ids(query_parameters(query, more)).
std::set<std::string> ids_for(std::string_view query, std::string_view more = "");

}  // namespace jil::integration
