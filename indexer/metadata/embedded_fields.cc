// Embedded properties → schema fields, for embedded_fields.h.
#include "metadata/embedded_fields.h"

#include <algorithm>

#include "base/utf8.h"
#include "schema/doc_record.h"
#include "schema/value_slots.h"
#include "schema/vocabulary.h"

namespace jil::metadata {
namespace {

using nlohmann::json;
using schema::Facet;
using schema::Vocabulary;

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string trimmed(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

// The vocabulary id `text` names (its id or its English label, any case), or "".
std::string vocabulary_id(Facet facet, std::string_view text) {
  const std::string wanted = lower_ascii(trimmed(text));
  if (wanted.empty()) return "";
  for (const std::string& id : Vocabulary::built_in().ids(facet)) {
    if (wanted == id || wanted == lower_ascii(Vocabulary::built_in().label(facet, id))) return id;
  }
  return "";
}

json matching_ids(Facet facet, const std::vector<std::string>& keywords, size_t max_count) {
  json ids = json::array();
  for (const std::string& keyword : keywords) {
    const std::string id = vocabulary_id(facet, keyword);
    if (!id.empty() && ids.size() < max_count &&
        std::find(ids.begin(), ids.end(), id) == ids.end()) {
      ids.push_back(id);
    }
  }
  return ids;
}

std::string truncated(const std::string& text, size_t max_bytes) {
  return text.substr(0, utf8::truncate_point(text, max_bytes));
}

void read_coverage(std::string_view coverage, json& fields) {
  size_t start = 0;
  while (start <= coverage.size()) {
    size_t end = coverage.find_first_of(",;", start);
    if (end == std::string_view::npos) end = coverage.size();
    const std::string part = trimmed(coverage.substr(start, end - start));
    start = end + 1;
    std::string upper = part;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
    const std::string region = vocabulary_id(Facet::kRegion, part);
    if (!region.empty() && !fields.contains("region")) fields["region"] = region;
    if (upper.size() == 2 && schema::is_country_code(upper)) fields["country"] = upper;
  }
  if (fields.contains("region") && !fields.contains("country")) fields["country"] = "";
}

}  // namespace

std::optional<LanguageTag> language_of_tag(std::string_view tag) {
  std::string lower = lower_ascii(trimmed(tag));
  std::replace(lower.begin(), lower.end(), '_', '-');
  const std::string primary = lower.substr(0, lower.find('-'));
  static constexpr std::string_view kCodes[] = {"ar", "en", "es", "fr", "ru", "zh"};
  if (std::find(std::begin(kCodes), std::end(kCodes), primary) == std::end(kCodes)) {
    return std::nullopt;
  }
  LanguageTag result{primary, ""};
  if (primary != "zh") return result;
  const std::string rest = lower.substr(primary.size());
  if (rest.find("-hant") != std::string::npos || rest.starts_with("-tw") ||
      rest.starts_with("-hk") || rest.starts_with("-mo")) {
    result.script = "Hant";
  } else if (rest.find("-hans") != std::string::npos || rest.starts_with("-cn") ||
             rest.starts_with("-sg")) {
    result.script = "Hans";
  }
  return result;
}

json embedded_fields(const extract::EmbeddedMetadata& embedded) {
  json fields = json::object();
  const std::string title = truncated(trimmed(embedded.title), schema::kMaxTitleBytes);
  if (!title.empty()) fields["title"] = title;
  if (const auto tag = language_of_tag(embedded.language)) {
    fields["language"] = tag->language;
    if (!tag->script.empty()) fields["script"] = tag->script;
  }
  if (embedded.year >= 1900 && embedded.year <= 2100) fields["year"] = embedded.year;
  const std::string summary = truncated(trimmed(embedded.description), schema::kMaxSummaryBytes);
  if (!summary.empty()) fields["summary"] = summary;
  const std::string type = vocabulary_id(Facet::kType, embedded.type);
  if (!type.empty()) fields["type"] = type;
  for (const std::string& author : embedded.authors) {
    const std::string organisation = vocabulary_id(Facet::kOrganisation, author);
    if (!organisation.empty()) {
      fields["organisation"] = organisation;
      break;
    }
  }
  json topics = matching_ids(Facet::kTopic, embedded.keywords, schema::kMaxTopicsInSidecar);
  if (!topics.empty()) fields["topics"] = std::move(topics);
  json values = matching_ids(Facet::kValue, embedded.keywords, schema::kMaxValues);
  if (!values.empty()) fields["values"] = std::move(values);
  read_coverage(embedded.coverage, fields);
  return fields;
}

}  // namespace jil::metadata
