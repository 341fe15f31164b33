// A fixture for the tests of the writer's text dictionaries: an on-disk index written through
// IndexWriter with documents of generated prose in a given language (its language slot, as the
// document builder sets it), and a reader checking every text against the one written.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ingest/index_writer.h"
#include "sample_prose.h"
#include "schema/document_data.h"
#include "schema/language_dictionaries.h"
#include "schema/value_slots.h"
#include "temporary_directory.h"

namespace jil::ingest {

// Text per document: enough documents for kMinTrainingBytes make a hundred or more.
inline constexpr size_t kTextPerDocument = 3 * schema::kTextBlockBytes + 100;

// Documents whose text adds up to at least `bytes`.
inline size_t documents_for(size_t bytes) { return bytes / kTextPerDocument + 1; }

class DictionaryTestIndex : public ::testing::Test {
 protected:
  void SetUp() override { reopen(); }

  std::filesystem::path path() const { return folder_.path() / "db"; }

  // Closes the writer, if open, and opens the index at `at` (path() when empty) again.
  void reopen(const std::filesystem::path& at = {}) {
    writer_.reset();
    Result<std::unique_ptr<IndexWriter>> writer = IndexWriter::open(at.empty() ? path() : at, 100);
    ASSERT_TRUE(writer.is_ok()) << writer.status().to_string();
    writer_ = std::move(writer).value();
  }

  // Adds `count` documents in `language`, their data made with `compressor`; returns their docids.
  std::vector<Xapian::docid> add(size_t count, const std::string& language,
                                 schema::BlockCompressor& compressor) {
    std::vector<Xapian::docid> added;
    for (size_t made = 0; made < count; ++made) {
      schema::DocRecord record;
      record.id = "doc-" + std::to_string(++made_);
      record.text = sample_prose(kTextPerDocument, made_);
      Xapian::Document document;
      document.add_boolean_term("Q" + record.id);
      document.add_value(schema::kLanguageSlot, language);
      document.set_data(to_document_data(record, {}, compressor));
      const std::vector<std::string> no_words;
      Result<Xapian::docid> docid =
          writer_->add(record.id, document, {"root", record.id}, &no_words);
      EXPECT_TRUE(docid.is_ok()) << docid.status().to_string();
      if (!docid.is_ok()) break;
      texts_[*docid] = record.text;
      added.push_back(*docid);
    }
    return added;
  }
  std::vector<Xapian::docid> add_without_dictionary(size_t count, const std::string& language) {
    schema::BlockCompressor plain;
    return add(count, language, plain);
  }
  void commit() {
    Status status = writer_->commit();
    ASSERT_TRUE(status.is_ok()) << status.to_string();
  }
  // The writer's own dictionary of `language`: 0 when it has none.
  uint32_t own_id(const std::string& language) const {
    const auto dictionary = writer_->text_dictionaries()->own(language);
    return dictionary ? dictionary->id() : 0;
  }

  // Every document's dictionary id, and each text checked against the one written.
  std::map<Xapian::docid, uint32_t> dictionaries_of(const Xapian::Database& database) {
    std::map<Xapian::docid, uint32_t> ids;
    schema::BlockDecompressor decompressor = schema::BlockDecompressor::for_index(database);
    for (auto posting = database.postlist_begin(""); posting != database.postlist_end("");
         ++posting) {
      const std::string data = database.get_document(*posting).get_data();
      Result<schema::DocRecord> record = schema::from_document_data(data, decompressor);
      EXPECT_TRUE(record.is_ok()) << *posting << ": " << record.status().to_string();
      if (record.is_ok()) {
        EXPECT_EQ(record->text, texts_[*posting]) << *posting;
      }
      ids[*posting] = *schema::document_data_dictionary(data);
    }
    return ids;
  }
  std::map<Xapian::docid, uint32_t> dictionaries_of_index() {
    return dictionaries_of(Xapian::Database(path().string()));
  }

  const TemporaryDirectory folder_;
  std::unique_ptr<IndexWriter> writer_;
  std::map<Xapian::docid, std::string> texts_;
  size_t made_ = 0;  // documents made, for their ids and texts
};

}  // namespace jil::ingest
