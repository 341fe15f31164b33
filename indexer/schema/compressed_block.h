// One zstd frame of a document's data (document_data.h): the head and each block of text are
// compressed apart, so that a result listing decompresses only the block holding its passage,
// and Xapian's glass stores the already-compressed tag as it is. Each frame carries zstd's
// checksum (XXH64), so damaged data is an error rather than wrong text, and its plain size,
// checked against the size the data claims before anything is reserved for it.
// zstd rather than zlib (schema 10): with a dictionary trained on the index's own documents
// (text_dictionary.h) a 4 KiB block shrinks a fifth more, and it decompresses several times
// faster. A compressor or decompressor is used by one thread at a time.
#pragma once

#include <xapian.h>
#include <zstd.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "schema/text_dictionary.h"

namespace jil::schema {

// zstd level of the head and the text blocks: with the dictionary, 4 KiB blocks of the bench
// corpus come out 5 % larger than at level 19 but are made six times faster (README "Index
// schema" has the measurements). 11 rather than 9: 8 KiB blocks with a 256 KiB dictionary come
// out 2 % smaller (1.1 MB of the 20,000-document bench index) for about 2 % more indexing CPU;
// 12 gains nothing more.
inline constexpr int kBlockCompressionLevel = 11;

class BlockCompressor {
 public:
  // Without a dictionary until use_dictionary().
  BlockCompressor();
  // Frames made from now on use `dictionary` (null: none).
  void use_dictionary(std::shared_ptr<const TextDictionary> dictionary);
  // The id stored with the frames made: 0 for none.
  uint32_t dictionary_id() const { return dictionary_ ? dictionary_->id() : 0; }
  std::string compress(std::string_view plain);

 private:
  std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx*)> context_;
  std::shared_ptr<const TextDictionary> dictionary_;
};

class BlockDecompressor {
 public:
  // The stored bytes of dictionary `id`, "" when there is none of that id.
  using DictionaryLookup = std::function<std::string(uint32_t id)>;

  // Reads frames without a dictionary only (any other id is kCorrupt).
  BlockDecompressor();
  // Looks each dictionary up once, when a frame first names it, and keeps it.
  explicit BlockDecompressor(DictionaryLookup lookup);
  // Looks dictionaries up in the metadata of `database` (a handle sharing its reopens).
  static BlockDecompressor for_index(const Xapian::Database& database);

  // The `plain_size` bytes of the frame `packed`, compressed with dictionary `dictionary_id`;
  // kCorrupt ("document data: ...") when it is damaged, holds another size, or names a
  // dictionary the index does not have.
  Result<std::string> decompress(std::string_view packed, size_t plain_size,
                                 uint32_t dictionary_id);
  // Brings dictionary `dictionary_id` into the CPU's caches before a run of its frames
  // (TextDictionary::warm); nothing for 0 or a dictionary it cannot have.
  void warm(uint32_t dictionary_id);

 private:
  // Dictionary `id`, looked up and kept at its first use; null for 0.
  Result<const TextDictionary*> dictionary(uint32_t id);

  std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> context_;
  DictionaryLookup lookup_;
  std::map<uint32_t, std::shared_ptr<const TextDictionary>> dictionaries_;
};

}  // namespace jil::schema
