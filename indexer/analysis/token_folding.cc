// Implementation of token_folding.h: per code point, decided by script.
#include "analysis/token_folding.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "analysis/arabic_folding.h"

namespace jil::analysis {
namespace {

bool is_apostrophe(UChar32 c) {
  return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0xFF07 || c == 0x0060 || c == 0x00B4;
}

bool is_latin(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_LATIN;
}

// Latin letters that carry no combining mark in NFD but still fold for search.
const char16_t* latin_special(UChar32 c) {
  switch (c) {
    case 0x0153:
      return u"oe";  // œ
    case 0x00E6:
      return u"ae";  // æ
    case 0x00F8:
      return u"o";  // ø
    case 0x0111:
      return u"d";  // đ
    case 0x0142:
      return u"l";  // ł
    case 0x0131:
      return u"i";  // dotless i
    default:
      return nullptr;
  }
}

}  // namespace

Result<TokenFolding> TokenFolding::create() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    return Status(StatusCode::kInternal, std::string("ICU normalizers: ") + u_errorName(status));
  }
  return TokenFolding(nfkc_casefold, nfd, nfc);
}

icu::UnicodeString TokenFolding::case_fold(const icu::UnicodeString& word) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString folded = nfkc_casefold_->normalize(word, status);
  if (U_FAILURE(status)) return word;
  for (int32_t index = 0; index < folded.length(); ++index) {
    if (is_apostrophe(folded.charAt(index))) folded.setCharAt(index, u'\'');
  }
  folded.findAndReplace(icu::UnicodeString(char16_t(0x0640)), icu::UnicodeString());  // tatweel
  return folded;
}

icu::UnicodeString TokenFolding::fold(const icu::UnicodeString& case_folded) const {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString decomposed = nfd_->normalize(case_folded, status);
  if (U_FAILURE(status)) return case_folded;
  icu::UnicodeString out;
  bool has_arabic = false;
  bool previous_base_is_latin = false;
  for (int32_t index = 0; index < decomposed.length();) {
    const UChar32 c = decomposed.char32At(index);
    index = decomposed.moveIndex32(index, 1);
    const bool is_mark = u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK;
    if (is_mark) {
      if (previous_base_is_latin) continue;  // é → e, ñ → n, ç → c
      if (c == 0x0308 && !out.isEmpty() && out.char32At(out.length() - 1) == 0x0435) {
        continue;  // ё (е + diaeresis) → е
      }
      if (is_arabic(c)) has_arabic = true;
      out.append(c);
      continue;
    }
    previous_base_is_latin = is_latin(c);
    if (const char16_t* replacement = latin_special(c)) {
      out.append(replacement);
      continue;
    }
    if (is_arabic(c)) has_arabic = true;
    out.append(c);
  }
  if (has_arabic) out = fold_arabic(out);
  icu::UnicodeString composed = nfc_->normalize(out, status);
  return U_FAILURE(status) ? out : composed;
}

}  // namespace jil::analysis
