// The index contract, part 1: term prefixes. Every term JIL writes or queries is built here.
// Changing a prefix changes the schema: bump kSchemaVersion in schema_version.h.
#pragma once

#include <string>
#include <string_view>

namespace jil::schema {

inline constexpr std::string_view kIdPrefix = "Q";             // unique id (one per document)
inline constexpr std::string_view kWorkPrefix = "XW";          // work id, shared by translations
inline constexpr std::string_view kLanguagePrefix = "L";       // ar en es fr ru zh
inline constexpr std::string_view kTypePrefix = "XT";          // document type
inline constexpr std::string_view kOrganisationPrefix = "XO";  // publishing organisation
inline constexpr std::string_view kCountryPrefix = "XC";       // ISO 3166 alpha-2, lower case
inline constexpr std::string_view kRegionPrefix = "XR";        // region id
inline constexpr std::string_view kTopicPrefix = "XK";         // topic id (several per document)
inline constexpr std::string_view kValuePrefix = "XV";         // judicial value id (several)
inline constexpr std::string_view kYearPrefix = "Y";           // four-digit year
inline constexpr std::string_view kSourcePrefix = "XP";        // source path, for pruning
inline constexpr std::string_view kQualityPrefix = "XQ";       // extraction quality: ok, ocr, ...
inline constexpr std::string_view kConceptFacetPrefix = "XN";  // concept and its ancestors
inline constexpr std::string_view kConceptPrefix = "N";        // concept named in the text (wdf)
inline constexpr std::string_view kExactPrefix = "E";          // case-folded exact surface form
inline constexpr std::string_view kStemPrefix = "Z";           // Snowball stem
inline constexpr std::string_view kTitleWordPrefix = "XS";     // title word, see title_words.h
// Unprefixed terms are folded word forms, with positions.

inline std::string term(std::string_view prefix, std::string_view value) {
  std::string out(prefix);
  out += value;
  return out;
}

}  // namespace jil::schema
