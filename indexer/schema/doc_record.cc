// Sidecar parsing and validation (the document data of the index: document_data.cc).
#include "schema/doc_record.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "schema/vocabulary.h"

namespace jil::schema {
namespace {

using nlohmann::json;

// Nesting depth of a JSON text, found by a linear scan before any parser recurses into it.
int nesting_depth(std::string_view text) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (size_t index = 0; index < text.size(); ++index) {
    const char c = text[index];
    if (in_string) {
      if (c == '\\') {
        ++index;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

Status field_error(std::string_view field, const std::string& problem) {
  return invalid_argument("field '" + std::string(field) + "': " + problem);
}

std::string joined_ids(Facet facet) {
  std::string out;
  for (const auto& id : Vocabulary::built_in().ids(facet)) {
    if (!out.empty()) out += ", ";
    out += id;
  }
  return out;
}

// Reads a required (or optional, with a default) string field.
Status read_string(const json& object, std::string_view field, bool required, size_t max_bytes,
                   std::string& out) {
  const auto found = object.find(std::string(field));
  if (found == object.end()) {
    return required ? field_error(field, "is required") : Status::ok();
  }
  if (!found->is_string()) return field_error(field, "must be a string");
  out = found->get<std::string>();
  if (out.size() > max_bytes) {
    return field_error(field, "is longer than " + std::to_string(max_bytes) + " bytes");
  }
  return Status::ok();
}

Status read_controlled(const json& object, Facet facet, bool required, std::string& out) {
  const std::string_view field = facet == Facet::kLanguage ? "language" : facet_name(facet);
  if (Status status = read_string(object, field, required, 100, out); !status.is_ok()) {
    return status;
  }
  if (!object.contains(std::string(field))) return Status::ok();  // absent and not required
  if (!Vocabulary::built_in().contains(facet, out)) {
    return field_error(field, "'" + out + "' is not one of: " + joined_ids(facet));
  }
  return Status::ok();
}

Status read_controlled_list(const json& object, Facet facet, std::string_view field,
                            size_t min_count, size_t max_count, std::vector<std::string>& out) {
  const auto found = object.find(std::string(field));
  if (found == object.end()) {
    return min_count > 0 ? field_error(field, "is required") : Status::ok();
  }
  if (!found->is_array()) return field_error(field, "must be an array of ids");
  if (found->size() < min_count || found->size() > max_count) {
    return field_error(field, "must hold " + std::to_string(min_count) + " to " +
                                  std::to_string(max_count) + " ids");
  }
  for (const auto& item : *found) {
    if (!item.is_string()) return field_error(field, "must be an array of ids");
    const std::string id = item.get<std::string>();
    if (!Vocabulary::built_in().contains(facet, id)) {
      return field_error(field, "'" + id + "' is not one of: " + joined_ids(facet));
    }
    if (std::find(out.begin(), out.end(), id) != out.end()) {
      return field_error(field, "'" + id + "' is listed twice");
    }
    out.push_back(id);
  }
  return Status::ok();
}

constexpr std::string_view kKnownFields[] = {
    "id",      "work",   "title", "language", "script", "type",   "organisation",
    "country", "region", "year",  "topics",   "values", "summary"};

// `required` false checks only the fields present (one source of several, metadata/).
Status validate_fields(const json& object, bool required, DocRecord& record) {
  for (const auto& [key, value] : object.items()) {
    if (std::find(std::begin(kKnownFields), std::end(kKnownFields), key) ==
        std::end(kKnownFields)) {
      return field_error(key, "is not a field of the metadata schema");
    }
  }
  Status status = read_string(object, "id", required, 80, record.id);
  if (status.is_ok() && object.contains("id") && !is_valid_id(record.id)) {
    status = field_error("id", "'" + record.id + "' must match [a-z0-9][a-z0-9-]{2,79}");
  }
  if (status.is_ok()) status = read_string(object, "work", false, 80, record.work);
  if (status.is_ok() && record.work.empty()) record.work = record.id;
  if (status.is_ok() && !record.work.empty() && !is_valid_id(record.work)) {
    status = field_error("work", "'" + record.work + "' must match [a-z0-9][a-z0-9-]{2,79}");
  }
  if (status.is_ok()) status = read_string(object, "title", required, kMaxTitleBytes, record.title);
  if (status.is_ok() && object.contains("title") && record.title.empty()) {
    status = field_error("title", "must not be empty");
  }
  std::string language;
  if (status.is_ok()) status = read_controlled(object, Facet::kLanguage, required, language);
  if (status.is_ok() && !language.empty()) record.language = *analysis::parse_language(language);
  if (status.is_ok()) status = read_string(object, "script", false, 10, record.script);
  if (status.is_ok() && !record.script.empty() &&
      ((!language.empty() && record.language != analysis::Language::kZh) ||
       (record.script != "Hans" && record.script != "Hant"))) {
    status = field_error("script", "is only for Chinese and must be Hans or Hant");
  }
  if (status.is_ok()) status = read_controlled(object, Facet::kType, required, record.type);
  if (status.is_ok()) {
    status = read_controlled(object, Facet::kOrganisation, required, record.organisation);
  }
  if (status.is_ok()) status = read_controlled(object, Facet::kRegion, required, record.region);
  if (status.is_ok()) status = read_string(object, "country", required, 2, record.country);
  if (status.is_ok() && !record.country.empty() && !is_country_code(record.country)) {
    status = field_error("country", "'" + record.country + "' is not an ISO 3166-1 alpha-2 code");
  }
  return status;
}

Status validate_rest(const json& object, bool required, DocRecord& record) {
  const auto year = object.find("year");
  if (year == object.end() && required) return field_error("year", "is required");
  if (year != object.end()) {
    if (!year->is_number_integer() || *year < 1900 || *year > 2100) {
      return field_error("year", "must be an integer from 1900 to 2100");
    }
    record.year = year->get<int>();
  }
  Status status = read_controlled_list(object, Facet::kTopic, "topics", required ? 1 : 0,
                                       kMaxTopicsInSidecar, record.topics);
  if (status.is_ok() && !required && object.contains("topics") && record.topics.empty()) {
    status =
        field_error("topics", "must hold 1 to " + std::to_string(kMaxTopicsInSidecar) + " ids");
  }
  if (status.is_ok()) {
    status = read_controlled_list(object, Facet::kValue, "values", 0, 6, record.values);
  }
  if (status.is_ok()) {
    status = read_string(object, "summary", false, kMaxSummaryBytes, record.summary);
  }
  return status;
}

}  // namespace

bool is_valid_id(std::string_view id) {
  if (id.size() < 3 || id.size() > 80) return false;
  for (size_t index = 0; index < id.size(); ++index) {
    const char c = id[index];
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && index);
    if (!allowed) return false;
  }
  return true;
}

Result<json> parse_metadata_object(std::string_view json_text) {
  if (json_text.size() > kMaxSidecarBytes) {
    return limit_exceeded("metadata is larger than " + std::to_string(kMaxSidecarBytes) + " bytes");
  }
  if (nesting_depth(json_text) > kMaxSidecarDepth) {
    return invalid_argument("metadata is nested deeper than " + std::to_string(kMaxSidecarDepth) +
                            " levels");
  }
  // nlohmann keeps the last of duplicate keys silently; a duplicate is usually a mistake, so it
  // is refused (T-P7). Keys are tracked per open object while parsing.
  std::vector<std::vector<std::string>> open_objects;
  std::string duplicate;
  const json::parser_callback_t track_keys = [&](int, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::object_start) open_objects.emplace_back();
    if (event == json::parse_event_t::object_end && !open_objects.empty()) open_objects.pop_back();
    if (event == json::parse_event_t::key && !open_objects.empty() && parsed.is_string()) {
      std::vector<std::string>& keys = open_objects.back();
      const std::string key = parsed.get<std::string>();
      if (duplicate.empty() && std::find(keys.begin(), keys.end(), key) != keys.end()) {
        duplicate = key;
      }
      keys.push_back(key);
    }
    return true;
  };
  json object;
  try {
    object = json::parse(json_text, track_keys);
  } catch (const json::parse_error& error) {
    return invalid_argument(std::string("metadata is not valid JSON: ") + error.what());
  }
  if (!duplicate.empty()) return field_error(duplicate, "is given twice");
  if (!object.is_object()) return invalid_argument("metadata must be a JSON object");
  return object;
}

bool is_metadata_field(std::string_view name) {
  return std::find(std::begin(kKnownFields), std::end(kKnownFields), name) !=
         std::end(kKnownFields);
}

Status check_metadata_fields(const json& object) {
  DocRecord record;
  if (Status status = validate_fields(object, false, record); !status.is_ok()) return status;
  return validate_rest(object, false, record);
}

Result<DocRecord> record_from_metadata(const json& object) {
  DocRecord record;
  if (Status status = validate_fields(object, true, record); !status.is_ok()) return status;
  if (Status status = validate_rest(object, true, record); !status.is_ok()) return status;
  return record;
}

Result<DocRecord> parse_sidecar(std::string_view json_text) {
  Result<json> object = parse_metadata_object(json_text);
  if (!object.is_ok()) return object.status();
  return record_from_metadata(*object);
}

nlohmann::json metadata_json(const DocRecord& record) {
  return {
      {"id", record.id},
      {"work", record.work},
      {"title", record.title},
      {"language", std::string(analysis::language_code(record.language))},
      {"script", record.script},
      {"type", record.type},
      {"organisation", record.organisation},
      {"country", record.country},
      {"region", record.region},
      {"year", record.year},
      {"topics", record.topics},
      {"values", record.values},
      {"summary", record.summary},
      {"quality", record.quality},
      {"quality_notes", record.quality_notes},
  };
}

}  // namespace jil::schema
