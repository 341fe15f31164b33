// Implementation of api_parameters.h: one list per endpoint, built once from the facets.
#include "api/api_parameters.h"

#include <algorithm>

#include "schema/vocabulary.h"
#include "search/search_url.h"

namespace jil::api {
namespace {

// The search's parameters; the facet counts take those that change a count.
EndpointParameters search_parameters(bool counts_only) {
  EndpointParameters known;
  known.single = {"q", "hl", "year_from", "year_to", "cross", "versions"};
  if (!counts_only) known.single.insert(known.single.end(), {"size", "page", "sort", "fields"});
  for (schema::Facet facet : schema::all_facets()) {
    known.repeatable.push_back(search::parameter_name(facet));
  }
  return known;
}

bool listed(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string joined(const EndpointParameters& known) {
  std::string text;
  for (const auto* names : {&known.single, &known.repeatable}) {
    for (const std::string& name : *names) text += (text.empty() ? "" : ", ") + name;
  }
  return text;
}

}  // namespace

const EndpointParameters& endpoint_parameters(ApiEndpoint endpoint) {
  static const EndpointParameters search = search_parameters(false);
  static const EndpointParameters facets = search_parameters(true);
  static const EndpointParameters suggest{{"q", "lang", "hl"}, {}};
  static const EndpointParameters document{{"text", "fields"}, {}};
  static const EndpointParameters none{};
  switch (endpoint) {
    case ApiEndpoint::kSearch:
      return search;
    case ApiEndpoint::kFacets:
      return facets;
    case ApiEndpoint::kSuggest:
      return suggest;
    case ApiEndpoint::kDocument:
      return document;
    case ApiEndpoint::kConcepts:
    case ApiEndpoint::kTranslationGaps:
    case ApiEndpoint::kOpenApi:
      return none;
  }
  return search;
}

Status check_api_parameters(const ParsedTarget& target, ApiEndpoint endpoint) {
  const EndpointParameters& known = endpoint_parameters(endpoint);
  for (auto parameter = target.parameters.begin(); parameter != target.parameters.end();
       parameter = target.parameters.upper_bound(parameter->first)) {
    const std::string& name = parameter->first;
    if (std::find(std::begin(kSiteWideParameters), std::end(kSiteWideParameters), name) !=
        std::end(kSiteWideParameters)) {
      continue;
    }
    if (listed(known.single, name)) {
      if (target.parameters.count(name) > 1) {
        return invalid_argument("parameter '" + name + "' is given more than once");
      }
      continue;
    }
    if (!listed(known.repeatable, name)) {
      const std::string reads = joined(known);
      return invalid_argument("unknown parameter '" + name + "': this endpoint reads " +
                              (reads.empty() ? "none" : reads));
    }
  }
  return Status::ok();
}

Status check_api_parameters(std::string_view target, ApiEndpoint endpoint) {
  Result<ParsedTarget> parsed = parse_target(target);
  if (!parsed.is_ok()) return parsed.status();
  return check_api_parameters(*parsed, endpoint);
}

}  // namespace jil::api
