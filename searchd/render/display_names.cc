// Implementation of display_names.h through icu::Locale; each thread keeps the names it made,
// since asking ICU costs more than the rest of a facet value.
#include "render/display_names.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <functional>
#include <map>

#include "analysis/language.h"

namespace jil::render {
namespace {

// At most this many names per thread: codes come from the index and from request filters, so a
// client could send many; past the bound the cache starts afresh.
constexpr size_t kMaxCachedDisplayNamesPerThread = 4096;

// `make()` for (kind, code, ui_language), asked once per thread.
template <typename Make>
const std::string& cached(char kind, std::string_view code, std::string_view ui_language,
                          const Make& make) {
  thread_local std::map<std::string, std::string, std::less<>> names;
  std::string key;
  key.reserve(code.size() + ui_language.size() + 2);
  key += kind;
  key += ui_language;
  key += '\n';
  key += code;
  if (const auto found = names.find(key); found != names.end()) return found->second;
  if (names.size() >= kMaxCachedDisplayNamesPerThread) names.clear();
  return names.emplace(std::move(key), make()).first->second;
}

std::string make_language_name(std::string_view language_code, std::string_view ui_language) {
  icu::UnicodeString name;
  icu::Locale(std::string(language_code).c_str())
      .getDisplayLanguage(icu::Locale(std::string(ui_language).c_str()), name);
  std::string out;
  name.toUTF8String(out);
  return out.empty() ? std::string(language_code) : out;
}

std::string make_country_name(std::string_view country_code, std::string_view ui_language) {
  icu::UnicodeString name;
  icu::Locale(("und_" + std::string(country_code)).c_str())
      .getDisplayCountry(icu::Locale(std::string(ui_language).c_str()), name);
  std::string out;
  name.toUTF8String(out);
  return out.empty() ? std::string(country_code) : out;
}

}  // namespace

std::string language_display_name(std::string_view language_code, std::string_view ui_language) {
  return cached('l', language_code, ui_language,
                [&] { return make_language_name(language_code, ui_language); });
}

std::string country_display_name(std::string_view country_code, std::string_view ui_language) {
  return cached('c', country_code, ui_language,
                [&] { return make_country_name(country_code, ui_language); });
}

const char* text_direction(std::string_view language_code) {
  return language_code == "ar" ? "rtl" : "ltr";
}

std::string html_lang(const schema::DocRecord& record) {
  const std::string code(analysis::language_code(record.language));
  return record.script == "Hant" ? code + "-Hant" : code;
}

}  // namespace jil::render
