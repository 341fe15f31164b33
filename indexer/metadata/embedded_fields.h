// The metadata fields a file's embedded properties give (extract/embedded_metadata.h), in the
// schema's terms: only values the schema accepts are taken, so this source never makes a file
// fail. Free text is matched against the vocabularies by id or English label, ignoring case.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "extract/embedded_metadata.h"

namespace jil::metadata {

struct LanguageTag {
  std::string language;  // one of the six codes
  std::string script;    // "Hans" or "Hant" when the tag says (zh-Hant, zh-TW, zh-CN), else ""
};

// A declared language tag ("en", "EN-gb", "fr_CA", "zh-Hant-TW", "zh-HK") as a JIL language;
// nullopt for languages JIL does not have.
std::optional<LanguageTag> language_of_tag(std::string_view tag);

// title, language (+ script), year, summary (description), type (dc:type or category), organisation
// (the first author, creator or publisher that is a vocabulary organisation), topics and values
// (keywords that name them), region and country (dc:coverage: a region, and an ISO code; a region
// alone means an international document, country ""). Fields with no usable value are left out.
nlohmann::json embedded_fields(const extract::EmbeddedMetadata& embedded);

}  // namespace jil::metadata
