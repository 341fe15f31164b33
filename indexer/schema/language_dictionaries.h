// Which text dictionary (text_dictionary.h) compresses the document data of each document
// language: the index's writer trains one per language (ingest/text_dictionaries.h), as a
// dictionary made from one language's text serves that language's blocks better than one made
// from a mix. The document data names its dictionary by id, so readers never need this: only the
// writer and the document builders choose. Immutable: share it between threads.
#pragma once

#include <xapian.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "schema/text_dictionary.h"

namespace jil::schema {

// Metadata key prefix naming the dictionary of a language: the key ends with the language's
// code (as the language slot holds it), the value is the dictionary's id in decimal. An index
// whose writer predates it has dictionaries and none of these keys.
inline constexpr std::string_view kTextDictionaryForKeyPrefix = "jil:text-dictionary-for:";
// The language of a document whose language slot is empty (documents made outside the builder).
inline constexpr std::string_view kNoLanguage = "und";

// The metadata key naming the dictionary of `language`.
std::string text_dictionary_for_key(std::string_view language);
// The language a document's data is compressed for: its language slot, or kNoLanguage.
std::string dictionary_language_of(const Xapian::Document& document);

class LanguageDictionaries {
 public:
  using ByLanguage = std::map<std::string, std::shared_ptr<const TextDictionary>, std::less<>>;

  LanguageDictionaries() = default;
  // `fallback`: the dictionary of an index written before there was one per language, for the
  // languages without their own (null: none).
  LanguageDictionaries(ByLanguage by_language, std::shared_ptr<const TextDictionary> fallback)
      : by_language_(std::move(by_language)), fallback_(std::move(fallback)) {}

  // The dictionary of documents in `language`: its own, else the fallback, else null.
  std::shared_ptr<const TextDictionary> for_language(std::string_view language) const;
  // The language's own dictionary, null when it has none.
  std::shared_ptr<const TextDictionary> own(std::string_view language) const;
  const ByLanguage& by_language() const { return by_language_; }
  const std::shared_ptr<const TextDictionary>& fallback() const { return fallback_; }

 private:
  ByLanguage by_language_;
  std::shared_ptr<const TextDictionary> fallback_;
};

}  // namespace jil::schema
