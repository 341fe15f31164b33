// Chooses the interface language of an HTML page: a valid ?ui=<code> first, then the jil_ui
// cookie, then the best Accept-Language match, then English. Pure functions of header and
// parameter text, so every rule is unit-tested (tests/unit/api/ui_language_test.cc).
#pragma once

#include <string>
#include <string_view>

namespace jil::api {

// The cookie that remembers a choice made with ?ui=, and its attributes: the whole site, one
// year, and sent on top-level navigations from other sites (so a shared link keeps the language).
inline constexpr std::string_view kUiCookieName = "jil_ui";
inline constexpr std::string_view kUiCookieAttributes = "; Path=/; Max-Age=31536000; SameSite=Lax";

struct UiLanguageChoice {
  std::string language;         // one of render::kUiLanguages
  bool from_parameter = false;  // chosen with ?ui=: the response should set the cookie
};

// `ui_parameter` is the decoded ui parameter ("" when absent); the others are raw header values.
UiLanguageChoice choose_ui_language(std::string_view ui_parameter, std::string_view cookie_header,
                                    std::string_view accept_language);

// The value of cookie `name` in a Cookie header ("a=1; jil_ui=fr" → "fr"), or "" when absent.
std::string cookie_value(std::string_view cookie_header, std::string_view name);

// The UI language an Accept-Language header (RFC 9110 §12.5.4) prefers: the highest q-value
// whose primary subtag is a UI language ("fr-CH, en;q=0.8" → "fr"), the earlier on a tie; "*"
// stands for English. "" when nothing acceptable matches (q=0 ranges are never chosen; an
// element with a malformed q-value is skipped).
std::string accept_language_match(std::string_view accept_language);

// `target` without its ui parameters ("/search?q=x&ui=fr" → "/search?q=x"), for the language
// switcher's links; "/" for anything that is not a local path (e.g. "//host", absolute form).
std::string target_without_ui(std::string_view target);

}  // namespace jil::api
