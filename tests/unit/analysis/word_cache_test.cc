// WordCache: a word remembered by the analyzer gives exactly the token a first analysis gives,
// whatever was analyzed before it (other languages, other stem gates), and the memory is bounded
// (it keeps the words met first) and kept apart per language.
#include "analysis/word_cache.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "canonical_tokens.h"
#include "corpus_texts.h"
#include "test_analyzer.h"

namespace jil::analysis {
namespace {

// Everything of the tokens, offsets included.
std::string every_field(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& token : tokens) {
    out += canonical_token(token) + " @" + std::to_string(token.utf8_begin) + "-" +
           std::to_string(token.utf8_end) + "\n";
  }
  return out;
}

TEST(WordCache, RememberedWordsGiveTheTokensOfAFirstAnalysis) {
  const std::vector<CorpusText> texts = corpus_texts();
  ASSERT_GE(texts.size(), 40u);
  const StemGate gate = StemGate::for_stems({"judg", "corrupt", "integr", "juez", "суд"});
  // One analyzer sees every text in every way, so most of its words come from memory, stored
  // by another language or another gate; each of the others sees one way only.
  auto shared = new_analyzer();
  auto own_language = new_analyzer();
  auto undetermined = new_analyzer();
  auto gated = new_analyzer();
  size_t compared = 0;
  for (const CorpusText& text : texts) {
    // Gated first: a memory that kept only the gated stems would fail the full analyses.
    EXPECT_EQ(every_field(shared->analyze(text.text, text.language, gate)),
              every_field(gated->analyze(text.text, text.language, gate)));
    EXPECT_EQ(every_field(shared->analyze(text.text, Language::kUnd)),
              every_field(undetermined->analyze(text.text, Language::kUnd)));
    const std::vector<Token> tokens = shared->analyze(text.text, text.language);
    EXPECT_EQ(every_field(tokens), every_field(own_language->analyze(text.text, text.language)));
    compared += tokens.size();
  }
  EXPECT_GT(compared, 20000u);
}

TEST(WordCache, ARememberedTooLongWordStillTakesItsPosition) {
  auto analyzer = new_analyzer();
  const std::string too_long(kMaxTermBytes + 1, 'x');
  for (int pass = 0; pass < 2; ++pass) {  // the second pass reads every word from memory
    const std::vector<Token> tokens =
        analyzer->analyze("judges " + too_long + " rule " + too_long + " here", Language::kEn);
    ASSERT_EQ(tokens.size(), 3u);
    EXPECT_EQ(tokens[0].position, 0u);
    EXPECT_EQ(tokens[1].position, 2u);
    EXPECT_EQ(tokens[2].position, 4u);
  }
}

// Everything a packed word gives back, in one line.
std::string unpacked(const PackedWord& word) {
  std::string out = std::to_string(word.takes_position()) + std::to_string(word.makes_token()) +
                    " script " + std::to_string(word.script()) + " exact " +
                    std::string(word.exact());
  word.for_each_form([&out](std::string_view form, PackedWord::PackedStrings stems) {
    out += " | " + std::string(form) + " (" + std::to_string(stems.size()) + "):";
    stems.for_each([&out](std::string_view stem) { out += " " + std::string(stem); });
  });
  return out;
}

AnalyzedWord analyzed_word(std::vector<std::string> forms,
                           std::vector<std::vector<std::string>> stems) {
  AnalyzedWord word;
  word.takes_position = true;
  word.makes_token = true;
  word.script = USCRIPT_ARABIC;
  word.exact = "Exact";
  word.forms = std::move(forms);
  word.stems_of_form = std::move(stems);
  return word;
}

TEST(WordCache, KeepsLanguagesApart) {
  WordCache cache;
  const AnalyzedWord judges = analyzed_word({"judges"}, {{"judg"}});
  cache.remember(Language::kEn, u"judges", judges);
  ASSERT_TRUE(cache.find(Language::kEn, u"judges").has_value());
  EXPECT_EQ(unpacked(*cache.find(Language::kEn, u"judges")),
            "11 script 2 exact Exact | judges (1): judg");
  EXPECT_FALSE(cache.find(Language::kFr, u"judges").has_value());
  EXPECT_FALSE(cache.find(Language::kEn, u"judge").has_value());
  EXPECT_FALSE(cache.find(Language::kEn, u"judgesx").has_value());
}

TEST(WordCache, PacksEveryFormAndStemInOrder) {
  WordCache cache;
  const std::string longest(kMaxTermBytes, 'z');
  const AnalyzedWord word = analyzed_word({"والقضاة", "قضاة", longest, "x"},
                                          {{"قضا", "قض"}, {"قضا"}, {}, {longest, "", "y"}});
  const PackedWord remembered = cache.remember(Language::kAr, u"والقضاة", word);
  const std::string expected = "11 script 2 exact Exact | والقضاة (2): قضا قض | قضاة (1): قضا | " +
                               longest + " (0): | x (3): " + longest + "  y";
  EXPECT_EQ(unpacked(remembered), expected);
  // Words after it do not change it; it is found again with the same analysis.
  for (int index = 0; index < 100; ++index) {
    cache.remember(Language::kAr, u"w" + std::u16string(1, static_cast<char16_t>(0x600 + index)),
                   analyzed_word({"w"}, {{}}));
  }
  ASSERT_TRUE(cache.find(Language::kAr, u"والقضاة").has_value());
  EXPECT_EQ(unpacked(*cache.find(Language::kAr, u"والقضاة")), expected);
  EXPECT_EQ(cache.words(), 101u);
  EXPECT_GT(cache.bytes(), 0u);
}

TEST(WordCache, AWordThatMakesNoTokenKeepsOnlyItsFlags) {
  WordCache cache;
  AnalyzedWord too_long;
  too_long.takes_position = true;
  too_long.forms = {std::string(kMaxTermBytes + 500, 'x')};  // not kept: no token is made
  too_long.exact = too_long.forms[0];
  const PackedWord remembered = cache.remember(Language::kEn, u"xxxx", too_long);
  EXPECT_TRUE(remembered.takes_position());
  EXPECT_FALSE(remembered.makes_token());
  EXPECT_EQ(remembered.exact(), "");
  int forms = 0;
  remembered.for_each_form([&forms](std::string_view, PackedWord::PackedStrings) { ++forms; });
  EXPECT_EQ(forms, 0);
  const PackedWord nothing = cache.remember(Language::kEn, u"---", AnalyzedWord{});
  EXPECT_FALSE(nothing.takes_position());
}

// A distinct two-letter word for each index below 40,000.
std::u16string word_number(size_t index) {
  std::u16string word(2, u'a');
  word[0] = static_cast<char16_t>(0x4E00 + index % 20000);
  word[1] = static_cast<char16_t>(u'a' + index / 20000);
  return word;
}

TEST(WordCache, KeepsTheWordsMetFirstWhenALanguageIsFull) {
  static_assert(WordCache::kMaxWordsPerLanguage <= 40000);
  WordCache cache;
  for (size_t index = 0; index < WordCache::kMaxWordsPerLanguage; ++index) {
    ASSERT_FALSE(cache.full(Language::kEn));
    cache.remember(Language::kEn, word_number(index), AnalyzedWord{});
  }
  EXPECT_TRUE(cache.full(Language::kEn));
  EXPECT_TRUE(cache.find(Language::kEn, word_number(0)).has_value());
  EXPECT_TRUE(
      cache.find(Language::kEn, word_number(WordCache::kMaxWordsPerLanguage - 1)).has_value());
  EXPECT_FALSE(cache.full(Language::kRu));  // a budget per language
  cache.remember(Language::kRu, word_number(0), AnalyzedWord{});
  EXPECT_TRUE(cache.find(Language::kRu, word_number(0)).has_value());
}

TEST(WordCache, AnAnalyzerWithAFullMemoryStillAnalyzesNewWords) {
  auto analyzer = new_analyzer();
  std::string many;  // more distinct words than the memory holds: "w0x w1x ... "
  for (size_t index = 0; index <= WordCache::kMaxWordsPerLanguage + 10; ++index) {
    many += 'w';
    many += std::to_string(index);
    many += "x ";
  }
  EXPECT_EQ(analyzer->analyze(many, Language::kEn).size(), WordCache::kMaxWordsPerLanguage + 11);
  const std::vector<Token> after = analyzer->analyze("judges judged", Language::kEn);
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0].forms[0], "judges");
  EXPECT_EQ(after[1].stems, after[0].stems);
  EXPECT_EQ(canonical_tokens(after),
            canonical_tokens(new_analyzer()->analyze("judges judged", Language::kEn)));
}

// With its memory full, an analyzer stems a new word only where the gate wants the stems (the
// rest it would throw away): its gated and full analyses are those of a fresh analyzer.
TEST(WordCache, AFullMemoryGivesTheGatedAndFullTokensOfAFreshAnalyzer) {
  auto full = new_analyzer();
  for (const Language language : {Language::kEn, Language::kFr, Language::kEs, Language::kRu,
                                  Language::kAr, Language::kUnd}) {
    std::string many;
    for (size_t index = 0; index <= WordCache::kMaxWordsPerLanguage; ++index) {
      many += 'w' + std::to_string(index) + "x ";
    }
    full->analyze(many, language);
  }
  const StemGate gate = StemGate::for_stems({"judg", "corrupt", "integr", "juez", "суд"});
  size_t compared = 0;
  for (const CorpusText& text : corpus_texts()) {
    EXPECT_EQ(every_field(full->analyze(text.text, text.language, gate)),
              every_field(new_analyzer()->analyze(text.text, text.language, gate)));
    const std::vector<Token> tokens = full->analyze(text.text, text.language);
    EXPECT_EQ(every_field(tokens), every_field(new_analyzer()->analyze(text.text, text.language)));
    compared += tokens.size();
  }
  EXPECT_GT(compared, 20000u);
}

}  // namespace
}  // namespace jil::analysis
