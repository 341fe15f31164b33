// Tests analysis/token_folding.cc: NFKC case folding (the exact form) and the accent, ё, ligature
// and Arabic folding that makes index and query spell a word alike.
#include "analysis/token_folding.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace jil::analysis {
namespace {

icu::UnicodeString from_utf8(std::string_view text) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

std::string to_utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::string exact_form(std::string_view word) {
  auto folding = TokenFolding::create();
  JIL_CHECK(folding.is_ok());
  return to_utf8(folding->case_fold(from_utf8(word)));
}

std::string folded_form(std::string_view word) {
  auto folding = TokenFolding::create();
  JIL_CHECK(folding.is_ok());
  return to_utf8(folding->fold(folding->case_fold(from_utf8(word))));
}

TEST(TokenFolding, CaseFoldingIsNfkc) {
  EXPECT_EQ(exact_form("JUGE"), "juge");
  EXPECT_EQ(exact_form("ＪＵＧＥ"), "juge");           // full-width letters
  EXPECT_EQ(exact_form("ﬁnancement"), "financement");  // ﬁ ligature
  EXPECT_EQ(exact_form("Straße"), "strasse");
  EXPECT_EQ(exact_form("СУДЬЯ"), "судья");
}

// ASCII and Russian words skip the normalizers (token_folding.cc); they must fold as if they had
// not: every such code unit alone and between letters, against ICU's NFKC case folding and the
// Unicode decomposition of ё.
TEST(TokenFolding, AsciiAndRussianWordsFoldAsTheNormalizersFoldThem) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  auto folding = TokenFolding::create();
  ASSERT_TRUE(folding.is_ok());
  std::vector<char16_t> units = {0x0401, 0x0451};
  for (char16_t unit = 1; unit < 0x80; ++unit) units.push_back(unit);
  for (char16_t unit = 0x0410; unit <= 0x044F; ++unit) units.push_back(unit);
  for (const char16_t unit : units) {
    for (const icu::UnicodeString& word :
         {icu::UnicodeString(unit), icu::UnicodeString(u"Ab") + unit + u"Z9",
          icu::UnicodeString(u"Су") + unit + u"ДЬЯ"}) {
      icu::UnicodeString expected = nfkc_casefold->normalize(word, status);
      ASSERT_TRUE(U_SUCCESS(status));
      if (unit == u'`') expected.findAndReplace(u"`", u"'");  // an apostrophe
      const icu::UnicodeString exact = folding->case_fold(word);
      EXPECT_EQ(to_utf8(exact), to_utf8(expected)) << "U+" << std::hex << int{unit};
      icu::UnicodeString without_yo = exact;
      without_yo.findAndReplace(u"ё", u"е");
      EXPECT_EQ(to_utf8(folding->fold(exact)), to_utf8(without_yo))
          << "U+" << std::hex << int{unit};
    }
  }
}

TEST(TokenFolding, ExactFormKeepsAccents) {
  EXPECT_EQ(exact_form("ÉGALITÉ"), "égalité");
  EXPECT_EQ(exact_form("Всё"), "всё");
  EXPECT_EQ(exact_form("Corrupción"), "corrupción");
}

TEST(TokenFolding, TypographicApostrophesBecomeAscii) {
  EXPECT_EQ(exact_form("l’éducation"), "l'éducation");  // U+2019
  EXPECT_EQ(exact_form("l‘éducation"), "l'éducation");  // U+2018
  EXPECT_EQ(exact_form("lʼéducation"), "l'éducation");  // U+02BC
}

TEST(TokenFolding, AccentsAreRemoved) {
  EXPECT_EQ(folded_form("égalité"), "egalite");
  EXPECT_EQ(folded_form("EGALITE"), "egalite");
  EXPECT_EQ(folded_form("egalite"), "egalite");
  EXPECT_EQ(folded_form("intérêts"), "interets");
  EXPECT_EQ(folded_form("corrupción"), "corrupcion");
  EXPECT_EQ(folded_form("año"), "ano");
}

TEST(TokenFolding, RussianYoBecomesYe) {
  EXPECT_EQ(folded_form("всё"), "все");
  EXPECT_EQ(folded_form("ещё"), "еще");
  EXPECT_EQ(folded_form("ЁЛКА"), "елка");
}

TEST(TokenFolding, RussianShortIKeepsItsBreve) {
  // й decomposes to и + breve; only Latin letters and ё lose their marks.
  EXPECT_EQ(folded_form("судей"), "судей");
  EXPECT_EQ(folded_form("независимый"), "независимый");
}

TEST(TokenFolding, LatinLettersWithoutDecompositionFold) {
  EXPECT_EQ(folded_form("œuvre"), "oeuvre");
  EXPECT_EQ(folded_form("Œuvre"), "oeuvre");
  EXPECT_EQ(folded_form("æquo"), "aequo");
  EXPECT_EQ(folded_form("Łódź"), "lodz");
}

TEST(TokenFolding, ArabicPresentationFormsBecomeLetters) {
  EXPECT_EQ(exact_form("ﺍﻻﺳﺘﻘﻼﻝ"), "الاستقلال");  // with the lam-alef ligature ﻻ
  EXPECT_EQ(exact_form("ﻻ"), "لا");
  EXPECT_EQ(folded_form("ﺍﻻﺳﺘﻘﻼﻝ"), "الاستقلال");
}

TEST(TokenFolding, ArabicRulesApplyToArabicWords) {
  EXPECT_EQ(folded_form("القَاضِي"), "القاضي");
  EXPECT_EQ(folded_form("القضــاء"), "القضاء");
  EXPECT_EQ(folded_form("أحكام"), "احكام");
}

TEST(TokenFolding, HanIsUnchanged) { EXPECT_EQ(folded_form("法官"), "法官"); }

}  // namespace
}  // namespace jil::analysis
