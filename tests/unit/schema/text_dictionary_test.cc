// Tests schema/text_dictionary.cc with compressed_block.cc and document_data.cc: a trained
// dictionary round-trips document data (and shrinks it), its id travels with the data, and data
// naming a dictionary the reader cannot find, or another one, is kCorrupt, never wrong text.
#include "schema/text_dictionary.h"

#include <gtest/gtest.h>

#include "sample_prose.h"
#include "schema/compressed_block.h"
#include "schema/document_data.h"
#include "temporary_directory.h"

namespace jil::schema {
namespace {

// A dictionary trained on samples of `sample_bytes` each (other sizes: other ids).
std::shared_ptr<const TextDictionary> trained_on(size_t sample_bytes) {
  Result<std::shared_ptr<const TextDictionary>> dictionary =
      TextDictionary::train(prose_samples(2 * 1024 * 1024, sample_bytes));
  EXPECT_TRUE(dictionary.is_ok()) << dictionary.status().to_string();
  return dictionary.is_ok() ? *dictionary : nullptr;
}

std::shared_ptr<const TextDictionary> trained() { return trained_on(kTextBlockBytes); }

DocRecord record_with(std::string text) {
  DocRecord record;
  record.id = "abc";
  record.title = "Title";
  record.text = std::move(text);
  return record;
}

// A decompressor that finds exactly `dictionary`.
BlockDecompressor knowing(const std::shared_ptr<const TextDictionary>& dictionary) {
  return BlockDecompressor([dictionary](uint32_t id) {
    return id == dictionary->id() ? dictionary->bytes() : std::string();
  });
}

TEST(TextDictionary, DataWithADictionaryRoundTripsAndIsSmaller) {
  const std::shared_ptr<const TextDictionary> dictionary = trained();
  ASSERT_NE(dictionary, nullptr);
  EXPECT_NE(dictionary->id(), 0u);
  EXPECT_LE(dictionary->bytes().size(), kTextDictionaryBytes);
  // Exactly three blocks, of text the dictionary has not seen (another seed).
  const DocRecord record = record_with(sample_prose(3 * kTextBlockBytes, 99'999));
  BlockCompressor with;
  with.use_dictionary(dictionary);
  BlockCompressor without;
  const std::string data = to_document_data(record, {}, with);
  EXPECT_LT(data.size(), to_document_data(record, {}, without).size() * 9 / 10);
  BlockDecompressor decompressor = knowing(dictionary);
  Result<HitData> hit = read_hit_data(data, decompressor);
  ASSERT_TRUE(hit.is_ok()) << hit.status().to_string();
  EXPECT_EQ(hit->dictionary_id, dictionary->id());
  EXPECT_EQ(*document_data_dictionary(data), dictionary->id());
  EXPECT_EQ(hit->block_ends.size(), 3u);
  Result<DocRecord> back = from_document_data(data, decompressor);
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_EQ(back->text, record.text);
  EXPECT_EQ(back->title, "Title");
}

TEST(TextDictionary, MultiByteCharactersAcrossBlockEndsReadWhole) {
  const std::shared_ptr<const TextDictionary> dictionary = trained();
  ASSERT_NE(dictionary, nullptr);
  // Three-byte Han characters: 4096 is not a multiple of 3, so each block end cuts one.
  std::string text;
  while (text.size() < 2 * kTextBlockBytes + 500) text += "法官的利益冲突";
  BlockCompressor compressor;
  compressor.use_dictionary(dictionary);
  const std::string data = to_document_data(record_with(text), {}, compressor);
  BlockDecompressor decompressor = knowing(dictionary);
  Result<HitData> hit = read_hit_data(data, decompressor);
  ASSERT_TRUE(hit.is_ok()) << hit.status().to_string();
  for (const size_t end : {kTextBlockBytes, 2 * kTextBlockBytes}) {
    EXPECT_EQ(*read_text(*hit, end - 4, end + 5, decompressor), text.substr(end - 4, 9)) << end;
  }
  EXPECT_EQ(from_document_data(data, decompressor)->text, text);
}

TEST(TextDictionary, WarmingChangesNoTextAndSkipsDictionariesItCannotHave) {
  const std::shared_ptr<const TextDictionary> dictionary = trained();
  ASSERT_NE(dictionary, nullptr);
  BlockCompressor compressor;
  compressor.use_dictionary(dictionary);
  const DocRecord record = record_with(sample_prose(3 * kTextBlockBytes, 4'242));
  const std::string data = to_document_data(record, {}, compressor);
  // The decompressor's dictionary is made from a copy of the bytes that is gone by the time it
  // reads: it reads its own (a sanitizer build catches a read of the freed copy).
  BlockDecompressor decompressor([dictionary](uint32_t id) {
    return id == dictionary->id() ? std::string(dictionary->bytes()) : std::string();
  });
  decompressor.warm(0);
  decompressor.warm(dictionary->id() + 1);  // not in the index: nothing, and no error later
  decompressor.warm(dictionary->id());
  decompressor.warm(dictionary->id());
  Result<DocRecord> back = from_document_data(data, decompressor);
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_EQ(back->text, record.text);
  BlockCompressor other;
  other.use_dictionary(trained_on(5000));
  Result<DocRecord> unknown = from_document_data(to_document_data(record, {}, other), decompressor);
  ASSERT_FALSE(unknown.is_ok());
  EXPECT_EQ(unknown.status().code(), StatusCode::kCorrupt);
}

TEST(TextDictionary, ADictionaryTheReaderCannotFindIsCorrupt) {
  const std::shared_ptr<const TextDictionary> dictionary = trained();
  ASSERT_NE(dictionary, nullptr);
  BlockCompressor compressor;
  compressor.use_dictionary(dictionary);
  const std::string data = to_document_data(record_with("some text"), {}, compressor);
  BlockDecompressor without_lookup;
  Result<HitData> hit = read_hit_data(data, without_lookup);
  ASSERT_FALSE(hit.is_ok());
  EXPECT_EQ(hit.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(hit.status().message().find("which the index does not have"), std::string::npos);
}

TEST(TextDictionary, AnotherDictionaryUnderTheIdIsCorrupt) {
  const std::shared_ptr<const TextDictionary> dictionary = trained();
  ASSERT_NE(dictionary, nullptr);
  Result<std::shared_ptr<const TextDictionary>> other =
      TextDictionary::train(prose_samples(1024 * 1024, 1000));
  ASSERT_TRUE(other.is_ok()) << other.status().to_string();
  ASSERT_NE((*other)->id(), dictionary->id());
  BlockCompressor compressor;
  compressor.use_dictionary(dictionary);
  const std::string data = to_document_data(record_with("some text"), {}, compressor);
  BlockDecompressor swapped([&](uint32_t) { return (*other)->bytes(); });
  EXPECT_EQ(read_hit_data(data, swapped).status().code(), StatusCode::kCorrupt);
  // A damaged id in the data is refused the same way.
  std::string renamed = data;
  renamed[1] ^= 0x01;
  BlockDecompressor decompressor = knowing(dictionary);
  EXPECT_EQ(read_hit_data(renamed, decompressor).status().code(), StatusCode::kCorrupt);
}

TEST(TextDictionary, ADamagedBlockWithADictionaryIsCorrupt) {
  const std::shared_ptr<const TextDictionary> dictionary = trained();
  ASSERT_NE(dictionary, nullptr);
  BlockCompressor compressor;
  compressor.use_dictionary(dictionary);
  std::string data =
      to_document_data(record_with(sample_prose(2 * kTextBlockBytes, 7)), {}, compressor);
  BlockDecompressor decompressor = knowing(dictionary);
  const std::string text = sample_prose(2 * kTextBlockBytes, 7);
  const size_t text_at = data.size() - read_hit_data(data, decompressor)->packed_text.size();
  size_t refused = 0;
  for (size_t at = text_at; at < data.size(); at += 7) {
    std::string damaged = data;
    damaged[at] ^= 0x10;
    Result<DocRecord> back = from_document_data(damaged, decompressor);
    // An error, or (a bit the decoder does not use) the same text: never wrong text.
    ASSERT_FALSE(back.is_ok() && back->text != text) << "wrong text from a flip at " << at;
    if (!back.is_ok()) {
      EXPECT_EQ(back.status().code(), StatusCode::kCorrupt) << at;
      ++refused;
    }
  }
  EXPECT_GT(refused, (data.size() - text_at) / 7 * 9 / 10);
}

TEST(TextDictionary, TooLittleTextIsRefusedNotFatal) {
  Result<std::shared_ptr<const TextDictionary>> dictionary =
      TextDictionary::train({"a few", "words"});
  ASSERT_FALSE(dictionary.is_ok());
  EXPECT_EQ(dictionary.status().code(), StatusCode::kInvalidArgument);
}

TEST(TextDictionary, IsFoundByIdInTheIndexMetadata) {
  const std::shared_ptr<const TextDictionary> dictionary = trained();
  ASSERT_NE(dictionary, nullptr);
  const TemporaryDirectory folder;
  {
    Xapian::WritableDatabase database((folder.path() / "db").string(), Xapian::DB_CREATE);
    database.set_metadata(text_dictionary_key(dictionary->id()), dictionary->bytes());
    database.set_metadata("jil:text-dictionary:junk", "x");
    database.commit();
  }
  const Xapian::Database database((folder.path() / "db").string());
  EXPECT_EQ(stored_text_dictionary_ids(database), std::vector<uint32_t>{dictionary->id()});
  BlockCompressor compressor;
  compressor.use_dictionary(dictionary);
  const std::string data = to_document_data(record_with("some text"), {}, compressor);
  BlockDecompressor decompressor = BlockDecompressor::for_index(database);
  EXPECT_EQ(from_document_data(data, decompressor)->text, "some text");
}

}  // namespace
}  // namespace jil::schema
