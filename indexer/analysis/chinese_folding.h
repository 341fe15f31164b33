// Folds Traditional Chinese characters to Simplified (ICU's Traditional-Simplified transliterator)
// so that either script finds both. Caches per character; not thread-safe (one per Analyzer).
#pragma once

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <unordered_map>

#include "base/status.h"

namespace jil::analysis {

bool is_han(UChar32 c);
// U+2E80, the first code point of the CJK Radicals Supplement: no Han character is below it.
inline constexpr UChar32 kFirstHanCodePoint = 0x2E80;

class ChineseFolding {
 public:
  static Result<std::unique_ptr<ChineseFolding>> create();

  // The Simplified form of one character (itself when it has none).
  const icu::UnicodeString& simplified(UChar32 c);
  // The Simplified form of a run of characters, folded one character at a time.
  icu::UnicodeString simplified(const icu::UnicodeString& text);

 private:
  explicit ChineseFolding(std::unique_ptr<icu::Transliterator> transliterator)
      : transliterator_(std::move(transliterator)) {}

  std::unique_ptr<icu::Transliterator> transliterator_;
  std::unordered_map<UChar32, icu::UnicodeString> cache_;
};

}  // namespace jil::analysis
