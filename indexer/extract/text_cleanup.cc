// Implementation of text_cleanup.h: one linear pass over code points.
#include "extract/text_cleanup.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>

namespace jil::extract {
namespace {

bool is_invisible_control(UChar32 c) {
  return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0x061C || c == 0x00AD || c == 0x200B || c == 0xFEFF ||
         (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F;
}

// Han, kana, CJK punctuation and full-width forms: lines of these are joined without a space.
bool is_cjk(UChar32 c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

bool is_hyphen(UChar32 c) { return c == '-' || c == 0x2010; }

// A letter of an alphabet whose words are hyphenated at line ends.
bool is_hyphenated_script_letter(UChar32 c) {
  if (!u_isalpha(c)) return false;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  return script == USCRIPT_LATIN || script == USCRIPT_CYRILLIC || script == USCRIPT_GREEK;
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
  UChar32 last = 0;         // the last code point written
  UChar32 before_last = 0;  // the one before it
  size_t last_size = 0;     // its size in bytes
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
        last = '\n';
      } else if (newlines == 1) {
        if (is_cjk(last) && is_cjk(c)) {
          // 中文行 joined: a line end inside Chinese or Japanese text is not a word break.
        } else if (is_hyphen(last) && is_hyphenated_script_letter(before_last) && u_islower(c)) {
          out.resize(out.size() - last_size);  // "judi-\ncial" → "judicial"
          last = before_last;
        } else {
          out += '\n';
          last = '\n';
        }
      } else if (pending_space) {
        out += ' ';
        last = ' ';
      }
    }
    newlines = 0;
    pending_space = false;
    const size_t size_before = out.size();
    append_code_point(out, c);
    before_last = last;
    last = c;
    last_size = out.size() - size_before;
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
