// Implementation of facet_labels.h.
#include "render/facet_labels.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include "render/display_names.h"
#include "thesaurus/thesaurus.h"

namespace jil::render {

using schema::Facet;

std::string FacetLabels::value(Facet facet, const std::string& id) const {
  if (facet == Facet::kLanguage) return language_display_name(id, ui_language_);
  if (facet == Facet::kCountry) return country_display_name(id, ui_language_);
  if (facet == Facet::kYear) return id;
  if (facet == Facet::kConcept) {
    const auto language = analysis::parse_language(ui_language_);
    return thesaurus::Thesaurus::built_in().preferred_label(
        id, language ? *language : analysis::Language::kEn);
  }
  const std::string key = std::string(schema::facet_name(facet)) + "." + id;
  if (const std::string* text = catalog_.find(ui_language_, key)) return *text;
  return schema::Vocabulary::built_in().label(facet, id);
}

std::string FacetLabels::listed(Facet facet, const std::string& id) const {
  const std::string name = value(facet, id);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(name);
  if (text.isEmpty() || !u_islower(text.char32At(0))) return name;
  const int32_t first_length = U16_LENGTH(text.char32At(0));
  icu::UnicodeString first = text.tempSubString(0, first_length);
  first.toUpper(icu::Locale(std::string(ui_language_).c_str()));
  icu::UnicodeString capitalised = first + text.tempSubString(first_length);
  std::string out;
  capitalised.toUTF8String(out);
  return out;
}

std::string FacetLabels::joined(Facet facet, const std::vector<std::string>& ids) const {
  const std::string& separator = catalog_.text(ui_language_, "list_separator");
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : separator) + value(facet, id);
  return out;
}

}  // namespace jil::render
