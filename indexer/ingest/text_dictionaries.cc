// Implementation of text_dictionaries.h.
#include "ingest/text_dictionaries.h"

#include <charconv>
#include <set>
#include <vector>

#include "schema/document_data.h"
#include "schema/value_slots.h"

namespace jil::ingest {
namespace {

using schema::TextDictionary;

// The dictionary id a "-for:" key's value names; 0 when it names none.
uint32_t parse_id(const std::string& value) {
  uint32_t id = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), id);
  return error == std::errc() && end == value.data() + value.size() ? id : 0;
}

bool without_dictionary(std::string_view data) {
  const Result<uint32_t> dictionary = schema::document_data_dictionary(data);
  return dictionary.is_ok() && *dictionary == 0;
}

// Calls `visit(docid, language)` for every document of `database`, in docid order: its language
// slot (schema::dictionary_language_of) read from the slot's value stream, much cheaper than a
// look-up per document.
template <typename Visit>
void for_each_language(const Xapian::Database& database, Visit visit) {
  auto value = database.valuestream_begin(schema::kLanguageSlot);
  const auto values_end = database.valuestream_end(schema::kLanguageSlot);
  const std::string none(schema::kNoLanguage);
  for (auto posting = database.postlist_begin(""); posting != database.postlist_end("");
       ++posting) {
    const Xapian::docid docid = *posting;
    if (value != values_end && value.get_docid() < docid) value.skip_to(docid);
    const bool has = value != values_end && value.get_docid() == docid && !(*value).empty();
    visit(docid, has ? *value : none);
  }
}

// The documents of one language without a dictionary, and their plain text to train on.
struct Training {
  std::vector<Xapian::docid> without;
  std::vector<std::string> samples;
  size_t sampled = 0;
};

}  // namespace

Result<TextDictionaries> TextDictionaries::load(const Xapian::Database& database,
                                                schema::BlockDecompressor& decompressor) {
  const std::vector<uint32_t> ids = schema::stored_text_dictionary_ids(database);
  const std::set<uint32_t> stored(ids.begin(), ids.end());
  std::map<uint32_t, std::shared_ptr<const TextDictionary>> made;  // by id: languages may share
  auto dictionary = [&](uint32_t id) -> Result<std::shared_ptr<const TextDictionary>> {
    if (const auto found = made.find(id); found != made.end()) return found->second;
    Result<std::shared_ptr<const TextDictionary>> read =
        TextDictionary::from_bytes(schema::stored_text_dictionary(database, id));
    if (read.is_ok()) made[id] = *read;
    return read;
  };

  schema::LanguageDictionaries::ByLanguage by_language;
  bool mapped = false;
  const std::string prefix(schema::kTextDictionaryForKeyPrefix);
  for (auto key = database.metadata_keys_begin(prefix); key != database.metadata_keys_end(prefix);
       ++key) {
    mapped = true;
    const std::string language = (*key).substr(prefix.size());
    const uint32_t id = parse_id(database.get_metadata(*key));
    if (language.empty() || !stored.contains(id)) continue;  // damaged: the language trains again
    Result<std::shared_ptr<const TextDictionary>> read = dictionary(id);
    if (!read.is_ok()) return read.status();
    by_language[language] = std::move(read).value();
  }
  // Written before there was a dictionary per language: any one serves every language (a merged
  // index may hold one per shard it came from).
  std::shared_ptr<const TextDictionary> fallback;
  if (!mapped && !ids.empty()) {
    Result<std::shared_ptr<const TextDictionary>> read = dictionary(ids[0]);
    if (!read.is_ok()) return read.status();
    fallback = std::move(read).value();
  }

  TextDictionaries loaded;
  loaded.current_ =
      std::make_shared<const schema::LanguageDictionaries>(std::move(by_language), fallback);
  if (fallback) return loaded;  // nothing is written without a dictionary any more
  for_each_language(database, [&](Xapian::docid docid, const std::string& language) {
    if (loaded.current_->own(language)) return;
    const std::string data = database.get_document(docid).get_data();
    if (without_dictionary(data)) loaded.count(language, data, decompressor);
  });
  return loaded;
}

Xapian::Document TextDictionaries::prepared(const Xapian::Document& document,
                                            schema::BlockDecompressor& decompressor) {
  const std::string data = document.get_data();
  if (!without_dictionary(data)) return document;
  const std::string language = schema::dictionary_language_of(document);
  std::shared_ptr<const TextDictionary> dictionary = current_->for_language(language);
  if (!dictionary) {
    count(language, data, decompressor);
    return document;
  }
  compressor_.use_dictionary(std::move(dictionary));
  Result<std::string> recompressed =
      schema::recompressed_document_data(data, decompressor, compressor_);
  if (!recompressed.is_ok()) return document;  // left as it came: `check` reports damaged data
  Xapian::Document encoded = document;
  encoded.set_data(*recompressed);
  return encoded;
}

void TextDictionaries::count(const std::string& language, std::string_view data,
                             schema::BlockDecompressor& decompressor) {
  Result<schema::HitData> hit = schema::read_hit_data(data, decompressor);
  if (hit.is_ok()) text_without_[language] += hit->text_size;
}

size_t TextDictionaries::text_without_dictionary(const std::string& language) const {
  const auto found = text_without_.find(language);
  return found == text_without_.end() ? 0 : found->second;
}

size_t TextDictionaries::threshold(const std::string& language) const {
  const auto found = threshold_.find(language);
  return found == threshold_.end() ? schema::kMinTrainingBytes : found->second;
}

void TextDictionaries::train_due(Xapian::WritableDatabase& database,
                                 schema::BlockDecompressor& decompressor) {
  std::map<std::string, Training> due;
  for (const auto& [language, bytes] : text_without_) {
    if (bytes >= threshold(language)) due[language];
  }
  if (due.empty()) return;
  for_each_language(database, [&](Xapian::docid docid, const std::string& name) {
    const auto training = due.find(name);
    if (training == due.end()) return;
    const std::string data = database.get_document(docid).get_data();
    if (!without_dictionary(data)) return;
    Training& language = training->second;
    language.without.push_back(docid);
    if (language.sampled >= schema::kMaxTrainingBytes) return;
    Result<std::vector<std::string>> taken = schema::document_data_samples(data, decompressor);
    if (!taken.is_ok()) return;  // damaged: `check` reports it
    for (std::string& sample : *taken) {
      language.sampled += sample.size();
      language.samples.push_back(std::move(sample));
    }
  });

  schema::LanguageDictionaries::ByLanguage by_language = current_->by_language();
  for (auto& [language, training] : due) {
    text_without_[language] = training.sampled;  // what there really is, after replacements
    if (training.sampled < threshold(language)) continue;
    Result<std::shared_ptr<const TextDictionary>> trained = TextDictionary::train(training.samples);
    if (!trained.is_ok()) {
      threshold_[language] = 2 * threshold(language);  // try again with more text
      continue;
    }
    const std::shared_ptr<const TextDictionary>& dictionary = *trained;
    database.set_metadata(schema::text_dictionary_key(dictionary->id()), dictionary->bytes());
    database.set_metadata(schema::text_dictionary_for_key(language),
                          std::to_string(dictionary->id()));
    compressor_.use_dictionary(dictionary);
    for (const Xapian::docid docid : training.without) {
      Xapian::Document document = database.get_document(docid);
      Result<std::string> recompressed =
          schema::recompressed_document_data(document.get_data(), decompressor, compressor_);
      if (!recompressed.is_ok()) continue;  // left as it is: `check` reports damaged data
      document.set_data(*recompressed);
      database.replace_document(docid, document);
    }
    by_language[language] = dictionary;
    text_without_.erase(language);
  }
  current_ = std::make_shared<const schema::LanguageDictionaries>(std::move(by_language),
                                                                  current_->fallback());
}

}  // namespace jil::ingest
