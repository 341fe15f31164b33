// A token: what the analyzer makes of one word (or one Han character) of a text, for both the
// indexer (terms and positions) and searchd (query terms, snippet highlighting).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace jil::analysis {

enum class TokenKind {
  kWord,     // an alphabetic or numeric word; has its own position
  kHanChar,  // one Han character; has its own position (the fine segment)
  kHanWord,  // a dictionary word of several Han characters, at its first character's position
};

struct Token {
  TokenKind kind = TokenKind::kWord;
  uint32_t position = 0;    // 0-based word position in the analyzed text
  uint32_t utf8_begin = 0;  // byte offsets of the surface word in the analyzed text
  uint32_t utf8_end = 0;
  // Folded forms, indexed unprefixed at `position`: forms[0] is the word itself folded; the rest
  // are variants that should also match (Arabic word without its proclitics, and the singular
  // of an Arabic broken plural: arabic_broken_plurals.h).
  std::vector<std::string> forms;
  std::string exact;               // case-folded, accents kept: for the =exact operator
  std::vector<std::string> stems;  // Snowball stems of forms.back(), one per applicable language
};

}  // namespace jil::analysis
