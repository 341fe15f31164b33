// Tests the text dictionary of ingest/index_writer.cc on real on-disk indexes: the writer trains
// once, when the documents without a dictionary hold enough text, stores it in the metadata and
// recompresses those documents; documents written afterwards use it; every text reads back, also
// after a reopen and from shards split off the index (search/index_splitter.h).
#include "ingest/index_writer.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "sample_prose.h"
#include "schema/document_data.h"
#include "schema/text_dictionary.h"
#include "search/index_splitter.h"
#include "temporary_directory.h"

namespace jil::ingest {
namespace {

// Text per document: enough documents for kMinTrainingBytes make a few hundred.
constexpr size_t kTextPerDocument = 3 * schema::kTextBlockBytes + 100;

class IndexWriterDictionaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<IndexWriter>> writer = IndexWriter::open(path(), 100);
    ASSERT_TRUE(writer.is_ok()) << writer.status().to_string();
    writer_ = std::move(writer).value();
  }

  std::filesystem::path path() const { return folder_.path() / "db"; }

  // Adds `count` documents, their data made with `compressor`; their texts go to texts_.
  void add(size_t count, schema::BlockCompressor& compressor) {
    for (size_t made = 0; made < count; ++made) {
      schema::DocRecord record;
      record.id = "doc-" + std::to_string(texts_.size());
      record.text = sample_prose(kTextPerDocument, texts_.size() + 1);
      Xapian::Document document;
      document.add_boolean_term("Q" + record.id);
      document.set_data(to_document_data(record, {}, compressor));
      const std::vector<std::string> no_words;
      Result<Xapian::docid> docid =
          writer_->add(record.id, document, {"root", record.id}, &no_words);
      ASSERT_TRUE(docid.is_ok()) << docid.status().to_string();
      texts_[*docid] = record.text;
    }
  }
  void add_without_dictionary(size_t count) {
    schema::BlockCompressor plain;
    add(count, plain);
  }
  void commit() {
    Status status = writer_->commit();
    ASSERT_TRUE(status.is_ok()) << status.to_string();
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

  const TemporaryDirectory folder_;
  std::unique_ptr<IndexWriter> writer_;
  std::map<Xapian::docid, std::string> texts_;
};

size_t documents_for(size_t bytes) { return bytes / kTextPerDocument + 1; }

TEST_F(IndexWriterDictionaryTest, TrainsOnceWithEnoughTextAndRecompressesEarlierDocuments) {
  // Below the minimum: committed without a dictionary.
  add_without_dictionary(documents_for(schema::kMinTrainingBytes / 2));
  commit();
  EXPECT_EQ(writer_->text_dictionary(), nullptr);
  EXPECT_TRUE(schema::stored_text_dictionary_ids(Xapian::Database(path().string())).empty());
  // Past it: trained at this commit, over the documents of both commits.
  add_without_dictionary(documents_for(schema::kMinTrainingBytes / 2));
  commit();
  ASSERT_NE(writer_->text_dictionary(), nullptr);
  const uint32_t id = writer_->text_dictionary()->id();
  {
    const Xapian::Database database(path().string());
    EXPECT_EQ(schema::stored_text_dictionary_ids(database), std::vector<uint32_t>{id});
    EXPECT_EQ(database.get_metadata(schema::text_dictionary_key(id)),
              writer_->text_dictionary()->bytes());
    for (const auto& [docid, dictionary] : dictionaries_of(database)) {
      EXPECT_EQ(dictionary, id) << docid;
    }
  }
  // Later documents, built with the dictionary or (in flight at training) without: all use it,
  // and nothing is trained again.
  schema::BlockCompressor with;
  with.use_dictionary(writer_->text_dictionary());
  add(20, with);
  add_without_dictionary(20);
  add_without_dictionary(documents_for(schema::kMinTrainingBytes));
  commit();
  EXPECT_EQ(writer_->text_dictionary()->id(), id);
  const Xapian::Database database(path().string());
  EXPECT_EQ(schema::stored_text_dictionary_ids(database), std::vector<uint32_t>{id});
  const std::map<Xapian::docid, uint32_t> ids = dictionaries_of(database);
  EXPECT_EQ(ids.size(), texts_.size());
  for (const auto& [docid, dictionary] : ids) EXPECT_EQ(dictionary, id) << docid;
}

TEST_F(IndexWriterDictionaryTest, AReopenedWriterKeepsTheDictionaryAndReadersFindIt) {
  add_without_dictionary(documents_for(schema::kMinTrainingBytes));
  commit();
  ASSERT_NE(writer_->text_dictionary(), nullptr);
  const uint32_t id = writer_->text_dictionary()->id();
  writer_.reset();
  Result<std::unique_ptr<IndexWriter>> reopened = IndexWriter::open(path(), 100);
  ASSERT_TRUE(reopened.is_ok()) << reopened.status().to_string();
  writer_ = std::move(reopened).value();
  ASSERT_NE(writer_->text_dictionary(), nullptr);
  EXPECT_EQ(writer_->text_dictionary()->id(), id);
  add_without_dictionary(5);
  commit();
  for (const auto& [docid, dictionary] : dictionaries_of(Xapian::Database(path().string()))) {
    EXPECT_EQ(dictionary, id) << docid;
  }
}

TEST_F(IndexWriterDictionaryTest, ShardsSplitFromTheIndexReadEveryText) {
  add_without_dictionary(documents_for(schema::kMinTrainingBytes));
  commit();
  ASSERT_NE(writer_->text_dictionary(), nullptr);
  writer_.reset();
  std::filesystem::create_directory(folder_.path() / "shards");  // as jil-shard's OUTDIR
  Result<std::vector<std::filesystem::path>> shards =
      search::split_index(path(), 3, folder_.path() / "shards");
  ASSERT_TRUE(shards.is_ok()) << shards.status().to_string();
  Xapian::Database combined;
  for (const std::filesystem::path& shard : *shards) {
    combined.add_database(Xapian::Database(shard.string()));
  }
  const std::map<Xapian::docid, uint32_t> ids = dictionaries_of(combined);
  EXPECT_EQ(ids.size(), texts_.size());
}

TEST_F(IndexWriterDictionaryTest, ADocumentNamingAMissingDictionaryIsCorrupt) {
  add_without_dictionary(documents_for(schema::kMinTrainingBytes));
  commit();
  ASSERT_NE(writer_->text_dictionary(), nullptr);
  writer_.reset();
  {
    Xapian::WritableDatabase database(path().string());
    database.set_metadata(
        schema::text_dictionary_key(*schema::stored_text_dictionary_ids(database).begin()),
        "");  // "" deletes the key
    database.commit();
  }
  const Xapian::Database database(path().string());
  schema::BlockDecompressor decompressor = schema::BlockDecompressor::for_index(database);
  Result<schema::HitData> hit =
      schema::read_hit_data(database.get_document(1).get_data(), decompressor);
  ASSERT_FALSE(hit.is_ok());
  EXPECT_EQ(hit.status().code(), StatusCode::kCorrupt);
}

}  // namespace
}  // namespace jil::ingest
