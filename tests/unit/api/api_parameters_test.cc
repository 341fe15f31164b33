// Tests api/api_parameters.cc: each JSON endpoint takes exactly the parameters it reads, filters
// as often as wanted, every other parameter once, and `ui` anywhere; the message names the
// parameter a partner got wrong.
#include "api/api_parameters.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "api/openapi.h"

namespace jil::api {
namespace {

// The message for `query_string` at `endpoint`, or "ok".
std::string problem_of(std::string_view query_string, ApiEndpoint endpoint) {
  Result<ParsedTarget> target = parse_target("/api/v1/x?" + std::string(query_string));
  EXPECT_TRUE(target.is_ok()) << target.status().to_string();
  if (!target.is_ok()) return "unparsed";
  const Status status = check_api_parameters(*target, endpoint);
  return status.is_ok() ? "ok" : status.message();
}

TEST(ApiParameters, EverySearchParameterIsKnown) {
  EXPECT_EQ(problem_of("q=judges&size=5&page=2&hl=fr&year_from=2000&year_to=2020&cross=0"
                       "&versions=all&sort=newest&fields=id&lang=fr&lang=en&type=report"
                       "&region=global&country=FR&organisation=unodc&topic=gifts&value=integrity"
                       "&year=2021&concept=impartiality&ui=ar",
                       ApiEndpoint::kSearch),
            "ok");
  EXPECT_EQ(problem_of("", ApiEndpoint::kSearch), "ok");
}

TEST(ApiParameters, AnUnknownParameterIsNamedWithTheKnownOnes) {
  const std::string message = problem_of("q=judges&language=fr", ApiEndpoint::kSearch);
  EXPECT_EQ(message.rfind("unknown parameter 'language': this endpoint reads q, hl,", 0), 0u)
      << message;
  EXPECT_NE(message.find(", lang, "), std::string::npos) << message;
  EXPECT_EQ(problem_of("hl=fr", ApiEndpoint::kDocument).rfind("unknown parameter 'hl'", 0), 0u);
  EXPECT_EQ(problem_of("q=jud&size=3", ApiEndpoint::kSuggest).rfind("unknown parameter 'size'", 0),
            0u);
}

TEST(ApiParameters, OnlyFiltersMayRepeat) {
  EXPECT_EQ(problem_of("q=a&q=b", ApiEndpoint::kSearch), "parameter 'q' is given more than once");
  EXPECT_EQ(problem_of("q=a&hl=fr&hl=en", ApiEndpoint::kFacets),
            "parameter 'hl' is given more than once");
  EXPECT_EQ(problem_of("text=1&text=0", ApiEndpoint::kDocument),
            "parameter 'text' is given more than once");
  EXPECT_EQ(problem_of("type=report&type=guidance&ui=en&ui=fr", ApiEndpoint::kSearch), "ok");
}

TEST(ApiParameters, EachEndpointHasItsOwnList) {
  EXPECT_EQ(problem_of("q=jud&lang=fr", ApiEndpoint::kSuggest), "ok");
  EXPECT_EQ(problem_of("text=1&fields=title,text", ApiEndpoint::kDocument), "ok");
  EXPECT_EQ(problem_of("q=judges&versions=all&lang=fr", ApiEndpoint::kFacets), "ok");
  EXPECT_NE(problem_of("q=judges&size=1", ApiEndpoint::kFacets), "ok");
  EXPECT_NE(problem_of("lang=fr", ApiEndpoint::kDocument), "ok");
}

TEST(ApiParameters, EndpointsThatReadNothingRefuseEveryParameterButUi) {
  for (ApiEndpoint endpoint :
       {ApiEndpoint::kConcepts, ApiEndpoint::kTranslationGaps, ApiEndpoint::kOpenApi}) {
    EXPECT_EQ(problem_of("", endpoint), "ok");
    EXPECT_EQ(problem_of("ui=fr", endpoint), "ok");
    EXPECT_EQ(problem_of("x=1", endpoint), "unknown parameter 'x': this endpoint reads none");
    EXPECT_EQ(problem_of("ui=fr&lang=fr", endpoint),
              "unknown parameter 'lang': this endpoint reads none");
  }
  EXPECT_EQ(check_api_parameters("/api/v1/concepts?ui=ar", ApiEndpoint::kConcepts).message(), "");
  EXPECT_FALSE(check_api_parameters("/api/v1/concepts?q=%FF", ApiEndpoint::kConcepts).is_ok());
}

// The query parameters the OpenAPI document gives `path`'s GET, $refs resolved.
std::set<std::string> documented(const nlohmann::json& spec, const std::string& path) {
  std::set<std::string> names;
  const nlohmann::json& get = spec.at("paths").at(path).at("get");
  if (!get.contains("parameters")) return names;
  for (const nlohmann::json& parameter : get.at("parameters")) {
    const nlohmann::json* resolved = &parameter;
    if (parameter.contains("$ref")) {
      const std::string ref = parameter.at("$ref");
      resolved = &spec.at("components").at("parameters").at(ref.substr(ref.rfind('/') + 1));
    }
    if (resolved->at("in") == "query") names.insert(resolved->at("name").get<std::string>());
  }
  return names;
}

std::set<std::string> accepted(ApiEndpoint endpoint) {
  const EndpointParameters& known = endpoint_parameters(endpoint);
  std::set<std::string> names(known.single.begin(), known.single.end());
  names.insert(known.repeatable.begin(), known.repeatable.end());
  return names;
}

TEST(ApiParameters, TheOpenApiDocumentListsExactlyWhatEachEndpointReads) {
  const nlohmann::json spec = nlohmann::json::parse(openapi_response().body);
  EXPECT_EQ(documented(spec, "/api/v1/search"), accepted(ApiEndpoint::kSearch));
  EXPECT_EQ(documented(spec, "/api/v1/facets"), accepted(ApiEndpoint::kFacets));
  EXPECT_EQ(documented(spec, "/api/v1/facets/{facet}"), accepted(ApiEndpoint::kFacets));
  EXPECT_EQ(documented(spec, "/api/v1/suggest"), accepted(ApiEndpoint::kSuggest));
  EXPECT_EQ(documented(spec, "/api/v1/documents/{id}"), accepted(ApiEndpoint::kDocument));
  EXPECT_EQ(documented(spec, "/api/v1/concepts"), accepted(ApiEndpoint::kConcepts));
  EXPECT_EQ(documented(spec, "/api/v1/translation-gaps"), accepted(ApiEndpoint::kTranslationGaps));
  EXPECT_EQ(documented(spec, "/api/v1/openapi.json"), accepted(ApiEndpoint::kOpenApi));
}

}  // namespace
}  // namespace jil::api
