// Names of languages and countries in the interface language, from ICU's locale data (never
// hand-typed tables), and text direction per language.
#pragma once

#include <string>
#include <string_view>

#include "schema/doc_record.h"

namespace jil::render {

std::string language_display_name(std::string_view language_code, std::string_view ui_language);
std::string country_display_name(std::string_view country_code, std::string_view ui_language);
// The lang attribute of a document's text: "zh-Hant" for Traditional Chinese (so that the browser
// picks Traditional glyphs and punctuation), else the language code ("zh", "ar", ...).
std::string html_lang(const schema::DocRecord& record);
// "rtl" for Arabic, "ltr" otherwise.
const char* text_direction(std::string_view language_code);

}  // namespace jil::render
