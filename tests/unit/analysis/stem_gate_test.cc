// StemGate: the first-letter rule it rests on holds for every word of the bundled corpus and for
// words whose endings or first letters Snowball rewrites, and a gated analysis meets a set of
// stems exactly where the full one does, while stemming fewer words; a skimming one (for_matches)
// meets forms and stems exactly where the full one does, with the same positions and offsets,
// while analyzing fewer words.
#include "analysis/stem_gate.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "corpus_texts.h"
#include "test_analyzer.h"

namespace jil::analysis {
namespace {

bool meets(const Token& token, const std::set<std::string>& stems) {
  for (const std::string& stem : token.stems) {
    if (stems.count(stem)) return true;
  }
  return false;
}

TEST(StemGate, SnowballKeepsTheFirstLetterOfLatinAndCyrillicWords) {
  auto analyzer = new_analyzer();
  std::vector<CorpusText> texts = corpus_texts();
  ASSERT_GE(texts.size(), 40u);
  // Words whose first or last letters Snowball marks or rewrites (y, i/u between vowels, ё,
  // accents removed by folding first), in every Latin language and in none.
  texts.push_back(
      {"yelling yes youth quiet ýou Ïle ioulia uuu yy y école Ēra éducation", Language::kEn});
  texts.push_back({"yeux yaourt quiétude ioniser uïe écrire œuvre", Language::kFr});
  texts.push_back({"ñandú ínsula yegua úlcera órgano", Language::kEs});
  texts.push_back({"ёлка ёж йогурт ъ ь эхо юридический", Language::kRu});
  texts.push_back({"yelling école ёлка ñandú", Language::kUnd});
  size_t checked = 0;
  for (const CorpusText& text : texts) {
    for (const Language language : {text.language, Language::kUnd}) {
      for (const Token& token : analyzer->analyze(text.text, language)) {
        if (token.forms.empty() || token.stems.empty()) continue;
        const UChar32 first = first_code_point(token.forms[0]);
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(first, &status);
        if (script != USCRIPT_LATIN && script != USCRIPT_CYRILLIC) continue;
        for (const std::string& stem : token.stems) {
          EXPECT_EQ(first_code_point(stem), first) << token.forms[0] << " -> " << stem;
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, 10000u);
}

TEST(StemGate, GatedAnalysisMeetsTheStemsTheFullOneMeets) {
  auto analyzer = new_analyzer();
  const std::vector<CorpusText> texts = corpus_texts();
  // Query stems of several scripts, as the query builder makes them.
  std::set<std::string> stems;
  for (const auto& [word, language] :
       std::vector<std::pair<std::string, Language>>{{"judges", Language::kEn},
                                                     {"corruption", Language::kEn},
                                                     {"intégrité", Language::kFr},
                                                     {"jueces", Language::kEs},
                                                     {"судьи", Language::kRu},
                                                     {"والقضاة", Language::kAr}}) {
    for (const Token& token : analyzer->analyze(word, language)) {
      stems.insert(token.stems.begin(), token.stems.end());
    }
  }
  const StemGate gate = StemGate::for_stems(stems);
  size_t met = 0;
  size_t skipped = 0;
  for (const CorpusText& text : texts) {
    const std::vector<Token> full = analyzer->analyze(text.text, text.language);
    const std::vector<Token> gated = analyzer->analyze(text.text, text.language, gate);
    ASSERT_EQ(full.size(), gated.size());
    for (size_t i = 0; i < full.size(); ++i) {
      EXPECT_EQ(full[i].forms, gated[i].forms);
      EXPECT_EQ(full[i].exact, gated[i].exact);
      EXPECT_EQ(full[i].position, gated[i].position);
      EXPECT_EQ(full[i].utf8_begin, gated[i].utf8_begin);
      EXPECT_EQ(meets(full[i], stems), meets(gated[i], stems)) << full[i].forms[0];
      met += meets(full[i], stems) ? 1 : 0;
      skipped += full[i].stems.size() > gated[i].stems.size() ? 1 : 0;
    }
  }
  EXPECT_GT(met, 100u);       // the stems do occur in the corpus
  EXPECT_GT(skipped, 1000u);  // and most words were not stemmed
}

TEST(StemGate, StemsOnlyLatinAndCyrillicWordsThatStartLikeAStem) {
  auto analyzer = new_analyzer();
  const StemGate gate = StemGate::for_stems({"judg", "суд"});
  const std::vector<Token> tokens =
      analyzer->analyze("judges rule судьи решают القضاة", Language::kUnd, gate);
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_FALSE(tokens[0].stems.empty());  // judges
  EXPECT_TRUE(tokens[1].stems.empty());   // rule: no stem starts with r
  EXPECT_FALSE(tokens[2].stems.empty());  // судьи
  EXPECT_TRUE(tokens[3].stems.empty());   // решают
  EXPECT_FALSE(tokens[4].stems.empty());  // Arabic: always
  EXPECT_TRUE(StemGate::every_word().wants(USCRIPT_LATIN, U'q'));
  EXPECT_FALSE(StemGate::for_stems({}).wants(USCRIPT_LATIN, U'q'));
  EXPECT_TRUE(StemGate::for_stems({}).wants(USCRIPT_ARABIC, 0x0642));
}

bool meets_form(const Token& token, const std::set<std::string>& forms) {
  for (const std::string& form : token.forms) {
    if (forms.count(form)) return true;
  }
  return false;
}

TEST(StemGate, SkimmingMeetsFormsAndStemsWhereTheFullAnalysisDoes) {
  auto analyzer = new_analyzer();
  std::vector<CorpusText> texts = corpus_texts();
  // Words the skim must leave to the full analysis: accents, elision, ё, й, digits first, a
  // word longer than a term, and capitals that fold onto a query letter.
  texts.push_back({"Éducation l'éducation Judges JUDGES 2024judges ёлка Ёлка йогурт " +
                       std::string(130, 'j') + " jüdges",
                   Language::kFr});
  std::set<std::string> forms;
  std::set<std::string> stems;
  for (const auto& [word, language] :
       std::vector<std::pair<std::string, Language>>{{"judges", Language::kEn},
                                                     {"éducation", Language::kFr},
                                                     {"jueces", Language::kEs},
                                                     {"елка", Language::kRu},
                                                     {"судьи", Language::kRu},
                                                     {"والقضاة", Language::kAr},
                                                     {"法官", Language::kZh}}) {
    for (const Token& token : analyzer->analyze(word, language)) {
      forms.insert(token.forms.begin(), token.forms.end());
      stems.insert(token.stems.begin(), token.stems.end());
    }
  }
  const StemGate gate = StemGate::for_matches(forms, stems);
  size_t met = 0;
  size_t skimmed = 0;
  for (const CorpusText& text : texts) {
    for (const Language language : {text.language, Language::kUnd}) {
      const std::vector<Token> full = analyzer->analyze(text.text, language);
      const std::vector<Token> skim = analyzer->analyze(text.text, language, gate, HanWords::kSkip);
      std::vector<Token> full_without_han_words;
      for (const Token& token : full) {
        if (token.kind != TokenKind::kHanWord) full_without_han_words.push_back(token);
      }
      ASSERT_EQ(full_without_han_words.size(), skim.size());
      for (size_t i = 0; i < skim.size(); ++i) {
        const Token& expected = full_without_han_words[i];
        EXPECT_EQ(expected.position, skim[i].position);
        EXPECT_EQ(expected.utf8_begin, skim[i].utf8_begin);
        EXPECT_EQ(expected.utf8_end, skim[i].utf8_end);
        const bool meets_full = meets_form(expected, forms) || meets(expected, stems);
        EXPECT_EQ(meets_full, meets_form(skim[i], forms) || meets(skim[i], stems))
            << expected.exact;
        met += meets_full ? 1 : 0;
        skimmed += skim[i].forms.empty() ? 1 : 0;
      }
    }
  }
  EXPECT_GT(met, 100u);       // the words do occur in the corpus
  EXPECT_GT(skimmed, 5000u);  // and most words were skimmed
}

TEST(StemGate, SkimmableWordsAreAsciiOrBasicRussianStartingWithALetter) {
  const auto first = [](std::u16string_view word) { return skimmable_first_letter(word, 120); };
  EXPECT_EQ(first(u"Judges"), U'j');
  EXPECT_EQ(first(u"judges2024"), U'j');
  EXPECT_EQ(first(u"Судьи"), 0x0441);  // с
  EXPECT_EQ(first(u"Ёлка"), 0x0435);   // е
  EXPECT_EQ(first(u"2024"), -1);
  EXPECT_EQ(first(u"éducation"), -1);
  EXPECT_EQ(first(u"jüdges"), U'j');  // accented letters after an ASCII first letter
  EXPECT_EQ(first(u"Straße"), U's');
  EXPECT_EQ(first(u"Дü"), -1);
  EXPECT_EQ(first(u"a×b"), -1);
  EXPECT_EQ(first(u"йогурт"), 0x0439);  // й is its own letter
  EXPECT_EQ(first(u"l'éducation"), -1);
  EXPECT_EQ(skimmable_first_letter(u"судья", 9), -1);  // 10 bytes
  EXPECT_FALSE(StemGate::for_stems({"judg"}).skims());
  EXPECT_FALSE(StemGate::for_matches({"judges"}, {"judg"}).cannot_match(U'j'));
  EXPECT_TRUE(StemGate::for_matches({"judges"}, {"judg"}).cannot_match(U'r'));
  EXPECT_FALSE(StemGate::for_matches({"judges"}, {"judg"}).cannot_match(-1));
}

}  // namespace
}  // namespace jil::analysis
