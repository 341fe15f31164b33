// Implementation of oai_request.h.
#include "api/oai_request.h"

#include <algorithm>
#include <string>

#include "api/header_text.h"

namespace jil::api {
namespace {

// The media type of a Content-Type value, without parameters and surrounding spaces.
std::string_view media_type_of(std::string_view content_type) {
  return without_ows(content_type.substr(0, content_type.find(';')));
}

// How an error names the Content-Type sent: its media type when that is short printable ASCII
// (the header is the client's, and the answer must stay well-formed UTF-8 XML), else nothing.
std::string named_content_type(std::string_view content_type) {
  if (content_type.empty()) return " (it has none)";
  const std::string_view media_type = media_type_of(content_type);
  constexpr size_t kMaxNamedBytes = 80;
  const bool printable =
      std::all_of(media_type.begin(), media_type.end(), [](char c) { return c > ' ' && c < 0x7f; });
  if (media_type.empty() || media_type.size() > kMaxNamedBytes || !printable) return "";
  return " (not " + std::string(media_type) + ")";
}

}  // namespace

Result<ParsedTarget> oai_arguments(const HttpRequest& request) {
  Result<ParsedTarget> parsed = parse_target(request.target);
  if (request.method != "POST" || !parsed.is_ok()) return parsed;
  if (!parsed->parameters.empty()) {
    return invalid_argument(
        "a POST carries its arguments in its body only (OAI-PMH 3.1.1.2): the URL has a query");
  }
  if (!equals_ignoring_case(media_type_of(request.content_type), kOaiFormMediaType)) {
    return invalid_argument(
        "a POST's arguments must be sent as Content-Type: " + std::string(kOaiFormMediaType) +
        named_content_type(request.content_type));
  }
  if (request.body.size() > kMaxOaiFormBytes) {
    return invalid_argument("the form is longer than " + std::to_string(kMaxOaiFormBytes) +
                            " bytes");
  }
  Result<std::multimap<std::string, std::string>> form = parse_query(request.body, "the form");
  if (!form.is_ok()) return form.status();
  parsed->parameters = std::move(form).value();
  return parsed;
}

}  // namespace jil::api
