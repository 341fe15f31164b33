// Sidecar parsing and validation (the document data of the index: document_data.cc).
#include "schema/doc_record.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "schema/id_suggestion.h"
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

// Reads a string field when it is present (whether it must be is validate()'s concern).
Status read_string(const json& object, std::string_view field, size_t max_bytes, std::string& out) {
  const auto found = object.find(std::string(field));
  if (found == object.end()) return Status::ok();
  if (!found->is_string()) return field_error(field, "must be a string");
  out = found->get<std::string>();
  if (out.size() > max_bytes) {
    return field_error(field, "is longer than " + std::to_string(max_bytes) + " bytes");
  }
  return Status::ok();
}

Status read_controlled(const json& object, Facet facet, std::string& out) {
  const std::string_view field = facet == Facet::kLanguage ? "language" : facet_name(facet);
  if (Status status = read_string(object, field, 100, out); !status.is_ok()) return status;
  if (!object.contains(std::string(field))) return Status::ok();
  if (!Vocabulary::built_in().contains(facet, out)) {
    return field_error(
        field, "'" + out + "' is not one of: " + joined_ids(facet) + did_you_mean(facet, out));
  }
  return Status::ok();
}

Status read_controlled_list(const json& object, Facet facet, std::string_view field,
                            size_t min_count, size_t max_count, std::vector<std::string>& out) {
  const auto found = object.find(std::string(field));
  if (found == object.end()) return Status::ok();
  if (!found->is_array()) return field_error(field, "must be an array of ids");
  if (found->size() < min_count || found->size() > max_count) {
    return field_error(field, "must hold " + std::to_string(min_count) + " to " +
                                  std::to_string(max_count) + " ids");
  }
  for (const auto& item : *found) {
    if (!item.is_string()) return field_error(field, "must be an array of ids");
    const std::string id = item.get<std::string>();
    if (!Vocabulary::built_in().contains(facet, id)) {
      return field_error(
          field, "'" + id + "' is not one of: " + joined_ids(facet) + did_you_mean(facet, id));
    }
    if (std::find(out.begin(), out.end(), id) != out.end()) {
      return field_error(field, "'" + id + "' is listed twice");
    }
    out.push_back(id);
  }
  return Status::ok();
}

// Every problem of one metadata object, so that its author can mend them all in one go. Missing
// required fields are named together, after the other problems.
class Problems {
 public:
  // Keeps `status` when it is an error; true when it is not.
  bool note(Status status) {
    if (status.is_ok()) return true;
    messages_.push_back(status.message());
    return false;
  }

  void missing(std::string_view field) { missing_.push_back("'" + std::string(field) + "'"); }

  // OK, or invalid_argument with every message joined by "; ".
  Status status() const {
    std::vector<std::string> all = messages_;
    if (!missing_.empty()) {
      std::string named = missing_.size() == 1 ? "field " : "fields ";
      for (size_t index = 0; index < missing_.size(); ++index) {
        if (index > 0) named += ", ";
        named += missing_[index];
      }
      all.push_back(named + (missing_.size() == 1 ? ": is required" : ": are required"));
    }
    if (all.empty()) return Status::ok();
    std::string joined;
    for (const std::string& message : all) {
      if (!joined.empty()) joined += "; ";
      joined += message;
    }
    return invalid_argument(std::move(joined));
  }

 private:
  std::vector<std::string> messages_;
  std::vector<std::string> missing_;  // 'id', 'title', ... in kRequiredFields order
};

constexpr std::string_view kKnownFields[] = {
    "id",      "work",   "title", "language", "script", "type",   "organisation",
    "country", "region", "year",  "topics",   "values", "summary"};
constexpr std::string_view kRequiredFields[] = {
    "id", "title", "language", "type", "organisation", "region", "country", "year", "topics"};

Status read_id(const json& object, std::string_view field, std::string& out) {
  if (Status status = read_string(object, field, 80, out); !status.is_ok()) return status;
  if (object.contains(std::string(field)) && !is_valid_id(out)) {
    return field_error(field, "'" + out + "' must match [a-z0-9][a-z0-9-]{2,79}");
  }
  return Status::ok();
}

// Checks the fields present (the missing ones are validate()'s).
void validate_fields(const json& object, DocRecord& record, Problems& problems) {
  for (const auto& [key, value] : object.items()) {
    if (std::find(std::begin(kKnownFields), std::end(kKnownFields), key) ==
        std::end(kKnownFields)) {
      problems.note(field_error(key, "is not a field of the metadata schema"));
    }
  }
  const bool id_ok = problems.note(read_id(object, "id", record.id));
  if (problems.note(read_string(object, "work", 80, record.work))) {
    if (record.work.empty() && id_ok) record.work = record.id;
    if (!record.work.empty() && !is_valid_id(record.work)) {
      problems.note(
          field_error("work", "'" + record.work + "' must match [a-z0-9][a-z0-9-]{2,79}"));
    }
  }
  if (problems.note(read_string(object, "title", kMaxTitleBytes, record.title)) &&
      object.contains("title") && record.title.empty()) {
    problems.note(field_error("title", "must not be empty"));
  }
  std::string language;
  const bool language_ok = problems.note(read_controlled(object, Facet::kLanguage, language));
  if (language_ok && !language.empty()) record.language = *analysis::parse_language(language);
  if (problems.note(read_string(object, "script", 10, record.script)) && !record.script.empty() &&
      ((language_ok && !language.empty() && record.language != analysis::Language::kZh) ||
       (record.script != "Hans" && record.script != "Hant"))) {
    problems.note(field_error("script", "is only for Chinese and must be Hans or Hant"));
  }
  problems.note(read_controlled(object, Facet::kType, record.type));
  problems.note(read_controlled(object, Facet::kOrganisation, record.organisation));
  problems.note(read_controlled(object, Facet::kRegion, record.region));
  if (problems.note(read_string(object, "country", 2, record.country)) && !record.country.empty() &&
      !is_country_code(record.country)) {
    const std::optional<std::string> meant = suggested_country_code(record.country);
    problems.note(field_error("country", "'" + record.country +
                                             "' is not an ISO 3166-1 alpha-2 code" +
                                             (meant ? " (did you mean '" + *meant + "'?)" : "")));
  }
  const auto year = object.find("year");
  if (year != object.end()) {
    if (!year->is_number_integer() || *year < 1900 || *year > 2100) {
      problems.note(field_error("year", "must be an integer from 1900 to 2100"));
    } else {
      record.year = year->get<int>();
    }
  }
  problems.note(
      read_controlled_list(object, Facet::kTopic, "topics", 1, kMaxTopicsInSidecar, record.topics));
  problems.note(read_controlled_list(object, Facet::kValue, "values", 0, 6, record.values));
  problems.note(read_string(object, "summary", kMaxSummaryBytes, record.summary));
}

// Every field's problems; with `required`, the absent required fields too (without, only the
// fields present are checked: one source of several, metadata/).
Status validate(const json& object, bool required, DocRecord& record) {
  Problems problems;
  validate_fields(object, record, problems);
  if (required) {
    for (const std::string_view field : kRequiredFields) {
      if (!object.contains(std::string(field))) problems.missing(field);
    }
  }
  return problems.status();
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
  return validate(object, false, record);
}

Result<DocRecord> record_from_metadata(const json& object) {
  DocRecord record;
  if (Status status = validate(object, true, record); !status.is_ok()) return status;
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
