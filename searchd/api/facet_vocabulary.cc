// Implementation of facet_vocabulary.h: one search (size 1) gives every facet's counts.
#include "api/facet_vocabulary.h"

#include <nlohmann/json.hpp>

#include "api/api_parameters.h"
#include "api/problem.h"
#include "api/query_string.h"
#include "api/search_parameters.h"
#include "render/display_names.h"
#include "render/json_text.h"
#include "schema/vocabulary.h"
#include "thesaurus/thesaurus.h"

namespace jil::api {
namespace {

using nlohmann::json;
using schema::Facet;

// The value's label in each UI language that has one.
json labels_of(const render::UiCatalog& catalog, Facet facet, const std::string& value) {
  json labels = json::object();
  for (std::string_view language : render::kUiLanguages) {
    const std::string code(language);
    switch (facet) {
      case Facet::kLanguage:
        labels[code] = render::language_display_name(value, language);
        break;
      case Facet::kCountry:
        labels[code] = render::country_display_name(value, language);
        break;
      case Facet::kConcept:
        if (const auto parsed = analysis::parse_language(language)) {
          labels[code] = thesaurus::Thesaurus::built_in().preferred_label(value, *parsed);
        }
        break;
      case Facet::kYear:
        break;
      default:
        if (const std::string* text =
                catalog.find(language, std::string(schema::facet_name(facet)) + "." + value)) {
          labels[code] = *text;
        }
    }
  }
  return labels;
}

json values_json(const render::UiCatalog& catalog, const search::FacetCounts& counts) {
  json values = json::array();
  for (const search::FacetValueCount& value : counts.values) {
    values.push_back({{"value", value.value},
                      {"count", value.count},
                      {"labels", labels_of(catalog, counts.facet, value.value)}});
  }
  return values;
}

HttpResponse json_answer(const json& body) {
  HttpResponse response;
  response.content_type = "application/json; charset=utf-8";
  response.body = render::json_text(body);
  return response;
}

}  // namespace

HttpResponse facet_vocabulary_response(search::Searcher& searcher, const render::UiCatalog& catalog,
                                       std::string_view facet, const std::string& target) {
  const search::FacetCounts* wanted = nullptr;
  bool known = facet.empty();
  for (Facet candidate : schema::all_facets()) known |= schema::facet_name(candidate) == facet;
  if (!known) return problem_response(404, "no such facet: see /api/v1/facets for every facet");
  Result<ParsedTarget> parsed = parse_target(target);
  if (!parsed.is_ok()) return problem_response(parsed.status());
  if (Status read = check_api_parameters(*parsed, ApiEndpoint::kFacets); !read.is_ok()) {
    return problem_response(read);
  }
  Result<search::SearchRequest> request = parse_search_parameters(*parsed);
  if (!request.is_ok()) return problem_response(request.status());
  request->page = 1;
  request->size = 1;  // only the counts are used
  Result<search::SearchResults> results = searcher.search(*request);
  if (!results.is_ok()) return problem_response(results.status());
  json facets = json::object();
  for (const search::FacetCounts& counts : results->facets) {
    if (schema::facet_name(counts.facet) == facet) wanted = &counts;
    if (facet.empty()) {
      facets[std::string(schema::facet_name(counts.facet))] = values_json(catalog, counts);
    }
  }
  if (!facet.empty()) {
    return json_answer({{"facet", std::string(facet)},
                        {"total", results->total},
                        {"values", wanted ? values_json(catalog, *wanted) : json::array()}});
  }
  return json_answer({{"total", results->total}, {"facets", facets}});
}

}  // namespace jil::api
