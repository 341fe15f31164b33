// Tests of analysis/word_cache.h through the Analyzer: tokens made from the cache are the same,
// byte for byte (kinds, positions, offsets, forms, exact forms, stems), as tokens analysed
// afresh, in every language and for every kind of word; and the cache stays within its bound.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/word_cache.h"
#include "canonical_tokens.h"
#include "test_analyzer.h"

namespace jil::analysis {
namespace {

// Every field of every token, offsets and kinds included (canonical_tokens leaves them out).
std::string full_tokens(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& token : tokens) {
    out += std::to_string(static_cast<int>(token.kind)) + "@" + std::to_string(token.utf8_begin) +
           "-" + std::to_string(token.utf8_end) + " " + canonical_token(token) + "\n";
  }
  return out;
}

std::string repeated(std::string_view piece, size_t count) {
  std::string out;
  for (size_t index = 0; index < count; ++index) out += piece;
  return out;
}

// One text with something of each case the cache must keep apart; every word occurs at least
// twice so that the second occurrence comes from the cache.
std::string mixed_text() {
  const std::string once =
      // Arabic with proclitics and alef forms, a word that folds to nothing (tatweel only).
      "يلتزم القاضي بالنزاهة والاستقلال وللقضاة الإفصاح للجنة وبالشفافية آلاف أحكام إلغاء ـــ "
      // French elisions, accents, ligatures; English possessives, typographic apostrophes.
      "l’impartialité d'intérêts lorsqu’il œuvres égalité the judge's court’s judges "
      // Spanish, Russian (ё), digits in three scripts.
      "jueces declaración rendición Судья самоотвод всё ещё судей 2024 1.5 ٢٠٢٤ "
      // Chinese Traditional and Simplified, a Han run next to Latin, a combining mark on Han.
      "法官應當迴避利益衝突 法官应当回避利益冲突 司法廉潔 judge法官 法\u0301官 "
      // The same Latin words that other languages stem differently.
      "integrity intégrité integridad conflicts conflits conflictos ";
  // Over-long words: 62 Arabic and Cyrillic letters (124 bytes: dropped, a position each) fit in
  // the cache; 70 Latin letters do not (analysed each time).
  const std::string long_words = repeated("ب", 62) + " " + repeated("ж", 62) + " " +
                                 repeated("a", 70) + " " + repeated("é", 61) + " ";
  return once + long_words + once + long_words;
}

std::vector<Language> every_language() {
  std::vector<Language> languages(all_languages().begin(), all_languages().end());
  languages.push_back(Language::kUnd);
  return languages;
}

TEST(WordCache, CachedTokensEqualFreshTokensInEveryLanguage) {
  auto cached = new_analyzer();
  auto fresh = new_analyzer();
  fresh->set_word_cache_limit(0);
  const std::string text = mixed_text();
  // Twice over all languages: the second round finds every word cached by the first, under each
  // language in turn (a cache keyed on the word alone would hand French stems to Spanish).
  for (int round = 0; round < 2; ++round) {
    for (Language language : every_language()) {
      const std::string expected = full_tokens(fresh->analyze(text, language));
      EXPECT_EQ(full_tokens(cached->analyze(text, language)), expected)
          << "round " << round << ", " << language_code(language);
    }
  }
  EXPECT_GT(cached->word_cache_size(), 0u);
  EXPECT_EQ(fresh->word_cache_size(), 0u);
}

TEST(WordCache, WordsAnalysedAloneEqualWordsInText) {
  auto cached = new_analyzer();
  auto fresh = new_analyzer();
  fresh->set_word_cache_limit(0);
  // A word first seen in a text, then alone as a query (other offsets and positions).
  for (Language language : every_language()) {
    cached->analyze(mixed_text(), language);
    for (std::string_view word :
         {"القاضي", "l’impartialité", "judge's", "всё", "法官", "應當", "conflits", "٢٠٢٤"}) {
      EXPECT_EQ(full_tokens(cached->analyze(word, language)),
                full_tokens(fresh->analyze(word, language)))
          << language_code(language) << ": " << word;
    }
  }
}

TEST(WordCache, LongWordsAreNotKept) {
  auto analyzer = new_analyzer();
  analyzer->analyze(repeated("a", kMaxCachedWordUnits + 1), Language::kEn);
  EXPECT_EQ(analyzer->word_cache_size(), 0u);
  analyzer->analyze(repeated("a", kMaxCachedWordUnits), Language::kEn);
  EXPECT_EQ(analyzer->word_cache_size(), 1u);
}

TEST(WordCache, NeverExceedsItsBound) {
  auto analyzer = new_analyzer();
  auto fresh = new_analyzer();
  fresh->set_word_cache_limit(0);
  constexpr size_t kLimit = 100;
  analyzer->set_word_cache_limit(kLimit);
  // 1,000 distinct words per text, several texts: the cache fills and starts again many times.
  for (int text_index = 0; text_index < 5; ++text_index) {
    std::string text;
    for (int word = 0; word < 1000; ++word) {
      text += "w" + std::to_string(text_index * 1000 + word) + "x ";
      if (word % 10 == 0) text += "juge juges ";  // kept or not, always the same tokens
    }
    EXPECT_EQ(full_tokens(analyzer->analyze(text, Language::kFr)),
              full_tokens(fresh->analyze(text, Language::kFr)));
    EXPECT_LE(analyzer->word_cache_size(), kLimit);
    EXPECT_GT(analyzer->word_cache_size(), 0u);
  }
  // Lowering the limit below the current size empties the cache; 0 turns it off.
  analyzer->set_word_cache_limit(10);
  EXPECT_LE(analyzer->word_cache_size(), 10u);
  analyzer->set_word_cache_limit(0);
  analyzer->analyze("juge juges magistrat", Language::kFr);
  EXPECT_EQ(analyzer->word_cache_size(), 0u);
}

TEST(WordCache, DefaultBoundIsNamed) {
  auto analyzer = new_analyzer();
  std::string text;
  for (size_t word = 0; word < kWordCacheWords + 10; ++word)
    text += std::to_string(word) + " ";  // numbers: no stems, cheap
  analyzer->analyze(text, Language::kEn);
  EXPECT_LE(analyzer->word_cache_size(), kWordCacheWords);
}

}  // namespace
}  // namespace jil::analysis
