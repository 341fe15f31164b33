// Implementation of filter_terms.h.
#include "schema/filter_terms.h"

#include <algorithm>

#include "schema/prefixes.h"

namespace jil::schema {

std::string filter_term(Facet facet, std::string_view value) {
  switch (facet) {
    case Facet::kLanguage:
      return term(kLanguagePrefix, value);
    case Facet::kType:
      return term(kTypePrefix, value);
    case Facet::kRegion:
      return term(kRegionPrefix, value);
    case Facet::kOrganisation:
      return term(kOrganisationPrefix, value);
    case Facet::kTopic:
      return term(kTopicPrefix, value);
    case Facet::kValue:
      return term(kValuePrefix, value);
    case Facet::kYear:
      return term(kYearPrefix, value);
    case Facet::kConcept:
      return term(kConceptFacetPrefix, value);
    case Facet::kCountry: {
      std::string lower(value);
      std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
      return term(kCountryPrefix, lower);
    }
  }
  return std::string(value);
}

}  // namespace jil::schema
