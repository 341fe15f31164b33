// Case and accent folding of one word: NFKC case folding (which also maps Arabic presentation
// forms and ligatures to letters), accents removed from Latin letters, ё → е, œ → oe, and the
// Arabic rules of arabic_folding.h. The exact form keeps accents for the =exact operator.
#pragma once

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <memory>

#include "base/status.h"

namespace jil::analysis {

class TokenFolding {
 public:
  static Result<TokenFolding> create();

  // NFKC case-folded, with typographic apostrophes unified to U+0027: the "exact" form.
  icu::UnicodeString case_fold(const icu::UnicodeString& word) const;
  // The fully folded form of an already case-folded word: no accents, Arabic variants unified.
  icu::UnicodeString fold(const icu::UnicodeString& case_folded) const;

 private:
  TokenFolding(const icu::Normalizer2* nfkc_casefold, const icu::Normalizer2* nfd,
               const icu::Normalizer2* nfc)
      : nfkc_casefold_(nfkc_casefold), nfd_(nfd), nfc_(nfc) {}

  // ICU owns these singletons; they are thread-safe.
  const icu::Normalizer2* nfkc_casefold_;
  const icu::Normalizer2* nfd_;
  const icu::Normalizer2* nfc_;
};

}  // namespace jil::analysis
