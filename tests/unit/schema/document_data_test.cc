// Tests schema/document_data.cc and compressed_block.cc: the schema 10 layout round-trips, a
// listing reads the head without the text and inflates only the blocks of the bytes it asks for,
// and damaged data of any kind answers kCorrupt rather than crashing or returning wrong text.
#include "schema/document_data.h"

#include <gtest/gtest.h>

#include <string>

#include "schema/compressed_block.h"

namespace jil::schema {
namespace {

// A text of `size` bytes of numbered words ("w0 w1 ..."), so that every place in it differs.
std::string numbered_text(size_t size) {
  std::string text;
  for (size_t word = 0; text.size() < size; ++word) text += "w" + std::to_string(word) + " ";
  return text.substr(0, size);
}

DocRecord record_with(std::string text) {
  DocRecord record;
  record.id = "abc";
  record.title = "Title";
  record.language = analysis::Language::kFr;
  record.page_offsets = {0, 5000};
  record.text = std::move(text);
  return record;
}

TEST(DocumentData, RoundTripsTheRecordAndTheSnippetBlocks) {
  BlockCompressor compressor;  // without a dictionary
  BlockDecompressor none;
  const DocRecord record = record_with(numbered_text(3 * kTextBlockBytes + 100));
  const std::string data =
      to_document_data(record, SnippetBlocks{7, {0, 40, 300, 70000}}, compressor);
  Result<DocRecord> back = from_document_data(data, none);
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_EQ(back->text, record.text);
  EXPECT_EQ(back->title, "Title");
  EXPECT_EQ(back->language, analysis::Language::kFr);
  EXPECT_EQ(back->page_offsets, record.page_offsets);
  Result<HitData> hit = read_hit_data(data, none);
  ASSERT_TRUE(hit.is_ok()) << hit.status().to_string();
  EXPECT_TRUE(hit->record.text.empty());
  EXPECT_EQ(hit->text_size, record.text.size());
  EXPECT_EQ(hit->block_ends.size(), 4u);
  EXPECT_EQ(hit->blocks.body_position, 7u);
  EXPECT_EQ(hit->blocks.starts, (std::vector<uint32_t>{0, 40, 300, 70000}));
  Result<nlohmann::json> head = read_document_head(data, none);
  ASSERT_TRUE(head.is_ok()) << head.status().to_string();
  EXPECT_EQ((*head)["title"], "Title");
  EXPECT_FALSE(head->contains("text"));
}

TEST(DocumentData, TheTextIsStoredCompressedNotAsItIs) {
  BlockCompressor compressor;  // without a dictionary
  BlockDecompressor none;
  const DocRecord record = record_with(numbered_text(2 * kTextBlockBytes));
  const std::string data = to_document_data(record, {}, compressor);
  EXPECT_EQ(data.find("w100 w101"), std::string::npos);
  EXPECT_LT(data.size(), record.text.size());
}

TEST(DocumentData, APassageInALaterBlockInflatesOnlyThatBlock) {
  BlockCompressor compressor;  // without a dictionary
  BlockDecompressor none;
  const DocRecord record = record_with(numbered_text(5 * kTextBlockBytes));
  std::string data = to_document_data(record, {}, compressor);
  Result<HitData> hit = read_hit_data(data, none);
  ASSERT_TRUE(hit.is_ok()) << hit.status().to_string();
  const size_t begin = 3 * kTextBlockBytes + 10;
  Result<std::string> passage = read_text(*hit, begin, begin + 200, none);
  ASSERT_TRUE(passage.is_ok()) << passage.status().to_string();
  EXPECT_EQ(*passage, record.text.substr(begin, 200));
  // Spoiling block 0 does not concern the passage in block 3, but the whole text reads it.
  const size_t block0 = data.size() - hit->packed_text.size();
  data[block0 + 5] ^= 0x55;
  Result<HitData> spoiled = read_hit_data(data, none);
  ASSERT_TRUE(spoiled.is_ok()) << spoiled.status().to_string();
  Result<std::string> again = read_text(*spoiled, begin, begin + 200, none);
  ASSERT_TRUE(again.is_ok()) << again.status().to_string();
  EXPECT_EQ(*again, *passage);
  Result<DocRecord> whole = from_document_data(data, none);
  ASSERT_FALSE(whole.is_ok());
  EXPECT_EQ(whole.status().code(), StatusCode::kCorrupt);
}

TEST(DocumentData, APassageAcrossTwoBlocksJoinsThem) {
  BlockCompressor compressor;  // without a dictionary
  BlockDecompressor none;
  const DocRecord record = record_with(numbered_text(3 * kTextBlockBytes));
  const std::string data = to_document_data(record, {}, compressor);
  Result<HitData> hit = read_hit_data(data, none);
  ASSERT_TRUE(hit.is_ok()) << hit.status().to_string();
  const size_t begin = 2 * kTextBlockBytes - 50;
  Result<std::string> passage = read_text(*hit, begin, begin + 100, none);
  ASSERT_TRUE(passage.is_ok()) << passage.status().to_string();
  EXPECT_EQ(*passage, record.text.substr(begin, 100));
  Result<std::string> past_the_end = read_text(*hit, begin, 10 * kTextBlockBytes, none);
  ASSERT_TRUE(past_the_end.is_ok()) << past_the_end.status().to_string();
  EXPECT_EQ(*past_the_end, record.text.substr(begin));
}

TEST(DocumentData, AnEmptyTextHasNoBlocks) {
  BlockCompressor compressor;  // without a dictionary
  BlockDecompressor none;
  const std::string data = to_document_data(record_with(""), {}, compressor);
  Result<HitData> hit = read_hit_data(data, none);
  ASSERT_TRUE(hit.is_ok()) << hit.status().to_string();
  EXPECT_EQ(hit->text_size, 0u);
  EXPECT_TRUE(hit->block_ends.empty());
  EXPECT_EQ(*read_text(*hit, 0, 100, none), "");
  Result<DocRecord> back = from_document_data(data, none);
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_EQ(back->text, "");
}

TEST(DocumentData, ATextOfExactlyOneBlock) {
  BlockCompressor compressor;  // without a dictionary
  BlockDecompressor none;
  const DocRecord record = record_with(numbered_text(kTextBlockBytes));
  const std::string data = to_document_data(record, {}, compressor);
  Result<HitData> hit = read_hit_data(data, none);
  ASSERT_TRUE(hit.is_ok()) << hit.status().to_string();
  EXPECT_EQ(hit->block_ends.size(), 1u);
  EXPECT_EQ(*read_text(*hit, kTextBlockBytes - 20, kTextBlockBytes, none),
            record.text.substr(kTextBlockBytes - 20));
  EXPECT_EQ(from_document_data(data, none)->text, record.text);
}

TEST(DocumentData, TruncatedDataIsCorruptAtEveryLength) {
  BlockCompressor compressor;  // without a dictionary
  BlockDecompressor none;
  const std::string data =
      to_document_data(record_with(numbered_text(2 * kTextBlockBytes)), {}, compressor);
  for (size_t size = 0; size < data.size(); ++size) {
    Result<DocRecord> back = from_document_data(data.substr(0, size), none);
    ASSERT_FALSE(back.is_ok()) << size;
    EXPECT_EQ(back.status().code(), StatusCode::kCorrupt) << size;
    EXPECT_TRUE(back.status().message().starts_with("document data: ")) << size;
  }
}

TEST(DocumentData, DamagedHeadOrExtraBytesAreCorrupt) {
  BlockCompressor compressor;  // without a dictionary
  BlockDecompressor none;
  const std::string data = to_document_data(record_with("short text"), {}, compressor);
  std::string damaged = data;
  damaged[data.size() / 2] ^= 0x01;
  EXPECT_EQ(read_hit_data(damaged, none).status().code(), StatusCode::kCorrupt);
  EXPECT_EQ(read_hit_data(data + "x", none).status().code(), StatusCode::kCorrupt);
  // A head claiming an absurd size is refused before anything is reserved for it.
  std::string huge(1, static_cast<char>(kDocumentDataFormat));
  huge += '\x00';  // no dictionary
  huge += std::string(9, '\xFF') + '\x01';
  huge += '\x05';
  huge += "12345";
  Result<HitData> refused = read_hit_data(huge, none);
  ASSERT_FALSE(refused.is_ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kCorrupt);
}

TEST(DocumentData, DataOfTheJsonLayoutOfSchema7IsCorrupt) {
  BlockCompressor compressor;  // without a dictionary
  BlockDecompressor none;
  const std::string old = document_head(record_with("")).dump() + '\0' + "the text";
  Result<HitData> hit = read_hit_data(old, none);
  ASSERT_FALSE(hit.is_ok());
  EXPECT_EQ(hit.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(hit.status().message().find("older index"), std::string::npos);
}

TEST(CompressedBlock, RoundTripsAndRefusesAnotherSize) {
  BlockCompressor compressor;
  BlockDecompressor decompressor;
  const std::string plain = numbered_text(1000);
  const std::string packed = compressor.compress(plain);
  EXPECT_EQ(*decompressor.decompress(packed, plain.size(), 0), plain);
  EXPECT_EQ(decompressor.decompress(packed, plain.size() - 1, 0).status().code(),
            StatusCode::kCorrupt);
  Result<std::string> more = decompressor.decompress(packed, plain.size() + 1, 0);
  ASSERT_FALSE(more.is_ok());
  EXPECT_NE(more.status().message().find("claims 1001 bytes"), std::string::npos);
}

TEST(CompressedBlock, AFlippedByteTruncationOrExtraBytesAreCorrupt) {
  BlockCompressor compressor;
  BlockDecompressor decompressor;
  const std::string plain = numbered_text(3000);
  const std::string packed = compressor.compress(plain);
  // Every byte flipped: an error, or (a bit the decoder does not use) the same text.
  for (size_t at = 0; at < packed.size(); ++at) {
    std::string damaged = packed;
    damaged[at] ^= 0x20;
    Result<std::string> read = decompressor.decompress(damaged, plain.size(), 0);
    ASSERT_FALSE(read.is_ok() && *read != plain) << "wrong text from a flip at " << at;
    if (!read.is_ok()) {
      EXPECT_EQ(read.status().code(), StatusCode::kCorrupt) << at;
    }
  }
  for (size_t size = 0; size < packed.size(); ++size) {
    EXPECT_EQ(decompressor.decompress(packed.substr(0, size), plain.size(), 0).status().code(),
              StatusCode::kCorrupt)
        << size;
  }
  EXPECT_EQ(decompressor.decompress(packed + "x", plain.size(), 0).status().code(),
            StatusCode::kCorrupt);
}

}  // namespace
}  // namespace jil::schema
