// Implementation of search_url.h.
#include "search/search_url.h"

#include "base/url_encoding.h"

namespace jil::search {

std::string parameter_name(schema::Facet facet) {
  return facet == schema::Facet::kLanguage ? "lang" : std::string(schema::facet_name(facet));
}

std::string to_query_string(const SearchRequest& request) {
  std::string query = "q=" + url_encode(request.query);
  for (const auto& [facet, values] : request.filters) {
    for (const auto& value : values) query += "&" + parameter_name(facet) + "=" + url_encode(value);
  }
  if (request.year_from > 0) query += "&year_from=" + std::to_string(request.year_from);
  if (request.year_to > 0) query += "&year_to=" + std::to_string(request.year_to);
  if (!request.cross_language) query += "&cross=0";
  if (!request.collapse_translations) query += "&versions=all";
  if (request.sort == SortOrder::kNewest) query += "&sort=newest";
  if (request.sort == SortOrder::kOldest) query += "&sort=oldest";
  if (request.sort == SortOrder::kTitle) query += "&sort=title";
  if (request.size != kDefaultPageSize) query += "&size=" + std::to_string(request.size);
  if (request.page > 1) query += "&page=" + std::to_string(request.page);
  return query;
}

}  // namespace jil::search
