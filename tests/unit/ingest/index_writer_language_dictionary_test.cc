// Tests the text dictionaries per document language (ingest/text_dictionaries.h) through
// ingest/index_writer.cc on real on-disk indexes: each language trains on its own documents when
// their text reaches the threshold, its documents name its dictionary and other languages' stay
// as they were; a reopened writer finds each language's dictionary again; an index with one
// dictionary for all languages (written before) keeps using it; a damaged "-for:" key is
// ignored (its language trains again); shards merged by compaction keep every dictionary.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "dictionary_test_index.h"
#include "schema/text_dictionary.h"

namespace jil::ingest {
namespace {

using IndexWriterLanguageDictionaryTest = DictionaryTestIndex;

// The dictionary id of each of `docids` in `ids`, as a set.
std::set<uint32_t> ids_of(const std::map<Xapian::docid, uint32_t>& ids,
                          const std::vector<Xapian::docid>& docids) {
  std::set<uint32_t> found;
  for (const Xapian::docid docid : docids) found.insert(ids.at(docid));
  return found;
}

TEST_F(IndexWriterLanguageDictionaryTest, EachLanguageTrainsWhenItsOwnTextReachesTheThreshold) {
  // Together past the threshold, each below it: nothing trains.
  const std::vector<Xapian::docid> english =
      add_without_dictionary(documents_for(schema::kMinTrainingBytes / 2), "en");
  const std::vector<Xapian::docid> arabic =
      add_without_dictionary(documents_for(schema::kMinTrainingBytes / 2), "ar");
  commit();
  EXPECT_EQ(own_id("en"), 0u);
  EXPECT_EQ(own_id("ar"), 0u);
  EXPECT_GE(writer_->text_without_dictionary("en"), schema::kMinTrainingBytes / 2);
  EXPECT_LT(writer_->text_without_dictionary("en"), schema::kMinTrainingBytes);
  EXPECT_TRUE(schema::stored_text_dictionary_ids(Xapian::Database(path().string())).empty());

  // English past it: only English trains, on English documents of both commits.
  const std::vector<Xapian::docid> more_english =
      add_without_dictionary(documents_for(schema::kMinTrainingBytes / 2), "en");
  commit();
  const uint32_t en = own_id("en");
  ASSERT_NE(en, 0u);
  EXPECT_EQ(own_id("ar"), 0u);
  EXPECT_EQ(writer_->text_dictionaries()->for_language("ar"), nullptr);
  {
    const std::map<Xapian::docid, uint32_t> ids = dictionaries_of_index();
    EXPECT_EQ(ids_of(ids, english), std::set<uint32_t>{en});
    EXPECT_EQ(ids_of(ids, more_english), std::set<uint32_t>{en});
    EXPECT_EQ(ids_of(ids, arabic), std::set<uint32_t>{0});
  }

  // An Arabic document in flight stays without one; then Arabic past it trains its own.
  schema::BlockCompressor with_english;
  with_english.use_dictionary(writer_->text_dictionaries()->for_language("en"));
  const std::vector<Xapian::docid> later_english = add(3, "en", with_english);
  const std::vector<Xapian::docid> english_in_flight = add_without_dictionary(3, "en");
  const std::vector<Xapian::docid> more_arabic =
      add_without_dictionary(documents_for(schema::kMinTrainingBytes / 2), "ar");
  commit();
  const uint32_t ar = own_id("ar");
  ASSERT_NE(ar, 0u);
  EXPECT_NE(ar, en);
  EXPECT_EQ(own_id("en"), en);
  const Xapian::Database database(path().string());
  const std::vector<uint32_t> stored = schema::stored_text_dictionary_ids(database);
  EXPECT_EQ(std::set<uint32_t>(stored.begin(), stored.end()), (std::set<uint32_t>{en, ar}));
  EXPECT_EQ(database.get_metadata(schema::text_dictionary_for_key("en")), std::to_string(en));
  EXPECT_EQ(database.get_metadata(schema::text_dictionary_for_key("ar")), std::to_string(ar));
  const std::map<Xapian::docid, uint32_t> ids = dictionaries_of(database);
  EXPECT_EQ(ids.size(), texts_.size());
  EXPECT_EQ(ids_of(ids, english), std::set<uint32_t>{en});
  EXPECT_EQ(ids_of(ids, later_english), std::set<uint32_t>{en});
  EXPECT_EQ(ids_of(ids, english_in_flight), std::set<uint32_t>{en});
  EXPECT_EQ(ids_of(ids, arabic), std::set<uint32_t>{ar});
  EXPECT_EQ(ids_of(ids, more_arabic), std::set<uint32_t>{ar});
}

TEST_F(IndexWriterLanguageDictionaryTest, AReopenedWriterFindsEachLanguagesDictionary) {
  add_without_dictionary(documents_for(schema::kMinTrainingBytes), "en");
  add_without_dictionary(documents_for(schema::kMinTrainingBytes), "fr");
  const std::vector<Xapian::docid> arabic = add_without_dictionary(10, "ar");
  commit();
  const uint32_t en = own_id("en");
  const uint32_t fr = own_id("fr");
  ASSERT_NE(en, 0u);
  ASSERT_NE(fr, 0u);
  const size_t arabic_text = writer_->text_without_dictionary("ar");
  EXPECT_GE(arabic_text, 10 * kTextPerDocument);
  reopen();
  EXPECT_EQ(own_id("en"), en);
  EXPECT_EQ(own_id("fr"), fr);
  EXPECT_EQ(own_id("ar"), 0u);
  EXPECT_EQ(writer_->text_dictionaries()->fallback(), nullptr);
  EXPECT_EQ(writer_->text_without_dictionary("ar"), arabic_text);  // counted again at the open
  EXPECT_EQ(writer_->text_without_dictionary("en"), 0u);
  const std::vector<Xapian::docid> english = add_without_dictionary(2, "en");
  const std::vector<Xapian::docid> french = add_without_dictionary(2, "fr");
  commit();
  const std::map<Xapian::docid, uint32_t> ids = dictionaries_of_index();
  EXPECT_EQ(ids_of(ids, english), std::set<uint32_t>{en});
  EXPECT_EQ(ids_of(ids, french), std::set<uint32_t>{fr});
  EXPECT_EQ(ids_of(ids, arabic), std::set<uint32_t>{0});
  // The Arabic documents of before the reopen count towards Arabic's threshold.
  const std::vector<Xapian::docid> more_arabic =
      add_without_dictionary(documents_for(schema::kMinTrainingBytes - arabic_text), "ar");
  commit();
  const uint32_t ar = own_id("ar");
  ASSERT_NE(ar, 0u);
  const std::map<Xapian::docid, uint32_t> trained = dictionaries_of_index();
  EXPECT_EQ(ids_of(trained, arabic), std::set<uint32_t>{ar});
  EXPECT_EQ(ids_of(trained, more_arabic), std::set<uint32_t>{ar});
}

TEST_F(IndexWriterLanguageDictionaryTest, AnIndexWithOneDictionaryForAllKeepsUsingIt) {
  // As a writer of before made it: one dictionary, trained on every language, and no "-for:" key.
  add_without_dictionary(documents_for(schema::kMinTrainingBytes), "en");
  const std::vector<Xapian::docid> arabic = add_without_dictionary(5, "ar");
  commit();
  const uint32_t only = own_id("en");
  ASSERT_NE(only, 0u);
  writer_.reset();
  {
    Xapian::WritableDatabase database(path().string());
    database.set_metadata(schema::text_dictionary_for_key("en"), "");  // "" deletes the key
    const std::string bytes = database.get_metadata(schema::text_dictionary_key(only));
    schema::BlockCompressor compressor;
    compressor.use_dictionary(*schema::TextDictionary::from_bytes(bytes));
    schema::BlockDecompressor decompressor = schema::BlockDecompressor::for_index(database);
    for (const Xapian::docid docid : arabic) {
      Xapian::Document document = database.get_document(docid);
      document.set_data(
          *schema::recompressed_document_data(document.get_data(), decompressor, compressor));
      database.replace_document(docid, document);
    }
    database.commit();
  }
  reopen();
  ASSERT_NE(writer_->text_dictionaries()->fallback(), nullptr);
  EXPECT_EQ(writer_->text_dictionaries()->fallback()->id(), only);
  EXPECT_TRUE(writer_->text_dictionaries()->by_language().empty());
  EXPECT_EQ(writer_->text_dictionaries()->for_language("zh")->id(), only);
  // New documents of every language use it; none trains, however much text comes.
  const std::vector<Xapian::docid> chinese =
      add_without_dictionary(documents_for(schema::kMinTrainingBytes), "zh");
  const std::vector<Xapian::docid> english = add_without_dictionary(3, "en");
  commit();
  EXPECT_EQ(own_id("zh"), 0u);
  const Xapian::Database database(path().string());
  EXPECT_EQ(schema::stored_text_dictionary_ids(database), std::vector<uint32_t>{only});
  const std::map<Xapian::docid, uint32_t> ids = dictionaries_of(database);
  EXPECT_EQ(ids.size(), texts_.size());
  for (const auto& [docid, dictionary] : ids) EXPECT_EQ(dictionary, only) << docid;
}

TEST_F(IndexWriterLanguageDictionaryTest, ADamagedLanguageKeyIsIgnoredAndTheLanguageTrainsAgain) {
  const std::vector<Xapian::docid> english =
      add_without_dictionary(documents_for(schema::kMinTrainingBytes), "en");
  add_without_dictionary(documents_for(schema::kMinTrainingBytes), "fr");
  commit();
  const uint32_t en = own_id("en");
  const uint32_t fr = own_id("fr");
  ASSERT_NE(en, 0u);
  ASSERT_NE(fr, 0u);
  for (const std::string damaged : {"not a number", "", "4294967296", "12345"}) {
    SCOPED_TRACE("-for:en = \"" + damaged + "\"");
    writer_.reset();
    {
      Xapian::WritableDatabase database(path().string());
      // "" deletes the key: then "-for:fr" alone says the index has a dictionary per language.
      database.set_metadata(schema::text_dictionary_for_key("en"), damaged);
      database.commit();
    }
    reopen();
    EXPECT_EQ(own_id("en"), 0u);
    EXPECT_EQ(own_id("fr"), fr);
    EXPECT_EQ(writer_->text_dictionaries()->fallback(), nullptr);
    EXPECT_EQ(writer_->text_without_dictionary("en"), 0u);  // its documents name their dictionary
  }
  // English documents are stored without one until English text reaches the threshold again; the
  // earlier ones, which name the dictionary the key lost, still read.
  const std::vector<Xapian::docid> first = add_without_dictionary(3, "en");
  commit();
  EXPECT_EQ(ids_of(dictionaries_of_index(), first), std::set<uint32_t>{0});
  const std::vector<Xapian::docid> more =
      add_without_dictionary(documents_for(schema::kMinTrainingBytes), "en");
  commit();
  const uint32_t again = own_id("en");
  ASSERT_NE(again, 0u);
  const std::map<Xapian::docid, uint32_t> ids = dictionaries_of_index();
  EXPECT_EQ(ids_of(ids, english), std::set<uint32_t>{en});
  EXPECT_EQ(ids_of(ids, first), std::set<uint32_t>{again});
  EXPECT_EQ(ids_of(ids, more), std::set<uint32_t>{again});
  EXPECT_EQ(Xapian::Database(path().string()).get_metadata(schema::text_dictionary_for_key("en")),
            std::to_string(again));
}

TEST_F(IndexWriterLanguageDictionaryTest, ADamagedDictionaryALanguageNamesIsCorrupt) {
  add_without_dictionary(documents_for(schema::kMinTrainingBytes), "en");
  commit();
  const uint32_t en = own_id("en");
  ASSERT_NE(en, 0u);
  writer_.reset();
  {
    Xapian::WritableDatabase database(path().string());
    database.set_metadata(schema::text_dictionary_key(en), "not a zstd dictionary");
    database.commit();
  }
  Result<std::unique_ptr<IndexWriter>> reopened = IndexWriter::open(path(), 100);
  ASSERT_FALSE(reopened.is_ok());
  EXPECT_EQ(reopened.status().code(), StatusCode::kCorrupt);
}

TEST_F(IndexWriterLanguageDictionaryTest, ShardsMergedByCompactionKeepEveryDictionary) {
  // Two shards of a parallel build, each training its own English dictionary; one also French.
  const std::vector<Xapian::docid> first =
      add_without_dictionary(documents_for(schema::kMinTrainingBytes), "en");
  commit();
  const uint32_t first_en = own_id("en");
  const std::filesystem::path second_path = folder_.path() / "second";
  reopen(second_path);
  writer_->start_docids_at(first.back() + 1);
  const std::vector<Xapian::docid> second =
      add_without_dictionary(documents_for(schema::kMinTrainingBytes), "en");
  const std::vector<Xapian::docid> french =
      add_without_dictionary(documents_for(schema::kMinTrainingBytes), "fr");
  commit();
  const uint32_t second_en = own_id("en");
  const uint32_t fr = own_id("fr");
  ASSERT_NE(first_en, 0u);
  ASSERT_NE(second_en, 0u);
  ASSERT_NE(first_en, second_en);  // trained on other texts
  writer_.reset();
  const std::filesystem::path merged = folder_.path() / "merged";
  {
    Xapian::Database shards(path().string());
    shards.add_database(Xapian::Database(second_path.string()));
    shards.compact(merged.string(), Xapian::DBCOMPACT_NO_RENUMBER);
  }
  {
    const Xapian::Database database(merged.string());
    const std::vector<uint32_t> stored = schema::stored_text_dictionary_ids(database);
    EXPECT_EQ(std::set<uint32_t>(stored.begin(), stored.end()),
              (std::set<uint32_t>{first_en, second_en, fr}));
    const std::map<Xapian::docid, uint32_t> ids = dictionaries_of(database);
    EXPECT_EQ(ids.size(), texts_.size());
    EXPECT_EQ(ids_of(ids, first), std::set<uint32_t>{first_en});
    EXPECT_EQ(ids_of(ids, second), std::set<uint32_t>{second_en});
    EXPECT_EQ(ids_of(ids, french), std::set<uint32_t>{fr});
  }
  // A writer of the merged index uses one of its English dictionaries (the compaction keeps one
  // shard's "-for:en" key, Xapian does not say which).
  reopen(merged);
  const uint32_t en = own_id("en");
  EXPECT_TRUE(en == first_en || en == second_en) << en;
  EXPECT_EQ(own_id("fr"), fr);
  const std::vector<Xapian::docid> later = add_without_dictionary(2, "en");
  commit();
  EXPECT_EQ(ids_of(dictionaries_of(Xapian::Database(merged.string())), later),
            std::set<uint32_t>{en});
}

}  // namespace
}  // namespace jil::ingest
