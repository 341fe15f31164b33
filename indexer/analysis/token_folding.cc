// Implementation of token_folding.h: per code point, decided by script.
#include "analysis/token_folding.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>

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

// ASCII and the Russian alphabet (А-я, Ё, ё): code units that NFKC case folding maps one to
// one and that compose with nothing, so a word of them folds unit by unit without the
// normalizers, which were most of the analysis time of English and Russian text.
bool is_plain_unit(char16_t unit) {
  return unit < 0x80 || (unit >= 0x0410 && unit <= 0x044F) || unit == 0x0401 || unit == 0x0451;
}

bool is_plain(const icu::UnicodeString& word) {
  const char16_t* units = word.getBuffer();
  return std::all_of(units, units + word.length(), is_plain_unit);
}

// case_fold() of a plain word: A-Z and А-Я lowercased, Ё → ё, the grave accent an apostrophe
// (tests/unit/analysis/token_folding_test.cc compares this with the normalizer unit by unit).
icu::UnicodeString plain_case_fold(const icu::UnicodeString& word) {
  icu::UnicodeString folded(word);
  for (int32_t index = 0; index < folded.length(); ++index) {
    const char16_t unit = folded.charAt(index);
    if ((unit >= u'A' && unit <= u'Z') || (unit >= 0x0410 && unit <= 0x042F)) {
      folded.setCharAt(index, static_cast<char16_t>(unit + 0x20));
    } else if (unit == 0x0401) {
      folded.setCharAt(index, 0x0451);
    } else if (unit == 0x0060) {
      folded.setCharAt(index, u'\'');
    }
  }
  return folded;
}

// fold() of a case-folded plain word: ё → е; nothing else has an accent to lose.
icu::UnicodeString plain_fold(const icu::UnicodeString& case_folded) {
  icu::UnicodeString folded(case_folded);
  for (int32_t index = 0; index < folded.length(); ++index) {
    if (folded.charAt(index) == 0x0451) folded.setCharAt(index, 0x0435);
  }
  return folded;
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
  if (is_plain(word)) return plain_case_fold(word);  // most words of en, es, fr and ru texts
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
  if (is_plain(case_folded)) return plain_fold(case_folded);
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
