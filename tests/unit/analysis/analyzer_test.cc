// Tests analysis/analyzer.cc language by language: folding, elision, Arabic proclitics, Chinese
// characters and words, Snowball stems, and positions (one per word, so phrases work).
#include "analysis/analyzer.h"

#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "test_analyzer.h"

namespace jil::analysis {
namespace {

using Terms = std::vector<std::string>;

TEST(LatinAnalysis, AccentsAndCaseFoldAlike) {
  auto analyzer = new_analyzer();
  for (const char* word : {"egalite", "EGALITE", "égalité", "Égalité"}) {
    EXPECT_EQ(only_token(*analyzer, word, Language::kFr).forms, Terms{"egalite"}) << word;
  }
}

TEST(LatinAnalysis, ExactFormKeepsAccents) {
  auto analyzer = new_analyzer();
  EXPECT_EQ(only_token(*analyzer, "Égalité", Language::kFr).exact, "égalité");
  EXPECT_EQ(only_token(*analyzer, "egalite", Language::kFr).exact, "egalite");
}

TEST(FrenchAnalysis, OeLigatureFoldsToOe) {
  auto analyzer = new_analyzer();
  EXPECT_EQ(only_token(*analyzer, "œuvre", Language::kFr).forms, Terms{"oeuvre"});
  EXPECT_EQ(only_token(*analyzer, "Œuvre", Language::kFr).forms, Terms{"oeuvre"});
}

TEST(RussianAnalysis, YoFoldsToYe) {
  auto analyzer = new_analyzer();
  EXPECT_EQ(only_token(*analyzer, "всё", Language::kRu).forms, Terms{"все"});
  EXPECT_EQ(only_token(*analyzer, "ещё", Language::kRu).forms,
            only_token(*analyzer, "еще", Language::kRu).forms);
  EXPECT_EQ(only_token(*analyzer, "всё", Language::kRu).exact, "всё");
}

TEST(FrenchAnalysis, ElisionIsSplit) {
  auto analyzer = new_analyzer();
  const Token education = only_token(*analyzer, "l'éducation", Language::kFr);
  EXPECT_EQ(education.forms, Terms{"education"});
  EXPECT_EQ(education.exact, "éducation");
  EXPECT_EQ(only_token(*analyzer, "d'intérêts", Language::kFr).forms, Terms{"interets"});
  EXPECT_EQ(only_token(*analyzer, "qu'il", Language::kFr).forms, Terms{"il"});
  EXPECT_EQ(only_token(*analyzer, "L’éducation", Language::kFr).forms, Terms{"education"});
}

TEST(EnglishAnalysis, PossessiveIsRemoved) {
  auto analyzer = new_analyzer();
  EXPECT_EQ(only_token(*analyzer, "judge's", Language::kEn).forms, Terms{"judge"});
  EXPECT_EQ(only_token(*analyzer, "Judge’s", Language::kEn).forms, Terms{"judge"});
}

TEST(ArabicAnalysis, HarakatAndTatweelAreIgnored) {
  auto analyzer = new_analyzer();
  EXPECT_EQ(only_token(*analyzer, "القَاضِي", Language::kAr).forms,
            only_token(*analyzer, "القاضي", Language::kAr).forms);
  EXPECT_EQ(only_token(*analyzer, "القضــاء", Language::kAr).forms,
            only_token(*analyzer, "القضاء", Language::kAr).forms);
}

TEST(ArabicAnalysis, AlefFormsAreUnified) {
  auto analyzer = new_analyzer();
  EXPECT_EQ(only_token(*analyzer, "أحكام", Language::kAr).forms[0], "احكام");
  EXPECT_EQ(only_token(*analyzer, "إقرار", Language::kAr).forms[0], "اقرار");
  EXPECT_EQ(only_token(*analyzer, "آليات", Language::kAr).forms[0], "اليات");
}

TEST(ArabicAnalysis, PresentationFormsFoldToLetters) {
  auto analyzer = new_analyzer();
  const Token independence = only_token(*analyzer, "ﺍﻻﺳﺘﻘﻼﻝ", Language::kAr);
  EXPECT_EQ(independence.forms, only_token(*analyzer, "الاستقلال", Language::kAr).forms);
  EXPECT_EQ(independence.exact, "الاستقلال");
  EXPECT_EQ(only_token(*analyzer, "ﻻ", Language::kAr).forms, Terms{"لا"});
}

TEST(ArabicAnalysis, ProcliticsDoNotStopAMatch) {
  auto analyzer = new_analyzer();
  const std::vector<std::vector<const char*>> families = {
      {"قضاة", "القضاة", "والقضاة", "للقضاة", "بالقضاة", "فالقضاة", "كالقضاة", "وبالقضاة"},
      {"محكمة", "المحكمة", "والمحكمة", "للمحكمة", "بالمحكمة", "وبالمحكمة", "بمحكمة"},
      {"نزاهة", "النزاهة", "والنزاهة", "للنزاهة", "بالنزاهة", "ونزاهة"},
      {"استقلال", "الاستقلال", "والاستقلال", "للاستقلال", "بالاستقلال", "فالاستقلال"},
      {"قانون", "القانون", "والقانون", "للقانون", "بالقانون", "وبالقانون", "وقانون"},
  };
  for (const auto& family : families) {
    const std::string bare = only_token(*analyzer, family[0], Language::kAr).forms[0];
    for (const char* word : family) {
      EXPECT_TRUE(contains(only_token(*analyzer, word, Language::kAr).forms, bare))
          << word << " lacks " << bare;
    }
  }
}

// ل + اللجنة is written للجنة: the article's lam merges with the noun's first lam, so stripping
// لل as ل + ال takes the noun's lam too (للجنة → جنه, never لجنه).
TEST(ArabicAnalysis, LamLamBeforeLamInitialNounKeepsTheNoun) {
  auto analyzer = new_analyzer();
  for (const auto& [prefixed, bare] : {std::pair{"للجنة", "لجنة"}, std::pair{"للائحة", "لائحة"}}) {
    const std::string noun = only_token(*analyzer, bare, Language::kAr).forms[0];
    EXPECT_TRUE(contains(only_token(*analyzer, prefixed, Language::kAr).forms, noun))
        << prefixed << " lacks " << noun;
  }
}

// Stems come from the barest form (forms.back()); a noun whose first letter looks like a
// proclitic (ل ك ب) loses it when bare but keeps it after the article, so the stems part.
TEST(ArabicAnalysis, PrefixedNounSharesAStemWithTheBareNoun) {
  auto analyzer = new_analyzer();
  const std::vector<std::vector<const char*>> families = {
      {"قضاة", "القضاة", "والقضاة", "للقضاة", "بالقضاة"},
      {"لجنة", "اللجنة", "واللجنة", "باللجنة", "للجنة"},
      {"كتاب", "الكتاب", "والكتاب", "بالكتاب", "للكتاب"},
      {"لائحة", "اللائحة", "واللائحة", "باللائحة", "للائحة"},
  };
  for (const auto& family : families) {
    const Terms bare_stems = only_token(*analyzer, family[0], Language::kAr).stems;
    for (const char* word : family) {
      EXPECT_TRUE(shares_a_term(only_token(*analyzer, word, Language::kAr).stems, bare_stems))
          << word << " shares no stem with " << family[0];
    }
  }
}

// آ أ إ become ا before the article is looked for, so آليات (mechanisms) and إلغاء
// (cancellation) read as ال + يات / ال + غاء.
TEST(ArabicAnalysis, AlefWithHamzaOrMaddaBeforeLamIsNotTheArticle) {
  auto analyzer = new_analyzer();
  EXPECT_EQ(only_token(*analyzer, "آليات", Language::kAr).forms, Terms{"اليات"});
  EXPECT_EQ(only_token(*analyzer, "إلغاء", Language::kAr).forms, Terms{"الغاء"});
  EXPECT_TRUE(contains(only_token(*analyzer, "الآليات", Language::kAr).forms, "اليات"));
}

// Tatweel (kashida) only stretches a word for justification; it is not part of its spelling.
TEST(ArabicAnalysis, TatweelIsNotPartOfTheExactForm) {
  auto analyzer = new_analyzer();
  EXPECT_EQ(only_token(*analyzer, "القضــاء", Language::kAr).exact, "القضاء");
}

TEST(ChineseAnalysis, TraditionalAndSimplifiedGiveTheSameForms) {
  auto analyzer = new_analyzer();
  auto forms_of = [&](const char* text) {
    std::vector<std::string> out;
    for (const Token& token : analyzer->analyze(text, Language::kZh)) {
      out.push_back(std::to_string(token.position) + ":" + token.forms[0]);
    }
    return out;
  };
  EXPECT_EQ(forms_of("利益衝突"), forms_of("利益冲突"));
  EXPECT_EQ(forms_of("財產申報"), forms_of("财产申报"));
  EXPECT_EQ(forms_of("法官應當迴避"), forms_of("法官应当回避"));
  EXPECT_EQ(forms_of("財產申報"), (Terms{"0:财", "1:产", "0:财产", "2:申", "3:报", "2:申报"}));
}

// The analyzer remembers each Han character's folded forms (kMaxHanCharactersRemembered); a text
// reads the same before and after that memory has filled and started again.
TEST(ChineseAnalysis, HanCharactersFoldAlikeBeforeAndAfterTheMemoryFills) {
  auto analyzer = new_analyzer();
  const std::string text = "國際法院的法官們遵守司法倫理";
  const std::vector<Token> before = analyzer->analyze(text, Language::kZh);
  std::string many;  // the 27,584 characters of CJK Extension A and the Unified block
  for (UChar32 c = 0x3400; c <= 0x9FFF; ++c) {
    if (c > 0x4DBF && c < 0x4E00) continue;
    char bytes[4];
    int32_t length = 0;
    U8_APPEND_UNSAFE(bytes, length, c);
    many.append(bytes, static_cast<size_t>(length));
    if (c % 100 == 99) many += '\n';
  }
  const std::vector<Token> all = analyzer->analyze(many, Language::kZh);
  EXPECT_GE(std::count_if(all.begin(), all.end(),
                          [](const Token& token) { return token.kind == TokenKind::kHanChar; }),
            25000);  // more than the analyzer remembers
  const std::vector<Token> after = analyzer->analyze(text, Language::kZh);
  ASSERT_EQ(before.size(), after.size());
  for (size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(before[i].forms, after[i].forms) << i;
    EXPECT_EQ(before[i].exact, after[i].exact) << i;
  }
  auto fresh = new_analyzer();
  const std::vector<Token> again = fresh->analyze(many, Language::kZh);
  ASSERT_EQ(all.size(), again.size());
  for (size_t i = 0; i < all.size(); i += 97) EXPECT_EQ(all[i].forms, again[i].forms) << i;
  EXPECT_EQ(before[0].forms[0], "国");  // 國 folds to Simplified
  EXPECT_EQ(before[0].exact, "國");
}

// Ideographic variation selectors (U+E0100…, U+FE00…) and combining marks ride on the Han
// character before them: they must not become tokens, take positions or leave empty terms.
TEST(ChineseAnalysis, VariationSelectorsTakeNoPosition) {
  auto analyzer = new_analyzer();
  for (const char* text : {"法\U000E0100官", "法\uFE00官", "法\u0301官"}) {
    std::vector<std::string> characters;
    for (const Token& token : analyzer->analyze(text, Language::kZh)) {
      EXPECT_FALSE(token.forms[0].empty()) << "empty term at position " << token.position;
      if (token.kind != TokenKind::kHanChar) continue;
      EXPECT_EQ(token.position, characters.size());
      characters.push_back(token.forms[0]);
    }
    EXPECT_EQ(characters, (Terms{"法", "官"}));
  }
}

TEST(ChineseAnalysis, EachHanCharacterHasItsOwnPosition) {
  auto analyzer = new_analyzer();
  uint32_t expected_position = 0;
  size_t characters = 0;
  for (const Token& token : analyzer->analyze("法官應當迴避利益衝突", Language::kZh)) {
    if (token.kind != TokenKind::kHanChar) continue;
    EXPECT_EQ(token.position, expected_position++);
    EXPECT_EQ(token.utf8_end - token.utf8_begin, 3u);
    ++characters;
  }
  EXPECT_EQ(characters, 10u);
}

TEST(ChineseAnalysis, DictionaryWordSitsAtItsFirstCharacter) {
  auto analyzer = new_analyzer();
  const std::vector<Token> tokens = analyzer->analyze("法官應當迴避利益衝突", Language::kZh);
  size_t words = 0;
  for (size_t index = 0; index < tokens.size(); ++index) {
    if (tokens[index].kind != TokenKind::kHanWord) continue;
    ++words;
    const Token& word = tokens[index];
    const auto first = std::find_if(tokens.begin(), tokens.end(), [&](const Token& token) {
      return token.kind == TokenKind::kHanChar && token.utf8_begin == word.utf8_begin;
    });
    ASSERT_NE(first, tokens.end());
    EXPECT_EQ(word.position, first->position) << word.forms[0];
  }
  EXPECT_EQ(words, 5u);  // 法官 应当 回避 利益 冲突
}

TEST(ChineseAnalysis, WordInsideUnspacedTextHasConsecutiveCharacters) {
  auto analyzer = new_analyzer();
  std::vector<std::string> characters;
  for (const Token& token : analyzer->analyze("中国农业发展银行", Language::kZh)) {
    if (token.kind == TokenKind::kHanChar) {
      EXPECT_EQ(token.position, characters.size());
      characters.push_back(token.forms[0]);
    }
  }
  ASSERT_EQ(characters.size(), 8u);
  EXPECT_EQ(characters[2], "农");
  EXPECT_EQ(characters[3], "业");
}

}  // namespace
}  // namespace jil::analysis
