// Implementation of html_context.h.
#include "api/html_context.h"

#include "api/query_string.h"
#include "api/ui_language.h"

namespace jil::api {

HtmlContext html_context(const HttpRequest& request) {
  Result<ParsedTarget> parsed = parse_target(request.target);
  const UiLanguageChoice choice = choose_ui_language(parsed.is_ok() ? parsed->first("ui") : "",
                                                     request.cookie, request.accept_language);
  HtmlContext html;
  html.page.ui_language = choice.language;
  html.page.target = target_without_ui(request.target);
  html.remember_language = choice.from_parameter;
  return html;
}

HttpResponse html_response(const HtmlContext& html, unsigned status, std::string body) {
  HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  response.set_header("Vary", "Accept-Language, Cookie");
  if (html.remember_language) {
    response.set_header("Set-Cookie", std::string(kUiCookieName) + "=" + html.page.ui_language +
                                          std::string(kUiCookieAttributes));
  }
  return response;
}

}  // namespace jil::api
