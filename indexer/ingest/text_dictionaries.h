// The index writer's text dictionaries, one per document language (schema/language_dictionaries.h):
// documents of a language without its dictionary yet are stored without one and their text is
// counted per language; at the first commit after which a language's documents without one hold
// schema::kMinTrainingBytes of text, the writer trains that language's dictionary on them, stores
// it ("jil:text-dictionary:<id>", and "jil:text-dictionary-for:<language>" naming it) and
// recompresses them, in that commit's transaction. Other languages' documents are not touched.
// An index written before there was one per language (dictionaries, no "-for:" keys) keeps its
// dictionary for every language. A "-for:" key naming no stored dictionary is ignored: its
// language trains again, as readers need only the ids in the document data. Not thread-safe.
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <string>

#include "base/status.h"
#include "schema/compressed_block.h"
#include "schema/language_dictionaries.h"

namespace jil::ingest {

class TextDictionaries {
 public:
  // The dictionaries of `database` and the text of its documents without one, per language;
  // kCorrupt when a stored dictionary is damaged. Xapian errors propagate.
  static Result<TextDictionaries> load(const Xapian::Database& database,
                                       schema::BlockDecompressor& decompressor);

  // What documents of each language are compressed with now. Changes only in train_due().
  std::shared_ptr<const schema::LanguageDictionaries> current() const { return current_; }
  // `document` with its data recompressed with its language's dictionary when it was made
  // without one (in flight while that was trained); else as it is, its text counted when its
  // language has no dictionary yet.
  Xapian::Document prepared(const Xapian::Document& document,
                            schema::BlockDecompressor& decompressor);
  // Trains the dictionary of each language whose documents without one hold enough text, stores
  // it and recompresses them (inside the caller's open transaction).
  void train_due(Xapian::WritableDatabase& database, schema::BlockDecompressor& decompressor);
  // Bytes of text of `language`'s documents without a dictionary, as counted.
  size_t text_without_dictionary(const std::string& language) const;

 private:
  // The text `language`'s documents without a dictionary need before it trains.
  size_t threshold(const std::string& language) const;
  // Counts the text of a document whose data names no dictionary.
  void count(const std::string& language, std::string_view data,
             schema::BlockDecompressor& decompressor);

  std::shared_ptr<const schema::LanguageDictionaries> current_ =
      std::make_shared<const schema::LanguageDictionaries>();
  std::map<std::string, size_t> text_without_;  // bytes, per language without a dictionary
  std::map<std::string, size_t> threshold_;     // per language: doubled after a failed training
  schema::BlockCompressor compressor_;          // switched to each document's dictionary
};

}  // namespace jil::ingest
