// The languages JIL analyzes, their codes, ICU locales and Snowball stemmers.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace jil::analysis {

// kUnd is "undetermined": used for queries in no particular language; documents always have one.
enum class Language { kUnd, kAr, kEn, kEs, kFr, kRu, kZh };

// All six analyzed languages, in the order the UI lists them.
std::span<const Language> all_languages();

// "fr" -> kFr; accepts the six codes and "und"; also "zh-Hans"/"zh-Hant" as kZh.
std::optional<Language> parse_language(std::string_view code);
std::string_view language_code(Language language);
// ICU locale id used for word segmentation.
const char* icu_locale(Language language);
// Xapian Snowball stemmer name, or "" for none (Chinese, und).
const char* stemmer_name(Language language);

}  // namespace jil::analysis
