// What an HTML answer needs from its request: the UI language (api/ui_language.h) and address,
// and the response helpers that make a page vary with, and remember, that language.
#pragma once

#include <string>

#include "api/http_types.h"
#include "render/html_view.h"

namespace jil::api {

// An HTML request's page context (UI language, address) and whether the response should
// remember its language in the jil_ui cookie (it was chosen with ?ui=).
struct HtmlContext {
  render::PageContext page;
  bool remember_language = false;
};

HtmlContext html_context(const HttpRequest& request);

// A page in the UI language of `html`: varies with the headers that choose that language, and
// remembers a choice made with ?ui= in the cookie.
HttpResponse html_response(const HtmlContext& html, unsigned status, std::string body);

}  // namespace jil::api
