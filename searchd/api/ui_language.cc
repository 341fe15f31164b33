// Implementation of ui_language.h.
#include "api/ui_language.h"

#include <vector>

#include "api/header_text.h"
#include "render/ui_catalog.h"

namespace jil::api {
namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  while (true) {
    const size_t at = text.find(separator);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) return parts;
    text.remove_prefix(at + 1);
  }
}

// An RFC 9110 qvalue ("0", "0.5", "1.000") in thousandths, or -1 when malformed.
int parse_qvalue(std::string_view text) {
  if (text.empty() || (text[0] != '0' && text[0] != '1')) return -1;
  int thousandths = (text[0] - '0') * 1000;
  if (text.size() == 1) return thousandths;
  if (text[1] != '.' || text.size() > 5) return -1;
  int scale = 100;
  for (char c : text.substr(2)) {
    if (c < '0' || c > '9') return -1;
    thousandths += (c - '0') * scale;
    scale /= 10;
  }
  return thousandths <= 1000 ? thousandths : -1;
}

}  // namespace

std::string cookie_value(std::string_view cookie_header, std::string_view name) {
  for (std::string_view pair : split(cookie_header, ';')) {
    pair = without_ows(pair);
    const size_t equals = pair.find('=');
    if (equals == std::string_view::npos || without_ows(pair.substr(0, equals)) != name) continue;
    std::string_view value = without_ows(pair.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return "";
}

std::string accept_language_match(std::string_view accept_language) {
  std::string best;
  int best_quality = 0;  // a match must beat q=0
  for (std::string_view element : split(accept_language, ',')) {
    const std::vector<std::string_view> parts = split(element, ';');
    const std::string range = ascii_lower(without_ows(parts[0]));
    int quality = 1000;
    for (size_t i = 1; i < parts.size(); ++i) {
      const std::string_view parameter = without_ows(parts[i]);
      if (parameter.size() >= 2 && (parameter[0] == 'q' || parameter[0] == 'Q') &&
          parameter[1] == '=') {
        quality = parse_qvalue(parameter.substr(2));
      }
    }
    if (quality <= best_quality) continue;  // also skips malformed (-1) and q=0
    const std::string primary =
        range == "*" ? std::string(render::kDefaultUiLanguage) : range.substr(0, range.find('-'));
    if (!render::is_ui_language(primary)) continue;
    best = primary;
    best_quality = quality;
  }
  return best;
}

UiLanguageChoice choose_ui_language(std::string_view ui_parameter, std::string_view cookie_header,
                                    std::string_view accept_language) {
  if (render::is_ui_language(ui_parameter)) return {std::string(ui_parameter), true};
  const std::string remembered = cookie_value(cookie_header, kUiCookieName);
  if (render::is_ui_language(remembered)) return {remembered, false};
  std::string preferred = accept_language_match(accept_language);
  if (!preferred.empty()) return {std::move(preferred), false};
  return {std::string(render::kDefaultUiLanguage), false};
}

std::string target_without_ui(std::string_view target) {
  // "//host" and "/\\host" would be read by browsers as another site.
  if (!target.starts_with('/') || target.starts_with("//") || target.starts_with("/\\")) {
    return "/";
  }
  const size_t question = target.find('?');
  std::string out(target.substr(0, question));
  if (question == std::string_view::npos) return out;
  char separator = '?';
  for (std::string_view parameter : split(target.substr(question + 1), '&')) {
    if (parameter.empty() || parameter == "ui" || parameter.starts_with("ui=")) continue;
    out += separator;
    out += parameter;
    separator = '&';
  }
  return out;
}

}  // namespace jil::api
