// Implementation of compressed_block.h with zstd's one-shot (de)compression of whole frames.
#include "schema/compressed_block.h"

namespace jil::schema {
namespace {

Status corrupt(const std::string& problem) {
  return Status(StatusCode::kCorrupt, "document data: " + problem);
}

}  // namespace

BlockCompressor::BlockCompressor() : context_(ZSTD_createCCtx(), ZSTD_freeCCtx) {
  JIL_CHECK(context_ != nullptr);
  // The checksum makes damage an error; the plain size lets the reader check the size the data
  // claims before it reserves memory; the dictionary id is kept in the document data instead.
  ZSTD_CCtx_setParameter(context_.get(), ZSTD_c_compressionLevel, kBlockCompressionLevel);
  ZSTD_CCtx_setParameter(context_.get(), ZSTD_c_checksumFlag, 1);
  ZSTD_CCtx_setParameter(context_.get(), ZSTD_c_contentSizeFlag, 1);
  ZSTD_CCtx_setParameter(context_.get(), ZSTD_c_dictIDFlag, 0);
}

void BlockCompressor::use_dictionary(std::shared_ptr<const TextDictionary> dictionary) {
  dictionary_ = std::move(dictionary);
  const ZSTD_CDict* digested = dictionary_ ? dictionary_->for_compression() : nullptr;
  JIL_CHECK(!dictionary_ || digested != nullptr);
  JIL_CHECK(!ZSTD_isError(ZSTD_CCtx_refCDict(context_.get(), digested)));
}

std::string BlockCompressor::compress(std::string_view plain) {
  std::string packed(ZSTD_compressBound(plain.size()), '\0');
  const size_t size =
      ZSTD_compress2(context_.get(), packed.data(), packed.size(), plain.data(), plain.size());
  JIL_CHECK(!ZSTD_isError(size));  // cannot fail: the buffer has ZSTD_compressBound bytes
  packed.resize(size);
  return packed;
}

BlockDecompressor::BlockDecompressor() : BlockDecompressor(DictionaryLookup()) {}

BlockDecompressor::BlockDecompressor(DictionaryLookup lookup)
    : context_(ZSTD_createDCtx(), ZSTD_freeDCtx), lookup_(std::move(lookup)) {
  JIL_CHECK(context_ != nullptr);
}

BlockDecompressor BlockDecompressor::for_index(const Xapian::Database& database) {
  return BlockDecompressor(
      [database](uint32_t id) { return stored_text_dictionary(database, id); });
}

Result<const TextDictionary*> BlockDecompressor::dictionary(uint32_t id) {
  if (id == 0) return nullptr;
  auto known = dictionaries_.find(id);
  if (known == dictionaries_.end()) {
    std::string bytes = lookup_ ? lookup_(id) : std::string();
    if (bytes.empty())
      return corrupt("names text dictionary " + std::to_string(id) +
                     ", which the index does not have");
    Result<std::shared_ptr<const TextDictionary>> made =
        TextDictionary::from_bytes(std::move(bytes));
    if (!made.is_ok()) return made.status();
    if ((*made)->id() != id)
      return corrupt("text dictionary " + std::to_string(id) + " is damaged");
    known = dictionaries_.emplace(id, std::move(made).value()).first;
  }
  return known->second.get();
}

void BlockDecompressor::warm(uint32_t dictionary_id) {
  Result<const TextDictionary*> known = dictionary(dictionary_id);
  if (known.is_ok() && *known != nullptr) (*known)->warm();
}

Result<std::string> BlockDecompressor::decompress(std::string_view packed, size_t plain_size,
                                                  uint32_t dictionary_id) {
  // The frame states its plain size: a claim it does not match is damage, refused before any
  // memory is reserved for it; so are bytes after the frame.
  const unsigned long long framed = ZSTD_getFrameContentSize(packed.data(), packed.size());
  if (framed != plain_size) {
    return corrupt(
        "a block claims " + std::to_string(plain_size) + " bytes, its frame " +
        (framed >= ZSTD_CONTENTSIZE_ERROR ? std::string("none") : std::to_string(framed)));
  }
  if (ZSTD_findFrameCompressedSize(packed.data(), packed.size()) != packed.size()) {
    return corrupt("a compressed block is cut short or followed by other bytes");
  }
  Result<const TextDictionary*> known = dictionary(dictionary_id);
  if (!known.is_ok()) return known.status();
  const ZSTD_DDict* digested = *known != nullptr ? (*known)->for_decompression() : nullptr;
  std::string plain(plain_size, '\0');
  const size_t size = ZSTD_decompress_usingDDict(context_.get(), plain.data(), plain.size(),
                                                 packed.data(), packed.size(), digested);
  if (ZSTD_isError(size) || size != plain_size) {
    return corrupt(std::string("a compressed block is damaged (zstd: ") +
                   (ZSTD_isError(size) ? ZSTD_getErrorName(size) : "another size") + ")");
  }
  return plain;
}

}  // namespace jil::schema
