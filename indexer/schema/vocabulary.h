// The controlled vocabularies of the metadata schema (types, regions, organisations, topics,
// judicial values, languages), compiled in from schema/vocabularies.json so that indexer and
// searchd agree. Labels here are the English defaults; web/i18n translates them.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace jil::schema {

// kConcept is a thesaurus concept (thesaurus/thesaurus.h), not a vocabulary of this file.
enum class Facet {
  kLanguage,
  kType,
  kRegion,
  kOrganisation,
  kTopic,
  kValue,
  kCountry,
  kYear,
  kConcept
};

// "type" for kType, ...: the facet's name in URLs, JSON and the vocabulary file.
std::string_view facet_name(Facet facet);
std::vector<Facet> all_facets();

class Vocabulary {
 public:
  // Parses the compiled-in vocabulary; aborts on failure (a build defect, caught by tests).
  static const Vocabulary& built_in();

  bool contains(Facet facet, std::string_view id) const;
  // English label, or the id itself when unknown.
  std::string label(Facet facet, std::string_view id) const;
  // Ids of a controlled facet in file order (empty for kCountry and kYear).
  const std::vector<std::string>& ids(Facet facet) const;

 private:
  Vocabulary() = default;
  std::map<Facet, std::vector<std::string>> ids_;
  std::map<Facet, std::map<std::string, std::string, std::less<>>> labels_;
};

// True for an ISO 3166-1 alpha-2 code known to ICU ("FR").
bool is_country_code(std::string_view code);

}  // namespace jil::schema
