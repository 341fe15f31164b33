// Loads the compiled-in vocabulary JSON (see CMake: vocabularies_data.cc is generated).
#include "schema/vocabulary.h"

#include <unicode/locid.h>

#include <nlohmann/json.hpp>

extern const char kJilVocabulariesJson[];

namespace jil::schema {
namespace {

constexpr std::pair<Facet, std::string_view> kFacetNames[] = {
    {Facet::kLanguage, "language"},         {Facet::kType, "type"},   {Facet::kRegion, "region"},
    {Facet::kOrganisation, "organisation"}, {Facet::kTopic, "topic"}, {Facet::kValue, "value"},
    {Facet::kCountry, "country"},           {Facet::kYear, "year"},   {Facet::kConcept, "concept"},
};

}  // namespace

std::string_view facet_name(Facet facet) {
  for (const auto& [candidate, name] : kFacetNames) {
    if (candidate == facet) return name;
  }
  return "";
}

std::vector<Facet> all_facets() {
  std::vector<Facet> facets;
  for (const auto& entry : kFacetNames) facets.push_back(entry.first);
  return facets;
}

const Vocabulary& Vocabulary::built_in() {
  static const Vocabulary vocabulary = [] {
    Vocabulary loaded;
    // ordered_json keeps the file order, which is the order the UI and error messages list.
    const auto json = nlohmann::ordered_json::parse(kJilVocabulariesJson, nullptr, false);
    JIL_CHECK(json.is_object());
    for (const auto& [facet, name] : kFacetNames) {
      const auto found = json.find(std::string(name));
      if (found == json.end()) continue;
      for (const auto& [id, label] : found->items()) {
        loaded.ids_[facet].push_back(id);
        loaded.labels_[facet][id] = label.get<std::string>();
      }
    }
    return loaded;
  }();
  return vocabulary;
}

bool Vocabulary::contains(Facet facet, std::string_view id) const {
  const auto labels = labels_.find(facet);
  return labels != labels_.end() && labels->second.find(id) != labels->second.end();
}

std::string Vocabulary::label(Facet facet, std::string_view id) const {
  const auto labels = labels_.find(facet);
  if (labels == labels_.end()) return std::string(id);
  const auto found = labels->second.find(id);
  return found == labels->second.end() ? std::string(id) : found->second;
}

const std::vector<std::string>& Vocabulary::ids(Facet facet) const {
  static const std::vector<std::string> kNone;
  const auto found = ids_.find(facet);
  return found == ids_.end() ? kNone : found->second;
}

bool is_country_code(std::string_view code) {
  if (code.size() != 2) return false;
  for (const char* const* country = icu::Locale::getISOCountries(); *country; ++country) {
    if (code == *country) return true;
  }
  return false;
}

}  // namespace jil::schema
