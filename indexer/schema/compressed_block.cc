// Implementation of compressed_block.h with zlib's one-shot compress2 / uncompress.
#include "schema/compressed_block.h"

#include <zlib.h>

namespace jil::schema {
namespace {

constexpr int kCompressionLevel = 6;  // zlib's default: most of level 9's ratio at half its cost

Status corrupt(const std::string& problem) {
  return Status(StatusCode::kCorrupt, "document data: " + problem);
}

}  // namespace

std::string compress_block(std::string_view plain) {
  uLongf packed_size = compressBound(static_cast<uLong>(plain.size()));
  std::string packed(packed_size, '\0');
  compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size,
            reinterpret_cast<const Bytef*>(plain.data()), static_cast<uLong>(plain.size()),
            kCompressionLevel);  // cannot fail: the buffer has compressBound bytes
  packed.resize(packed_size);
  return packed;
}

Result<std::string> inflate_block(std::string_view packed, size_t plain_size) {
  if (plain_size > packed.size() * kMaxInflateRatio + 64) {
    return corrupt("a block claims " + std::to_string(plain_size) + " bytes from " +
                   std::to_string(packed.size()));
  }
  std::string plain(plain_size, '\0');
  uLongf size = static_cast<uLongf>(plain_size);
  uLong used = static_cast<uLong>(packed.size());
  // uncompress2 reports how much input it used: trailing bytes are damage too.
  const int result = uncompress2(reinterpret_cast<Bytef*>(plain.data()), &size,
                                 reinterpret_cast<const Bytef*>(packed.data()), &used);
  if (result != Z_OK || size != plain_size || used != packed.size()) {
    return corrupt("a compressed block is damaged (zlib " + std::to_string(result) + ")");
  }
  return plain;
}

}  // namespace jil::schema
