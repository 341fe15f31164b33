// Traditional → Simplified folding through ICU, one character at a time so that offsets and
// positions of the original text are kept (a character maps to exactly one position).
#include "analysis/chinese_folding.h"

#include <unicode/uscript.h>

namespace jil::analysis {

bool is_han(UChar32 c) {
  // No Han character comes before the CJK Radicals Supplement: most text is answered here,
  // without ICU (ChineseFolding.NoHanCharacterBeforeTheCjkRadicals checks every one).
  if (c < kFirstHanCodePoint) return false;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_HAN;
}

Result<std::unique_ptr<ChineseFolding>> ChineseFolding::create() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> transliterator(
      icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !transliterator) {
    return Status(StatusCode::kInternal,
                  std::string("ICU Traditional-Simplified unavailable: ") + u_errorName(status));
  }
  return std::unique_ptr<ChineseFolding>(new ChineseFolding(std::move(transliterator)));
}

const icu::UnicodeString& ChineseFolding::simplified(UChar32 c) {
  auto found = cache_.find(c);
  if (found != cache_.end()) return found->second;
  icu::UnicodeString folded(c);
  transliterator_->transliterate(folded);
  // A mapping to several characters would shift positions; keep the character itself then.
  if (folded.countChar32() != 1) folded = icu::UnicodeString(c);
  return cache_.emplace(c, std::move(folded)).first->second;
}

icu::UnicodeString ChineseFolding::simplified(const icu::UnicodeString& text) {
  icu::UnicodeString out;
  for (int32_t index = 0; index < text.length(); index = text.moveIndex32(index, 1)) {
    const UChar32 c = text.char32At(index);
    if (is_han(c)) {
      out.append(simplified(c));
    } else {
      out.append(c);
    }
  }
  return out;
}

}  // namespace jil::analysis
