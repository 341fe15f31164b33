// Implementation of collation_key.h.
#include "schema/collation_key.h"

#include <cstdint>

namespace jil::schema {

std::string collation_key(const icu::Collator& collator, std::string_view utf8_text) {
  const icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8_text.data(), utf8_text.size()));
  std::string key(256, '\0');
  int32_t length = collator.getSortKey(text, reinterpret_cast<uint8_t*>(key.data()),
                                       static_cast<int32_t>(key.size()));
  if (length > static_cast<int32_t>(key.size())) {
    key.resize(static_cast<size_t>(length));
    length = collator.getSortKey(text, reinterpret_cast<uint8_t*>(key.data()), length);
  }
  key.resize(length > 0 ? static_cast<size_t>(length - 1) : 0);  // drop the trailing NUL
  return key;
}

}  // namespace jil::schema
