// The query parameters each JSON endpoint reads. A parameter the endpoint does not read (a
// partner's `language=fr` for `lang=fr`, `hl` on a document) or a single-valued one given twice
// (`q=a&q=b`) is a 400 naming it, where it used to be silently ignored. The HTML pages stay
// lenient: links into them carry campaign and tracking parameters that are not ours.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "api/query_string.h"
#include "base/status.h"

namespace jil::api {

// The concepts, the translation gaps and the OpenAPI document read no parameter at all.
enum class ApiEndpoint {
  kSearch,
  kFacets,
  kSuggest,
  kDocument,
  kConcepts,
  kTranslationGaps,
  kOpenApi
};

// Site-wide parameters every endpoint accepts and the API ignores: `ui` chooses the interface
// language of the pages, and a link may carry it to the API.
inline constexpr std::string_view kSiteWideParameters[] = {"ui"};

// The parameters of `endpoint`, single-valued ones first, then the repeatable filters.
struct EndpointParameters {
  std::vector<std::string> single;
  std::vector<std::string> repeatable;
};
const EndpointParameters& endpoint_parameters(ApiEndpoint endpoint);

// OK, or kInvalidArgument naming the first unknown or repeated parameter and the known ones.
Status check_api_parameters(const ParsedTarget& target, ApiEndpoint endpoint);
// The same for a raw request target, for endpoints that read nothing else of it; a target that
// cannot be decoded is kInvalidArgument too.
Status check_api_parameters(std::string_view target, ApiEndpoint endpoint);

}  // namespace jil::api
