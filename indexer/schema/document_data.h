// The document data stored in the index (schema version 10), laid out so that a result listing
// reads only what it shows:
//   a format byte (10); the id of the zstd dictionary of its frames (0: none; text_dictionary.h),
//   the head's plain and packed sizes (LEB128 varints); the head, compressed (compressed_block.h);
//   then the text in blocks of kTextBlockBytes, each compressed apart.
// The head holds every field of the record but its text (MessagePack of document_head), the
// snippet blocks (snippet_blocks.h, as varint deltas), the text's size and each block's packed
// size. A listing inflates the small head and the one or two blocks of its passage; the document
// page reads it all (doc_record.h to_document_data / from_document_data: no snippet blocks).
// Everything after the first few bytes is compressed, so Xapian's glass stores the tag as it is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "schema/compressed_block.h"
#include "schema/doc_record.h"
#include "schema/snippet_blocks.h"

namespace jil::schema {

// The first byte of the data: the schema version of its layout.
inline constexpr uint8_t kDocumentDataFormat = 10;
// Bytes of text per compressed block: a snippet's passage (a few hundred bytes) lies in one or
// two; smaller blocks compress worse (4 KiB: 9 % larger than the whole text compressed at once,
// 1.2 % larger than 8 KiB with a trained dictionary). Readers take the size from the data.
inline constexpr size_t kTextBlockBytes = 8 * 1024;

// Compressed with `compressor`'s dictionary, whose id the data records.
std::string to_document_data(const DocRecord& record, const SnippetBlocks& blocks,
                             BlockCompressor& compressor);

// The head of the document data as JSON: every field of the record but its text.
nlohmann::json document_head(const DocRecord& record);
// The record a head describes, with `text` as its text; kCorrupt when a field is missing.
Result<DocRecord> record_from_head(const nlohmann::json& head, std::string text);

// What a result listing reads of a document's data: the record without its text, the snippet
// blocks, and where the text's compressed blocks are (views into the data: valid while it is).
struct HitData {
  DocRecord record;
  SnippetBlocks blocks;
  size_t text_size = 0;
  size_t block_bytes = kTextBlockBytes;  // of text per block, as stored
  uint32_t dictionary_id = 0;            // of the head and the blocks: 0 for none
  std::string_view packed_text;          // the compressed blocks, one after the other
  std::vector<size_t> block_ends;        // where each block ends in packed_text
};
// kCorrupt ("document data: ...") for data of another shape or naming a dictionary the index
// lacks: nothing of the text is decompressed.
Result<HitData> read_hit_data(std::string_view data, BlockDecompressor& decompressor);
// The bytes [begin, end) of the text (clamped to it), decompressing only the blocks that hold
// them.
Result<std::string> read_text(const HitData& hit, size_t begin, size_t end,
                              BlockDecompressor& decompressor);
// The head of stored document data as JSON (as document_head made it).
Result<nlohmann::json> read_document_head(std::string_view data, BlockDecompressor& decompressor);
// The id of the dictionary the data was compressed with (0: none), read without decompressing.
Result<uint32_t> document_data_dictionary(std::string_view data);
// The same document data compressed with `compressor`'s dictionary (the writer's re-encoding
// of documents made before the index had one).
Result<std::string> recompressed_document_data(std::string_view data,
                                               BlockDecompressor& decompressor,
                                               BlockCompressor& compressor);
// The plain head and text blocks of the data, as samples to train a dictionary on.
Result<std::vector<std::string>> document_data_samples(std::string_view data,
                                                       BlockDecompressor& decompressor);

}  // namespace jil::schema
