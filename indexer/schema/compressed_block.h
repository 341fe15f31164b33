// One zlib-compressed piece of a document's data (document_data.h): the text is stored in such
// blocks so that a result listing inflates only the block holding its passage, and Xapian's glass
// stores the already-compressed tag as it is (it compresses a tag only when that shrinks it).
// zlib because Xapian already depends on it (no new package) and its Adler-32 check turns
// damaged data into an error rather than wrong text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/status.h"

namespace jil::schema {

// Deflate cannot expand data more than this many times (zlib's technical details): a stored
// size beyond it is damage, refused before any memory is reserved for it.
inline constexpr size_t kMaxInflateRatio = 1032;

// `plain` in zlib format (compression level 6).
std::string compress_block(std::string_view plain);
// The `plain_size` bytes `packed` holds; kCorrupt ("document data: ...") when it is damaged or
// holds another size.
Result<std::string> inflate_block(std::string_view packed, size_t plain_size);

}  // namespace jil::schema
