// Implementation of typed_digits.h: each of those digits is two or three UTF-8 bytes whose last
// byte gives its value.
#include "api/typed_digits.h"

namespace jil::api {
namespace {

// The digit `bytes` (at the start of `text`, `length` bytes) stands for, or -1.
int digit_at(std::string_view text, size_t& length) {
  const auto byte = [&](size_t index) { return static_cast<unsigned char>(text[index]); };
  if (text.size() >= 2 && byte(0) == 0xD9 && byte(1) >= 0xA0 && byte(1) <= 0xA9) {
    length = 2;
    return byte(1) - 0xA0;  // U+0660–0669
  }
  if (text.size() >= 2 && byte(0) == 0xDB && byte(1) >= 0xB0 && byte(1) <= 0xB9) {
    length = 2;
    return byte(1) - 0xB0;  // U+06F0–06F9
  }
  if (text.size() >= 3 && byte(0) == 0xEF && byte(1) == 0xBC && byte(2) >= 0x90 &&
      byte(2) <= 0x99) {
    length = 3;
    return byte(2) - 0x90;  // U+FF10–FF19
  }
  return -1;
}

}  // namespace

std::string with_ascii_digits(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t at = 0; at < text.size();) {
    size_t length = 1;
    const int digit = digit_at(text.substr(at), length);
    if (digit >= 0) {
      out += static_cast<char>('0' + digit);
    } else {
      out += text[at];
    }
    at += length;
  }
  return out;
}

}  // namespace jil::api
