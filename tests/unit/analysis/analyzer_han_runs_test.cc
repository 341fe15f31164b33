// Analysis without Han dictionary words (HanWords::kSkip, for searchd's snippets): every token
// but the kHanWord ones is exactly what the full analysis makes, on every corpus/ text and on
// mixed scripts, kana, marks riding on Han characters and characters outside the BMP.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "corpus_texts.h"
#include "test_analyzer.h"

namespace jil::analysis {
namespace {

// Every field of the tokens that are not Han dictionary words, offsets included.
std::string without_han_words(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& token : tokens) {
    if (token.kind == TokenKind::kHanWord) continue;
    out += std::to_string(static_cast<int>(token.kind)) + " " + std::to_string(token.position) +
           " " + std::to_string(token.utf8_begin) + "-" + std::to_string(token.utf8_end) + " ";
    for (const std::string& form : token.forms) out += form + ",";
    out += " =" + token.exact + " Z";
    for (const std::string& stem : token.stems) out += stem + ",";
    out += "\n";
  }
  return out;
}

size_t han_words(const std::vector<Token>& tokens) {
  size_t count = 0;
  for (const Token& token : tokens) count += token.kind == TokenKind::kHanWord ? 1 : 0;
  return count;
}

void expect_same_but_han_words(Analyzer& analyzer, const std::string& text, Language language) {
  const std::vector<Token> full = analyzer.analyze(text, language);
  const std::vector<Token> skipped =
      analyzer.analyze(text, language, StemGate::every_word(), HanWords::kSkip);
  EXPECT_EQ(without_han_words(skipped), without_han_words(full)) << "[" << text << "]";
  EXPECT_EQ(han_words(skipped), 0u) << text;
}

TEST(AnalyzerHanRuns, CorpusTextsGiveTheSameTokensButHanWords) {
  auto analyzer = new_analyzer();
  const std::vector<CorpusText> texts = corpus_texts();
  ASSERT_GE(texts.size(), 40u);
  size_t dictionary_words = 0;
  for (const CorpusText& text : texts) {
    expect_same_but_han_words(*analyzer, text.text, text.language);
    expect_same_but_han_words(*analyzer, text.text, Language::kUnd);
    dictionary_words += han_words(analyzer->analyze(text.text, text.language));
  }
  EXPECT_GT(dictionary_words, 1000u);  // the Chinese texts do have dictionary words to skip
}

TEST(AnalyzerHanRuns, MixedScriptsKanaMarksAndSupplementaryHanGiveTheSameTokens) {
  auto analyzer = new_analyzer();
  // Han beside digits, Latin, kana and other scripts; a variation selector, a joiner and a mark
  // inside runs; Han outside the BMP; Han-script signs, an ideographic space, fullwidth letters;
  // marks before the first Han character.
  const std::vector<std::string> texts = {
      "法官2024年在北京审理了ABC公司的案件。",
      "第3条：法官应当独立（independence）judge法院",
      "日本の裁判官は食べる。カタカナと漢字かな交じり文",
      "葛\xF3\xA0\x84\x80城 邊\xEF\xB8\x80界 漢\xE2\x80\x8D字 字\xCC\x81典",
      "\xF0\xA0\x80\x80\xF0\xAA\x9B\x96法 𠀀a𪛖1 司法𠀀",
      "القاضي 法官 судья juge 裁判官",
      "〇々〆 法　官 ＡＢＣ１２３ 法官",
      "\xCC\x81法 官\xCC\x81\xCC\x82 ",
  };
  for (const std::string& text : texts) {
    for (Language language : {Language::kZh, Language::kUnd, Language::kEn, Language::kAr}) {
      expect_same_but_han_words(*analyzer, text, language);
    }
  }
}

TEST(AnalyzerHanRuns, RandomMixturesGiveTheSameTokens) {
  // Pieces that meet at every kind of boundary: Han (BMP and beyond), kana, Latin, digits,
  // Arabic, marks, selectors, joiners, spaces and punctuation.
  const std::vector<std::string> pieces = {"法",
                                           "官",
                                           "司",
                                           "審",
                                           "判",
                                           "𠀀",
                                           "〇",
                                           "々",
                                           "か",
                                           "ナ",
                                           "ー",
                                           "a",
                                           "Z",
                                           "é",
                                           "1",
                                           "٣",
                                           "ق",
                                           "ж",
                                           "\xCC\x81",
                                           "\xEF\xB8\x80",
                                           "\xE2\x80\x8D",
                                           "\xE2\x80\x8C",
                                           " ",
                                           "\xE3\x80\x80",
                                           "。",
                                           "，",
                                           ".",
                                           "'",
                                           "-",
                                           "_",
                                           "\n",
                                           "🙂"};
  auto analyzer = new_analyzer();
  uint32_t state = 12345;  // a fixed linear congruential sequence: the same mixtures every run
  auto next = [&state](uint32_t bound) {
    state = state * 1103515245u + 12345u;
    return (state >> 8) % bound;
  };
  for (int mixture = 0; mixture < 3000; ++mixture) {
    std::string text;
    const uint32_t length = 1 + next(24);
    for (uint32_t piece = 0; piece < length; ++piece) text += pieces[next(pieces.size())];
    expect_same_but_han_words(*analyzer, text, mixture % 2 == 0 ? Language::kZh : Language::kUnd);
  }
}

TEST(AnalyzerHanRuns, SkippingHanWordsStillGivesEveryHanCharacter) {
  auto analyzer = new_analyzer();
  const std::vector<Token> tokens =
      analyzer->analyze("司法独立", Language::kZh, StemGate::every_word(), HanWords::kSkip);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].forms[0], "司");
  EXPECT_EQ(tokens[3].forms[0], "立");
  EXPECT_EQ(tokens[3].position, 3u);
  EXPECT_GT(han_words(analyzer->analyze("司法独立", Language::kZh)), 0u);
}

}  // namespace
}  // namespace jil::analysis
