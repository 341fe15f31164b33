// Implementation of field_selection.h: a search makes and renders only the fields asked for; a
// document is rendered whole, then trimmed.
#include "api/field_selection.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "render/json_text.h"

namespace jil::api {
namespace {

using nlohmann::json;

nlohmann::json trimmed(const json& object, const std::vector<std::string>& fields) {
  json out = json::object();
  for (const std::string& field : fields) {
    const auto found = object.find(field);
    if (found != object.end()) out[field] = *found;
  }
  return out;
}

}  // namespace

const std::vector<std::string_view>& selectable_fields(FieldScope scope) {
  // Fields of schema::metadata_json, then those render/json_view.cc adds.
  static const std::vector<std::string_view> kHit = {"id",
                                                     "work",
                                                     "title",
                                                     "language",
                                                     "script",
                                                     "type",
                                                     "organisation",
                                                     "country",
                                                     "region",
                                                     "year",
                                                     "topics",
                                                     "values",
                                                     "summary",
                                                     "quality",
                                                     "quality_notes",
                                                     "url",
                                                     "original",
                                                     "title_highlighted",
                                                     "snippet",
                                                     "score",
                                                     "work_languages",
                                                     "page",
                                                     "in_home_language",
                                                     "other_versions"};
  static const std::vector<std::string_view> kDocument = {
      "id",     "work",         "title",        "language", "script",
      "type",   "organisation", "country",      "region",   "year",
      "topics", "values",       "summary",      "quality",  "quality_notes",
      "url",    "original",     "translations", "text"};
  return scope == FieldScope::kSearchHit ? kHit : kDocument;
}

Result<std::vector<std::string>> parse_fields(const ParsedTarget& target, FieldScope scope) {
  std::vector<std::string> fields;
  if (target.parameters.count("fields") == 0) return fields;
  if (target.parameters.count("fields") > 1) return invalid_argument("fields: give it once");
  const std::string list = target.first("fields");
  const auto& known = selectable_fields(scope);
  size_t start = 0;
  while (true) {
    const size_t comma = std::min(list.find(',', start), list.size());
    const std::string field = list.substr(start, comma - start);
    if (field.empty()) {
      return invalid_argument("fields: an empty field name (give names separated by commas)");
    }
    if (std::find(known.begin(), known.end(), field) == known.end()) {
      std::string names;
      for (std::string_view name : known) names += (names.empty() ? "" : ", ") + std::string(name);
      return invalid_argument("fields: unknown field '" + field.substr(0, 64) +
                              "' (known: " + names + ")");
    }
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) fields.push_back(field);
    if (comma == list.size()) break;
    start = comma + 1;
  }
  return fields;
}

search::HitParts hit_parts_for(const std::vector<std::string>& fields) {
  search::HitParts parts;
  if (fields.empty()) return parts;
  const auto asks = [&fields](std::string_view field) {
    return std::find(fields.begin(), fields.end(), field) != fields.end();
  };
  // The page is the snippet's first match's, and the original's link points at it.
  parts.snippet = asks("snippet") || asks("page") || asks("original");
  parts.title_highlighted = asks("title_highlighted");
  parts.work_languages = asks("work_languages") || asks("in_home_language");
  parts.other_versions = asks("other_versions");
  return parts;
}

std::string keep_document_fields(const std::string& json_text,
                                 const std::vector<std::string>& fields) {
  if (fields.empty()) return json_text;
  return render::json_text(trimmed(json::parse(json_text), fields));
}

}  // namespace jil::api
