// Implementation of language_dictionaries.h.
#include "schema/language_dictionaries.h"

#include "schema/value_slots.h"

namespace jil::schema {

std::string text_dictionary_for_key(std::string_view language) {
  return std::string(kTextDictionaryForKeyPrefix) + std::string(language);
}

std::string dictionary_language_of(const Xapian::Document& document) {
  std::string language = document.get_value(kLanguageSlot);
  return language.empty() ? std::string(kNoLanguage) : language;
}

std::shared_ptr<const TextDictionary> LanguageDictionaries::for_language(
    std::string_view language) const {
  std::shared_ptr<const TextDictionary> dictionary = own(language);
  return dictionary ? dictionary : fallback_;
}

std::shared_ptr<const TextDictionary> LanguageDictionaries::own(std::string_view language) const {
  const auto found = by_language_.find(language);
  return found == by_language_.end() ? nullptr : found->second;
}

}  // namespace jil::schema
