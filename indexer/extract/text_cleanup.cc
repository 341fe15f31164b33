// Implementation of text_cleanup.h: one linear pass over code points.
#include "extract/text_cleanup.h"

#include <unicode/utf8.h>

#include <array>

namespace jil::extract {
namespace {

bool is_invisible_control(UChar32 c) {
  return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0x061C || c == 0x00AD || c == 0x200B || c == 0xFEFF ||
         (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F;
}

void append_code_point(std::string& out, UChar32 c) {
  char buffer[4];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, c);
  out.append(buffer, static_cast<size_t>(length));
}

}  // namespace

std::string cleaned_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  int newlines = 0;
  bool pending_space = false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t offset = 0; offset < length;) {
    UChar32 c;
    U8_NEXT(bytes, offset, length, c);
    if (c < 0) c = 0xFFFD;
    if (c == '\r') {  // CRLF is one line end; a lone CR (old Mac files) is one too
      if (offset < length && bytes[offset] == '\n') continue;
      c = '\n';
    }
    if (c == '\n') {
      ++newlines;
      pending_space = false;
      continue;
    }
    if (is_invisible_control(c)) continue;
    if (c == ' ' || c == '\t' || c == 0x00A0 || c == 0x3000) {
      pending_space = true;
      continue;
    }
    if (!out.empty()) {
      if (newlines >= 2) {
        out += "\n\n";
      } else if (newlines == 1) {
        out += '\n';
      } else if (pending_space) {
        out += ' ';
      }
    }
    newlines = 0;
    pending_space = false;
    append_code_point(out, c);
  }
  return out;
}

std::string decode_character_references(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kNamed{{
      {"amp", "&"},
      {"lt", "<"},
      {"gt", ">"},
      {"quot", "\""},
      {"apos", "'"},
      {"nbsp", "\u00A0"},
      {"laquo", "\u00AB"},
      {"raquo", "\u00BB"},
  }};
  std::string out;
  out.reserve(text.size());
  for (size_t index = 0; index < text.size(); ++index) {
    const size_t end = text[index] == '&' ? text.find(';', index) : std::string_view::npos;
    if (end == std::string_view::npos || end - index > 10) {
      out += text[index];
      continue;
    }
    const std::string_view name = text.substr(index + 1, end - index - 1);
    bool decoded = false;
    if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string digits(name.substr(hex ? 2 : 1));
      char* parse_end = nullptr;
      const long value = std::strtol(digits.c_str(), &parse_end, hex ? 16 : 10);
      if (!digits.empty() && *parse_end == '\0' && value > 0 && value <= 0x10FFFF &&
          !(value >= 0xD800 && value <= 0xDFFF)) {
        append_code_point(out, static_cast<UChar32>(value));
        decoded = true;
      }
    } else {
      for (const auto& [entity, replacement] : kNamed) {
        if (name == entity) {
          out += replacement;
          decoded = true;
          break;
        }
      }
    }
    if (decoded) {
      index = end;
    } else {
      out += text[index];
    }
  }
  return out;
}

}  // namespace jil::extract
