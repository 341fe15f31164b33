// A zstd dictionary for the document data of one index (document_data.h): trained by the index's
// writer from the index's own documents of one language (ZDICT_trainFromBuffer) and stored in its
// metadata under "jil:text-dictionary:<id>", so that shards and compacted copies, which keep the
// metadata, keep every dictionary their documents name. Immutable once made: share it between
// threads.
#pragma once

#include <xapian.h>
#include <zstd.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace jil::schema {

// Metadata key prefix of a dictionary; the key ends with its zstd dictionary id in decimal.
inline constexpr std::string_view kTextDictionaryKeyPrefix = "jil:text-dictionary:";
// Bytes of a trained dictionary. On the bench corpus (200 documents per language, 8 KiB blocks,
// level 9, trained from 2 MiB) 256 KiB shrinks the text 6 % more than zstd's CLI default of
// 110 KiB (which shrank 4 KiB blocks 7 % more than 64 KiB); 512 KiB gains 3 % more, but six such
// dictionaries per index cost more than that on a small one, and training takes longer.
inline constexpr size_t kTextDictionaryBytes = 256 * 1024;
// Plain text (heads and blocks) of one document language an index needs before its writer
// trains that language's dictionary (ingest/text_dictionaries.h); below it the language's blocks
// stay without one. zstd's rule of thumb asks for about a hundred times the dictionary's size
// (11 MiB), but on one language's text little is gained past a few MiB: 4 KiB blocks of 150 other
// documents per language of the bench corpus, `zstd -9` with a dictionary trained from 1 / 2 MiB,
// came out 0.3-1.7 % / -0.1-0.9 % larger than with one from 4 MiB, from 8 MiB 0.2-0.7 % smaller
// (and 26-36 % smaller than without; README "Index size, issue 9"). 2 MiB stays within 1 % of 4 MiB
// for every language and trains after about 200 documents of it, so a small index gets its
// dictionaries.
inline constexpr size_t kMinTrainingBytes = 2 * 1024 * 1024;
// Most plain text of one language the training reads: more makes it slower, not the dictionary
// much better.
inline constexpr size_t kMaxTrainingBytes = 16 * 1024 * 1024;

class TextDictionary {
 public:
  // A dictionary of at most kTextDictionaryBytes made from `samples` (document heads and text
  // blocks); kInvalidArgument when zstd finds them too few or too alike to train on.
  static Result<std::shared_ptr<const TextDictionary>> train(
      const std::vector<std::string>& samples);
  // The dictionary stored as `bytes`; kCorrupt when they are not a zstd dictionary.
  static Result<std::shared_ptr<const TextDictionary>> from_bytes(std::string bytes);
  ~TextDictionary();
  TextDictionary(const TextDictionary&) = delete;
  TextDictionary& operator=(const TextDictionary&) = delete;

  // zstd's id of the dictionary, never 0 (0 means "no dictionary" in the document data).
  uint32_t id() const { return id_; }
  const std::string& bytes() const { return bytes_; }
  // Digested for compression at compressed_block.h's level (made at the first call, so that
  // readers never pay for it) and for decompression.
  const ZSTD_CDict* for_compression() const;
  const ZSTD_DDict* for_decompression() const { return decompression_; }
  // Reads the dictionary through once, so that the frames inflated next find it in the CPU's
  // caches: each frame copies hundreds of short matches out of it, and a cold 256 KiB
  // dictionary made those copies most of an 8 KiB block's cost (README "Hits inflated back to
  // back").
  void warm() const;

 private:
  TextDictionary(std::string bytes, uint32_t id) : bytes_(std::move(bytes)), id_(id) {}

  std::string bytes_;
  uint32_t id_;
  ZSTD_DDict* decompression_ = nullptr;  // reads bytes_ in place
  mutable std::atomic<unsigned char> warm_sum_{0};
  mutable std::once_flag compression_made_;
  mutable ZSTD_CDict* compression_ = nullptr;
};

// The metadata key of dictionary `id`.
std::string text_dictionary_key(uint32_t id);
// The stored bytes of dictionary `id`, "" when the index has none of that id. Xapian errors
// propagate to the caller's edge, as from any read of the index.
std::string stored_text_dictionary(const Xapian::Database& database, uint32_t id);
// The ids of every dictionary the index holds, in key order.
std::vector<uint32_t> stored_text_dictionary_ids(const Xapian::Database& database);

}  // namespace jil::schema
