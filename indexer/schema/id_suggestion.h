// The id a metadata author most likely meant when a controlled field holds an unknown value:
// the same id in another case or spelled with spaces, the id whose label was written (in English
// or in any UI language, case and accents aside), the one id the value begins, or the one id
// within two edits. Used only to word an error.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "schema/vocabulary.h"

namespace jil::schema {

// nullopt when no id stands out (two equally close, or none close enough).
std::optional<std::string> suggested_id(Facet facet, std::string_view given);

// " (did you mean 'report'?)" or "" when suggested_id has nothing.
std::string did_you_mean(Facet facet, std::string_view given);

// "FR" for "fr" or "Fr" when that is a country code ICU knows.
std::optional<std::string> suggested_country_code(std::string_view given);

}  // namespace jil::schema
