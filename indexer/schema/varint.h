// LEB128 varints, the unsigned integers of the stored formats (document data, change lists):
// seven bits per byte, low bits first, the high bit set on every byte but the last.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace jil::schema {

inline void put_varint(std::string& out, uint64_t value) {
  while (value >= 0x80) {
    out += static_cast<char>((value & 0x7F) | 0x80);
    value >>= 7;
  }
  out += static_cast<char>(value);
}

// Reads the varint at `at` in `bytes` into `value` and moves `at` past it; false when `bytes`
// ends inside it or it is longer than 64 bits allow.
inline bool get_varint(std::string_view bytes, size_t& at, uint64_t& value) {
  value = 0;
  for (int shift = 0; shift < 64 && at < bytes.size(); shift += 7) {
    const auto byte = static_cast<uint8_t>(bytes[at++]);
    value |= uint64_t{byte & 0x7Fu} << shift;
    if (byte < 0x80) return true;
  }
  return false;
}

}  // namespace jil::schema
