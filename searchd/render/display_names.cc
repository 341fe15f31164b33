// Implementation of display_names.h through icu::Locale.
#include "render/display_names.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace jil::render {

std::string language_display_name(std::string_view language_code, std::string_view ui_language) {
  icu::UnicodeString name;
  icu::Locale(std::string(language_code).c_str())
      .getDisplayLanguage(icu::Locale(std::string(ui_language).c_str()), name);
  std::string out;
  name.toUTF8String(out);
  return out.empty() ? std::string(language_code) : out;
}

std::string country_display_name(std::string_view country_code, std::string_view ui_language) {
  icu::UnicodeString name;
  icu::Locale(("und_" + std::string(country_code)).c_str())
      .getDisplayCountry(icu::Locale(std::string(ui_language).c_str()), name);
  std::string out;
  name.toUTF8String(out);
  return out.empty() ? std::string(country_code) : out;
}

const char* text_direction(std::string_view language_code) {
  return language_code == "ar" ? "rtl" : "ltr";
}

}  // namespace jil::render
