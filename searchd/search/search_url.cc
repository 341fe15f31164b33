// Implementation of search_url.h.
#include "search/search_url.h"

#include <string_view>

#include "base/url_encoding.h"

namespace jil::search {

std::string parameter_name(schema::Facet facet) {
  return facet == schema::Facet::kLanguage ? "lang" : std::string(schema::facet_name(facet));
}

std::string to_query_string(const SearchRequest& request) {
  std::string query = "q=" + url_encode(request.query);
  // append() rather than "&" + name + "=" + value: GCC 12 at -O3 warns a false -Wrestrict on
  // operator+(const char*, std::string&&).
  const auto add = [&query](std::string_view name, std::string_view value) {
    query.append("&").append(name).append("=").append(value);
  };
  for (const auto& [facet, values] : request.filters) {
    for (const auto& value : values) add(parameter_name(facet), url_encode(value));
  }
  if (request.year_from > 0) add("year_from", std::to_string(request.year_from));
  if (request.year_to > 0) add("year_to", std::to_string(request.year_to));
  if (!request.cross_language) add("cross", "0");
  if (!request.collapse_translations) add("versions", "all");
  if (request.sort == SortOrder::kNewest) add("sort", "newest");
  if (request.sort == SortOrder::kOldest) add("sort", "oldest");
  if (request.sort == SortOrder::kTitle) add("sort", "title");
  if (request.size != kDefaultPageSize) add("size", std::to_string(request.size));
  if (request.page > 1) add("page", std::to_string(request.page));
  return query;
}

}  // namespace jil::search
