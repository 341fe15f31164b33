// Tests the Snowball stems of analysis/analyzer.cc: inflected forms of judicial words share a stem
// in their language, and kUnd stems a word in every language of its script.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "test_analyzer.h"

namespace jil::analysis {
namespace {

using Terms = std::vector<std::string>;

// Each word shares at least one stem with the first (a query matches on any of its stems).
void expect_shared_stem(Analyzer& analyzer, Language language, std::vector<const char*> words) {
  const Terms first = only_token(analyzer, words[0], language).stems;
  EXPECT_FALSE(first.empty()) << words[0];
  for (const char* word : words) {
    EXPECT_TRUE(shares_a_term(only_token(analyzer, word, language).stems, first))
        << word << " shares no stem with " << words[0];
  }
}

TEST(FrenchAnalysis, PluralAndSingularShareAStem) {
  auto analyzer = new_analyzer();
  expect_shared_stem(*analyzer, Language::kFr, {"juges", "juge"});
  expect_shared_stem(*analyzer, Language::kFr, {"tribunaux", "tribunal"});
  EXPECT_EQ(only_token(*analyzer, "juges", Language::kFr).stems, Terms{"jug"});
}

TEST(EnglishAnalysis, PluralAndSingularShareAStem) {
  auto analyzer = new_analyzer();
  expect_shared_stem(*analyzer, Language::kEn, {"judges", "judge", "judge's"});
  expect_shared_stem(*analyzer, Language::kEn, {"conflicts", "conflict"});
  EXPECT_EQ(only_token(*analyzer, "judges", Language::kEn).stems, Terms{"judg"});
}

TEST(RussianAnalysis, CaseFormsShareAStem) {
  auto analyzer = new_analyzer();
  expect_shared_stem(*analyzer, Language::kRu, {"судей", "судьи", "судья"});
  expect_shared_stem(*analyzer, Language::kRu, {"коррупции", "коррупция"});
}

TEST(SpanishAnalysis, GenderAndNumberShareAStem) {
  // Snowball gives jueces → juec but juez → juez, so that plural is not asserted.
  auto analyzer = new_analyzer();
  expect_shared_stem(*analyzer, Language::kEs, {"juez", "jueza"});
  expect_shared_stem(*analyzer, Language::kEs, {"juzgados", "juzgado"});
  expect_shared_stem(*analyzer, Language::kEs, {"tribunales", "tribunal"});
}

// Stems come from the accent-folded form, so a judge who types without accents gets exactly the
// terms of the accented word (the price: Snowball's accented suffix rules, -ité or -ación, do not
// fire, so impartialité and impartial do not share a stem).
TEST(FrenchAnalysis, AccentedAndUnaccentedSpellingsGiveTheSameTerms) {
  auto analyzer = new_analyzer();
  for (const auto& [accented, plain] : std::vector<std::pair<const char*, const char*>>{
           {"égalité", "egalite"}, {"impartialité", "IMPARTIALITE"}, {"déclarée", "declaree"}}) {
    const auto with_accents = only_token(*analyzer, accented, Language::kFr);
    const auto without = only_token(*analyzer, plain, Language::kFr);
    EXPECT_EQ(with_accents.forms, without.forms) << accented;
    EXPECT_EQ(with_accents.stems, without.stems) << accented;
  }
}

TEST(SpanishAnalysis, AccentedAndUnaccentedSpellingsGiveTheSameTerms) {
  auto analyzer = new_analyzer();
  const auto with_accents = only_token(*analyzer, "declaración", Language::kEs);
  const auto without = only_token(*analyzer, "declaracion", Language::kEs);
  EXPECT_EQ(with_accents.forms, without.forms);
  EXPECT_EQ(with_accents.stems, without.stems);
}

TEST(UndeterminedAnalysis, LatinWordIsStemmedInEnglishFrenchAndSpanish) {
  auto analyzer = new_analyzer();
  for (const char* word : {"education", "judges", "declaraciones", "intérêts"}) {
    Terms expected;
    for (Language language : {Language::kEn, Language::kFr, Language::kEs}) {
      for (const std::string& stem : only_token(*analyzer, word, language).stems) {
        if (!contains(expected, stem)) expected.push_back(stem);
      }
    }
    Terms undetermined = only_token(*analyzer, word, Language::kUnd).stems;
    std::sort(undetermined.begin(), undetermined.end());
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(undetermined, expected) << word;
  }
}

TEST(UndeterminedAnalysis, OtherScriptsUseTheirLanguage) {
  auto analyzer = new_analyzer();
  EXPECT_EQ(only_token(*analyzer, "судей", Language::kUnd).stems,
            only_token(*analyzer, "судей", Language::kRu).stems);
  EXPECT_EQ(only_token(*analyzer, "القضاة", Language::kUnd).stems,
            only_token(*analyzer, "القضاة", Language::kAr).stems);
}

TEST(Analysis, NumbersAndHanHaveNoStems) {
  auto analyzer = new_analyzer();
  EXPECT_TRUE(only_token(*analyzer, "2023", Language::kEn).stems.empty());
  for (const Token& token : analyzer->analyze("法官", Language::kZh)) {
    EXPECT_TRUE(token.stems.empty());
  }
}

}  // namespace
}  // namespace jil::analysis
