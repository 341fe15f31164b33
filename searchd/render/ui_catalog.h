// The interface texts of the six UI languages (web/i18n/<code>.json, flat objects of strings, all
// with the keys of en.json). Counts are ICU MessageFormat patterns with named arguments,
// formatted with the plural rules and digits of the UI locale.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace jil::render {

// The interface languages, as codes of web/i18n/<code>.json.
inline constexpr std::array<std::string_view, 6> kUiLanguages = {"ar", "en", "es",
                                                                 "fr", "ru", "zh"};
inline constexpr std::string_view kDefaultUiLanguage = "en";
// Keys whose texts are MessageFormat patterns, checked at load in their own locale.
inline constexpr std::array<std::string_view, 2> kMessagePatternKeys = {"results_count", "page_of"};

// True for one of kUiLanguages.
bool is_ui_language(std::string_view code);

// Read-only after load(), so one catalog can be shared by every worker thread.
class UiCatalog {
 public:
  // Reads <i18n_directory>/<code>.json for every UI language. kNotFound: a file is missing.
  // kCorrupt: a file is not a JSON object of strings, lacks a key that en.json has, or has a
  // pattern of kMessagePatternKeys that does not compile; the message names the file and key.
  static Result<UiCatalog> load(const std::filesystem::path& i18n_directory);

  // The text of `key` in `language` (a UI language), or nullptr when en.json has no such key.
  const std::string* find(std::string_view language, const std::string& key) const;
  // Like find(), for keys every catalog has; a missing key is a bug and aborts.
  const std::string& text(std::string_view language, const std::string& key) const;
  // Every key → text of `language`.
  const std::map<std::string, std::string>& texts(std::string_view language) const;

  // The pattern of `key` with its named arguments, e.g. {{"count", 3}} → "3 documents".
  std::string format(std::string_view language, const std::string& key,
                     const std::vector<std::pair<std::string, int64_t>>& arguments) const;
  // `number` with the digits and grouping of `language` ("١٢" in Arabic, "1 234" in French).
  static std::string format_number(std::string_view language, int64_t number);

 private:
  std::map<std::string, std::map<std::string, std::string>, std::less<>> texts_;  // by language
};

}  // namespace jil::render
