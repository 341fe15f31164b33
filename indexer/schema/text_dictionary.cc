// Implementation of text_dictionary.h with libzstd's zdict.h trainer.
#include "schema/text_dictionary.h"

#include <zdict.h>
// For ZSTD_createDDict_byReference: in zstd's advanced API, stable since zstd 1.0 and exported
// by Debian's libzstd 1.5.
#define ZSTD_STATIC_LINKING_ONLY
#include <zstd.h>

#include <charconv>

#include "schema/compressed_block.h"

namespace jil::schema {

Result<std::shared_ptr<const TextDictionary>> TextDictionary::train(
    const std::vector<std::string>& samples) {
  std::string joined;
  std::vector<size_t> sizes;
  sizes.reserve(samples.size());
  for (const std::string& sample : samples) {
    joined += sample;
    sizes.push_back(sample.size());
  }
  std::string bytes(kTextDictionaryBytes, '\0');
  const size_t made = ZDICT_trainFromBuffer(bytes.data(), bytes.size(), joined.data(), sizes.data(),
                                            static_cast<unsigned>(sizes.size()));
  if (ZDICT_isError(made)) {
    return Status(StatusCode::kInvalidArgument,
                  std::string("cannot train a text dictionary: ") + ZDICT_getErrorName(made));
  }
  bytes.resize(made);
  return from_bytes(std::move(bytes));
}

Result<std::shared_ptr<const TextDictionary>> TextDictionary::from_bytes(std::string bytes) {
  const uint32_t id = ZDICT_getDictID(bytes.data(), bytes.size());
  if (id == 0) {
    return Status(StatusCode::kCorrupt, "document data: a stored text dictionary is damaged");
  }
  // zstd reads the dictionary's content where bytes_ holds it (by reference), so warm() can
  // bring exactly those bytes into the CPU's caches.
  std::shared_ptr<TextDictionary> made(new TextDictionary(std::move(bytes), id));
  made->decompression_ = ZSTD_createDDict_byReference(made->bytes_.data(), made->bytes_.size());
  if (made->decompression_ == nullptr) {
    return Status(StatusCode::kCorrupt, "document data: a stored text dictionary is damaged");
  }
  return std::shared_ptr<const TextDictionary>(std::move(made));
}

TextDictionary::~TextDictionary() {
  ZSTD_freeDDict(decompression_);
  ZSTD_freeCDict(compression_);
}

void TextDictionary::warm() const {
  // One read per cache line; the sum is kept so that the reads are not optimised away.
  constexpr size_t kCacheLine = 64;
  unsigned char sum = 0;
  for (size_t offset = 0; offset < bytes_.size(); offset += kCacheLine) {
    sum = static_cast<unsigned char>(sum + static_cast<unsigned char>(bytes_[offset]));
  }
  warm_sum_.store(sum, std::memory_order_relaxed);
}

const ZSTD_CDict* TextDictionary::for_compression() const {
  std::call_once(compression_made_, [this] {
    compression_ = ZSTD_createCDict(bytes_.data(), bytes_.size(), kBlockCompressionLevel);
  });
  return compression_;
}

std::string text_dictionary_key(uint32_t id) {
  return std::string(kTextDictionaryKeyPrefix) + std::to_string(id);
}

std::string stored_text_dictionary(const Xapian::Database& database, uint32_t id) {
  return database.get_metadata(text_dictionary_key(id));
}

std::vector<uint32_t> stored_text_dictionary_ids(const Xapian::Database& database) {
  std::vector<uint32_t> ids;
  const std::string prefix(kTextDictionaryKeyPrefix);
  for (auto key = database.metadata_keys_begin(prefix); key != database.metadata_keys_end(prefix);
       ++key) {
    const std::string& name = *key;
    uint32_t id = 0;
    const char* digits = name.data() + prefix.size();
    const auto [end, error] = std::from_chars(digits, name.data() + name.size(), id);
    if (error == std::errc() && end == name.data() + name.size() && id != 0) ids.push_back(id);
  }
  return ids;
}

}  // namespace jil::schema
