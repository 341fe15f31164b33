// Tests the text dictionary of one language (ingest/text_dictionaries.h) through
// ingest/index_writer.cc on real on-disk indexes: the writer trains once, when the language's
// documents without a dictionary hold enough text, stores it in the metadata and recompresses
// those documents; documents written afterwards use it; every text reads back, also after a
// reopen and from shards split off the index (search/index_splitter.h).
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "dictionary_test_index.h"
#include "schema/text_dictionary.h"
#include "search/index_splitter.h"

namespace jil::ingest {
namespace {

using IndexWriterDictionaryTest = DictionaryTestIndex;

TEST_F(IndexWriterDictionaryTest, TrainsOnceWithEnoughTextAndRecompressesEarlierDocuments) {
  // Below the minimum: committed without a dictionary.
  add_without_dictionary(documents_for(schema::kMinTrainingBytes / 2), "en");
  commit();
  EXPECT_EQ(own_id("en"), 0u);
  EXPECT_TRUE(schema::stored_text_dictionary_ids(Xapian::Database(path().string())).empty());
  // Past it: trained at this commit, over the documents of both commits.
  add_without_dictionary(documents_for(schema::kMinTrainingBytes / 2), "en");
  commit();
  const uint32_t id = own_id("en");
  ASSERT_NE(id, 0u);
  {
    const Xapian::Database database(path().string());
    EXPECT_EQ(schema::stored_text_dictionary_ids(database), std::vector<uint32_t>{id});
    EXPECT_EQ(database.get_metadata(schema::text_dictionary_key(id)),
              writer_->text_dictionaries()->own("en")->bytes());
    EXPECT_EQ(database.get_metadata(schema::text_dictionary_for_key("en")), std::to_string(id));
    for (const auto& [docid, dictionary] : dictionaries_of(database)) {
      EXPECT_EQ(dictionary, id) << docid;
    }
  }
  // Later documents, built with the dictionary or (in flight at training) without: all use it,
  // and nothing is trained again.
  schema::BlockCompressor with;
  with.use_dictionary(writer_->text_dictionaries()->for_language("en"));
  add(20, "en", with);
  add_without_dictionary(20, "en");
  add_without_dictionary(documents_for(schema::kMinTrainingBytes), "en");
  commit();
  EXPECT_EQ(own_id("en"), id);
  EXPECT_EQ(writer_->text_without_dictionary("en"), 0u);
  const Xapian::Database database(path().string());
  EXPECT_EQ(schema::stored_text_dictionary_ids(database), std::vector<uint32_t>{id});
  const std::map<Xapian::docid, uint32_t> ids = dictionaries_of(database);
  EXPECT_EQ(ids.size(), texts_.size());
  for (const auto& [docid, dictionary] : ids) EXPECT_EQ(dictionary, id) << docid;
}

TEST_F(IndexWriterDictionaryTest, AReopenedWriterKeepsTheDictionaryAndReadersFindIt) {
  add_without_dictionary(documents_for(schema::kMinTrainingBytes), "en");
  commit();
  const uint32_t id = own_id("en");
  ASSERT_NE(id, 0u);
  reopen();
  EXPECT_EQ(own_id("en"), id);
  add_without_dictionary(5, "en");
  commit();
  for (const auto& [docid, dictionary] : dictionaries_of_index()) {
    EXPECT_EQ(dictionary, id) << docid;
  }
}

TEST_F(IndexWriterDictionaryTest, ShardsSplitFromTheIndexReadEveryText) {
  add_without_dictionary(documents_for(schema::kMinTrainingBytes), "en");
  add_without_dictionary(documents_for(schema::kMinTrainingBytes), "ar");
  commit();
  ASSERT_NE(own_id("en"), 0u);
  ASSERT_NE(own_id("ar"), 0u);
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
  add_without_dictionary(documents_for(schema::kMinTrainingBytes), "en");
  commit();
  ASSERT_NE(own_id("en"), 0u);
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
