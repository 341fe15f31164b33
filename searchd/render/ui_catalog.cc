// Implementation of ui_catalog.h. Each worker thread compiles a MessageFormat once per language
// and pattern text and keeps it (not sharing them keeps worker threads independent); load()
// compiles each pattern once to check.
#include "render/ui_catalog.h"

#include <unicode/msgfmt.h>
#include <unicode/numberformatter.h>

#include <algorithm>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "base/file_io.h"

namespace jil::render {
namespace {

// A catalog is a few kilobytes; anything larger is not a catalog.
constexpr size_t kMaxCatalogBytes = 256 * 1024;

Status check_pattern(const std::string& pattern, std::string_view language) {
  UErrorCode error = U_ZERO_ERROR;
  UParseError where{};
  const icu::MessageFormat compiled(icu::UnicodeString::fromUTF8(pattern),
                                    icu::Locale(std::string(language).c_str()), where, error);
  if (U_FAILURE(error)) {
    return Status(StatusCode::kCorrupt,
                  std::string(u_errorName(error)) + " at offset " + std::to_string(where.offset));
  }
  return Status::ok();
}

// At most this many compiled patterns per thread: the keys come from the code and the texts
// from the loaded catalogs (a few per language), so the bound is never reached in practice.
constexpr size_t kMaxCompiledPatternsPerThread = 256;

// The pattern `text` compiled for `language`, made once per thread (compiling one, with its
// number format, cost more than formatting with it); nullptr if it does not compile. Keyed by
// the text itself, so catalogs of other directories never mix.
const icu::MessageFormat* compiled_pattern(std::string_view language, const std::string& text) {
  thread_local std::map<std::string, std::unique_ptr<icu::MessageFormat>, std::less<>> by_key;
  std::string key = std::string(language) + '\n' + text;
  if (const auto found = by_key.find(key); found != by_key.end()) return found->second.get();
  UErrorCode error = U_ZERO_ERROR;
  auto made = std::make_unique<icu::MessageFormat>(
      icu::UnicodeString::fromUTF8(text), icu::Locale(std::string(language).c_str()), error);
  if (U_FAILURE(error)) return nullptr;
  if (by_key.size() >= kMaxCompiledPatternsPerThread) by_key.clear();
  return by_key.emplace(std::move(key), std::move(made)).first->second.get();
}

}  // namespace

bool is_ui_language(std::string_view code) {
  return std::find(kUiLanguages.begin(), kUiLanguages.end(), code) != kUiLanguages.end();
}

Result<UiCatalog> UiCatalog::load(const std::filesystem::path& i18n_directory) {
  UiCatalog catalog;
  for (std::string_view language : kUiLanguages) {
    const std::string file_name = std::string(language) + ".json";
    const std::string where = "web/i18n/" + file_name;
    Result<std::string> bytes = read_file(i18n_directory / file_name, kMaxCatalogBytes);
    if (!bytes.is_ok()) return bytes.status();
    const auto parsed = nlohmann::json::parse(*bytes, nullptr, false);
    if (!parsed.is_object()) return Status(StatusCode::kCorrupt, where + " is not a JSON object");
    auto& texts = catalog.texts_[std::string(language)];
    for (const auto& [key, value] : parsed.items()) {
      if (!value.is_string()) {
        return Status(StatusCode::kCorrupt, where + ": key '" + key + "' is not a string");
      }
      texts[key] = value.get<std::string>();
    }
    for (std::string_view key : kMessagePatternKeys) {
      const auto pattern = texts.find(std::string(key));
      if (pattern == texts.end()) continue;  // reported below as a missing key
      if (Status status = check_pattern(pattern->second, language); !status.is_ok()) {
        return Status(StatusCode::kCorrupt, where + ": key '" + std::string(key) +
                                                "' is not a valid MessageFormat pattern (" +
                                                status.message() + ")");
      }
    }
  }
  const auto& english = catalog.texts_.at(std::string(kDefaultUiLanguage));
  for (const auto& [language, texts] : catalog.texts_) {
    for (const auto& [key, text] : english) {
      if (!texts.contains(key)) {
        return Status(StatusCode::kCorrupt,
                      "web/i18n/" + language + ".json lacks the key '" + key + "' of en.json");
      }
    }
  }
  return catalog;
}

const std::string* UiCatalog::find(std::string_view language, const std::string& key) const {
  const auto texts = texts_.find(language);
  if (texts == texts_.end()) return nullptr;
  const auto text = texts->second.find(key);
  return text == texts->second.end() ? nullptr : &text->second;
}

const std::string& UiCatalog::text(std::string_view language, const std::string& key) const {
  const std::string* found = find(language, key);
  JIL_CHECK(found != nullptr);  // views ask only for keys of en.json, which every catalog has
  return *found;
}

const std::map<std::string, std::string>& UiCatalog::texts(std::string_view language) const {
  const auto texts = texts_.find(language);
  JIL_CHECK(texts != texts_.end());  // callers pass one of kUiLanguages
  return texts->second;
}

std::string UiCatalog::format(std::string_view language, const std::string& key,
                              const std::vector<std::pair<std::string, int64_t>>& arguments) const {
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  for (const auto& [name, value] : arguments) {
    names.push_back(icu::UnicodeString::fromUTF8(name));
    values.emplace_back(value);
  }
  UErrorCode error = U_ZERO_ERROR;
  const icu::MessageFormat* pattern = compiled_pattern(language, text(language, key));
  if (!pattern) return text(language, key);  // load() compiled it; not expected
  icu::UnicodeString formatted;
  pattern->format(names.data(), values.data(), static_cast<int32_t>(values.size()), formatted,
                  error);
  if (U_FAILURE(error)) return text(language, key);  // load() compiled it; not expected
  std::string out;
  formatted.toUTF8String(out);
  return out;
}

std::string UiCatalog::format_number(std::string_view language, int64_t number) {
  // One formatter per language and thread: making one cost more than the rest of a results page.
  thread_local std::map<std::string, icu::number::LocalizedNumberFormatter, std::less<>> formatters;
  auto formatter = formatters.find(language);
  if (formatter == formatters.end()) {
    formatter = formatters
                    .emplace(std::string(language), icu::number::NumberFormatter::withLocale(
                                                        icu::Locale(std::string(language).c_str())))
                    .first;
  }
  UErrorCode error = U_ZERO_ERROR;
  const icu::UnicodeString formatted = formatter->second.formatInt(number, error).toString(error);
  if (U_FAILURE(error)) return std::to_string(number);
  std::string out;
  formatted.toUTF8String(out);
  return out;
}

}  // namespace jil::render
