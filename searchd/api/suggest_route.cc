// Implementation of suggest_route.h.
#include "api/suggest_route.h"

#include <nlohmann/json.hpp>

#include "api/api_parameters.h"
#include "api/problem.h"
#include "api/query_string.h"
#include "render/json_text.h"

namespace jil::api {

HttpResponse suggest_response(search::Searcher& searcher, const std::string& target) {
  Result<ParsedTarget> parsed = parse_target(target);
  if (!parsed.is_ok()) return problem_response(parsed.status());
  if (Status known = check_api_parameters(*parsed, ApiEndpoint::kSuggest); !known.is_ok()) {
    return problem_response(known);
  }
  const std::string text = parsed->first("q");
  if (text.size() > search::kMaxSuggestTextBytes) {
    return problem_response(400, "parameter 'q' is longer than " +
                                     std::to_string(search::kMaxSuggestTextBytes) + " bytes");
  }
  analysis::Language language = analysis::Language::kUnd;
  analysis::Language home = analysis::Language::kUnd;
  for (auto [name, chosen] : {std::pair{"lang", &language}, std::pair{"hl", &home}}) {
    const std::string code = parsed->first(name);
    if (code.empty()) continue;
    const std::optional<analysis::Language> known = analysis::parse_language(code);
    if (!known || *known == analysis::Language::kUnd) {
      return problem_response(
          400, std::string("parameter '") + name + "' must be one of ar, en, es, fr, ru, zh");
    }
    *chosen = *known;
  }
  Result<search::Suggestions> found = searcher.suggestions(text, language, home);
  if (!found.is_ok()) return problem_response(found.status());
  nlohmann::json terms = nlohmann::json::array();
  for (const auto& term : found->terms) {
    terms.push_back(
        {{"term", term.word}, {"completion", term.completion}, {"documents", term.documents}});
  }
  nlohmann::json titles = nlohmann::json::array();
  for (const auto& title : found->titles) {
    titles.push_back({{"id", title.id},
                      {"title", title.title},
                      {"language", title.language},
                      {"url", "/doc/" + title.id}});
  }
  nlohmann::json body = {{"query", text}, {"terms", terms}, {"titles", titles}};
  if (language != analysis::Language::kUnd) {
    body["language"] = std::string(analysis::language_code(language));
  }
  HttpResponse response;
  response.content_type = "application/json; charset=utf-8";
  response.body = render::json_text(body);
  return response;
}

}  // namespace jil::api
