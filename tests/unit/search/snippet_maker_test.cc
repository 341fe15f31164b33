// Tests search/snippet_maker.cc with the real Analyzer: windows counted in words in Arabic,
// Chinese and English, matches marked, adjacent Han matches merged, valid UTF-8 throughout.
#include "search/snippet_maker.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "numbered_words.h"
#include "search/function_words.h"
#include "search/query_builder.h"

namespace jil::search {
namespace {

using analysis::Language;

std::string joined(const std::vector<TextPart>& parts) {
  std::string out;
  for (const TextPart& part : parts) out += part.text;
  return out;
}

std::vector<std::string> matched(const std::vector<TextPart>& parts) {
  std::vector<std::string> out;
  for (const TextPart& part : parts) {
    if (part.match) out.push_back(part.text);
  }
  return out;
}

class SnippetMakerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = analysis::Analyzer::create();
    ASSERT_TRUE(analyzer.is_ok()) << analyzer.status().to_string();
    analyzer_ = std::move(analyzer).value();
  }

  // Snippet of `text` for the query `query`, both in `language`.
  // `stop_early` tells the maker how many words the query has, as searchd does, so that it may
  // stop scanning at the first window that holds them all.
  std::vector<TextPart> snippet(const std::string& query, const std::string& text,
                                Language language, bool stop_early = true) {
    Result<QueryNode> tree = parse_query(query);
    EXPECT_TRUE(tree.is_ok());
    Result<BuiltQuery> built = build_query(*tree, *analyzer_, language);
    EXPECT_TRUE(built.is_ok()) << built.status().to_string();
    SnippetMaker maker(*analyzer_, built->match_forms, built->match_stems,
                       stop_early ? built->match_words.size() : 0, &built->han_runs);
    return maker.snippet(text, language);
  }

  std::vector<TextPart> highlighted(const std::string& query, const std::string& text,
                                    Language language) {
    Result<BuiltQuery> built = build_query(*parse_query(query), *analyzer_, language);
    EXPECT_TRUE(built.is_ok()) << built.status().to_string();
    SnippetMaker maker(*analyzer_, built->match_forms, built->match_stems, 0, &built->han_runs);
    return maker.highlighted(text, language);
  }

  size_t word_count(const std::string& text, Language language) {
    size_t count = 0;
    for (const analysis::Token& token : analyzer_->analyze(text, language)) {
      if (token.kind != analysis::TokenKind::kHanWord) ++count;
    }
    return count;
  }

  std::unique_ptr<analysis::Analyzer> analyzer_;
};

TEST_F(SnippetMakerTest, WindowIsCountedInWordsAroundTheMatch) {
  const std::vector<TextPart> parts =
      snippet("independence", words_with(200, 120, "independence"), Language::kEn);
  EXPECT_EQ(matched(parts), std::vector<std::string>{"independence"});
  EXPECT_EQ(parts.front().text, "… ");
  EXPECT_EQ(parts.back().text, " …");
  EXPECT_EQ(word_count(joined(parts), Language::kEn), kSnippetWords);
}

TEST_F(SnippetMakerTest, StemsMatchOtherFormsOfTheWord) {
  const std::vector<TextPart> parts =
      snippet("judges", "A judge must remain impartial.", Language::kEn);
  EXPECT_EQ(matched(parts), std::vector<std::string>{"judge"});
  EXPECT_EQ(joined(parts), "A judge must remain impartial.");  // first word to the text's end
}

TEST_F(SnippetMakerTest, ArabicSnippetIsValidUtf8AndMarksTheMatch) {
  std::string text;
  for (int repeat = 0; repeat < 40; ++repeat) text += "تعمل المحكمة وفق القانون ";
  text += "والقضاة مستقلون في عملهم ";
  for (int repeat = 0; repeat < 40; ++repeat) text += "تعمل المحكمة وفق القانون ";
  const std::vector<TextPart> parts = snippet("مستقلون", text, Language::kAr);
  for (const TextPart& part : parts) EXPECT_TRUE(utf8::is_valid(part.text)) << part.text;
  EXPECT_EQ(matched(parts), std::vector<std::string>{"مستقلون"});
  EXPECT_LE(word_count(joined(parts), Language::kAr), kSnippetWords);
}

TEST_F(SnippetMakerTest, ChineseSnippetIsValidUtf8AndMergesAdjacentMatches) {
  std::string text;
  for (int repeat = 0; repeat < 30; ++repeat) text += "公开审理民事案件。";
  text += "法官应当保持独立。";
  for (int repeat = 0; repeat < 30; ++repeat) text += "公开审理民事案件。";
  const std::vector<TextPart> parts = snippet("法官", text, Language::kZh);
  for (const TextPart& part : parts) EXPECT_TRUE(utf8::is_valid(part.text)) << part.text;
  EXPECT_EQ(matched(parts), std::vector<std::string>{"法官"});
  EXPECT_LE(word_count(joined(parts), Language::kZh), kSnippetHanCharacters);
  EXPECT_EQ(parts.front().text, "… ");
}

// A Chinese snippet does not begin or end in the middle of a word: its window, counted in
// characters, is widened to the words ICU's dictionary finds at its edges.
// The 法 of 司法 is no match for 法官: the window goes to the whole word, however often its
// characters stand apart before it.
TEST_F(SnippetMakerTest, ChineseWindowGoesToTheWholeRunNotToItsCharacters) {
  std::string text;
  for (int repeat = 0; repeat < 30; ++repeat) text += "司法机关公开审理案件。";
  text += "法官应当保持独立。";
  for (int repeat = 0; repeat < 5; ++repeat) text += "司法机关公开审理案件。";
  for (const bool stop_early : {true, false}) {
    const std::vector<TextPart> parts = snippet("法官", text, Language::kZh, stop_early);
    EXPECT_EQ(matched(parts), std::vector<std::string>{"法官"}) << joined(parts);
  }
}

TEST_F(SnippetMakerTest, ChineseSnippetNeitherBeginsNorEndsInsideAWord) {
  std::string text;
  for (int repeat = 0; repeat < 30; ++repeat) text += "司法公开审理民事案件";
  text += "即法官应当保持独立";
  for (int repeat = 0; repeat < 30; ++repeat) text += "司法公开审理民事案件";
  const std::vector<TextPart> parts = snippet("法官", text, Language::kZh);
  ASSERT_GE(parts.size(), 3u);
  ASSERT_EQ(parts.front().text, "… ");
  ASSERT_EQ(parts.back().text, " …");
  std::string body = joined(parts);
  body = body.substr(std::string("… ").size(),
                     body.size() - std::string("… ").size() - std::string(" …").size());
  // Counted back from the match, the window would begin at 事 of 民事.
  EXPECT_TRUE(body.starts_with("民事案件司法")) << body;
  bool ends_whole = false;
  for (const char* word : {"司法", "公开", "审理", "民事", "案件"}) {
    ends_whole = ends_whole || body.ends_with(word);
  }
  EXPECT_TRUE(ends_whole) << body;
  EXPECT_EQ(matched(parts), std::vector<std::string>{"法官"});
}

// A document matches a Han query as a whole run (its bigrams and the phrase of its characters),
// so 利益 of 財務利益 is not marked for 利益冲突, nor 法 of 法院 for 法官; a one-character query
// word is marked wherever it stands, and each dictionary word of a relaxed query on its own.
TEST_F(SnippetMakerTest, HanCharactersAreMarkedOnlyWithinAWholeRunOfTheQuery) {
  const std::string text = "財務利益須申報；法院審查利益衝突與法官迴避。";
  EXPECT_EQ(matched(highlighted("利益冲突", text, Language::kZh)),
            std::vector<std::string>{"利益衝突"});
  EXPECT_EQ(matched(highlighted("法官", text, Language::kZh)), std::vector<std::string>{"法官"});
  EXPECT_EQ(matched(highlighted("法", text, Language::kZh)),
            (std::vector<std::string>{"法", "法"}));
  EXPECT_EQ(matched(highlighted("利益 法官", text, Language::kZh)),
            (std::vector<std::string>{"利益", "利益", "法官"}));
  EXPECT_EQ(matched(snippet("利益冲突", text, Language::kZh)),
            std::vector<std::string>{"利益衝突"});
  // Without the runs (a caller that has none), every matching character is marked.
  Result<BuiltQuery> built = build_query(*parse_query("利益冲突"), *analyzer_, Language::kZh);
  ASSERT_TRUE(built.is_ok());
  SnippetMaker characters(*analyzer_, built->match_forms, built->match_stems);
  EXPECT_EQ(matched(characters.highlighted(text, Language::kZh)),
            (std::vector<std::string>{"利益", "利益衝突"}));
}

TEST_F(SnippetMakerTest, WindowWithMostDistinctMatchesWins) {
  // "gifts" alone near the start; "gifts" and "hospitality" together near the end.
  std::string text =
      words_with(100, 5, "gifts") + " gifts and hospitality " + words_with(40, 99, "x");
  const std::vector<TextPart> parts = snippet("gifts hospitality", text, Language::kEn);
  EXPECT_EQ(matched(parts), (std::vector<std::string>{"gifts", "hospitality"}));
}

TEST_F(SnippetMakerTest, MatchFarBeyondTheFirstPieceIsFound) {
  const std::string text = words_with(6000, 5500, "recusal");  // about 40 KB: several pieces
  ASSERT_GT(text.size(), 8 * kFirstSnippetPieceBytes);
  const std::vector<TextPart> parts = snippet("recusal", text, Language::kEn);
  EXPECT_EQ(matched(parts), std::vector<std::string>{"recusal"});
  EXPECT_EQ(word_count(joined(parts), Language::kEn), kSnippetWords);
  EXPECT_TRUE(joined(parts).find("w5499 recusal w5501") != std::string::npos) << joined(parts);
}

TEST_F(SnippetMakerTest, WordAcrossAPieceBoundaryStaysWhole) {
  // Words of 9 bytes ("abcdefgh "), so some word straddles every piece boundary; the query word
  // is placed where the first piece ends.
  std::string text;
  while (text.size() < kFirstSnippetPieceBytes - 4) text += "abcdefgh ";
  text += "impartiality";
  while (text.size() < 3 * kFirstSnippetPieceBytes) text += " abcdefgh";
  const std::vector<TextPart> parts = snippet("impartiality", text, Language::kEn);
  EXPECT_EQ(matched(parts), std::vector<std::string>{"impartiality"});
}

TEST_F(SnippetMakerTest, ChineseTextWithoutSpacesIsScannedPieceByPiece) {
  std::string text;
  while (text.size() < 5 * kFirstSnippetPieceBytes) text += "公开审理民事案件。";
  text += "法官应当回避利益冲突。";
  const std::vector<TextPart> parts = snippet("利益冲突", text, Language::kZh);
  for (const TextPart& part : parts) EXPECT_TRUE(utf8::is_valid(part.text)) << part.text;
  EXPECT_EQ(matched(parts), std::vector<std::string>{"利益冲突"});
}

TEST_F(SnippetMakerTest, ScanStopsAtTheFirstWindowHoldingEveryWord) {
  // Early: "judge" once (every query word). Late: three forms of it (more distinct forms).
  const std::string text =
      words_with(1500, 10, "judge") + " judge judges judged " + words_with(100, 0, "w0");
  ASSERT_GT(text.find("judges"), kFirstSnippetPieceBytes);
  const std::vector<TextPart> early = snippet("judge", text, Language::kEn);
  EXPECT_EQ(matched(early), std::vector<std::string>{"judge"});
  const std::vector<TextPart> full = snippet("judge", text, Language::kEn, false);
  EXPECT_EQ(matched(full), (std::vector<std::string>{"judge", "judges", "judged"}));
}

TEST_F(SnippetMakerTest, FirstMatchOffsetPointsAtTheFirstMarkedWord) {
  Result<BuiltQuery> built = build_query(*parse_query("recusal"), *analyzer_, Language::kEn);
  ASSERT_TRUE(built.is_ok());
  SnippetMaker maker(*analyzer_, built->match_forms, built->match_stems, 1);
  const std::string text = words_with(3000, 2500, "recusal");
  maker.snippet(text, Language::kEn);
  EXPECT_EQ(maker.first_match_offset(), text.find("recusal"));
  maker.snippet("no such word here", Language::kEn);
  EXPECT_EQ(maker.first_match_offset(), std::string_view::npos);
  // A function word on its own is not marked, so it is not the first match.
  Result<BuiltQuery> phrase =
      build_query(*parse_query("conflict of interest"), *analyzer_, Language::kEn);
  ASSERT_TRUE(phrase.is_ok());
  SnippetMaker words(*analyzer_, phrase->match_forms, phrase->match_stems, 3);
  const std::string note = "The purpose of this note: a conflict of interest.";
  words.snippet(note, Language::kEn);
  EXPECT_EQ(words.first_match_offset(), note.find("conflict"));
}

TEST_F(SnippetMakerTest, UnchosenWordsDoNotChooseTheWindow) {
  Result<BuiltQuery> built = build_query(*parse_query("title gifts"), *analyzer_, Language::kEn);
  ASSERT_TRUE(built.is_ok());
  SnippetMaker maker(*analyzer_, built->match_forms, built->match_stems, 2);
  const std::string text = "Title gifts " + words_with(200, 120, "gifts");
  maker.snippet(text, Language::kEn);
  EXPECT_EQ(maker.first_match_offset(), 0u);  // both words in the first window
  const std::vector<TextPart> parts = maker.snippet(text, Language::kEn, /*unchosen_words=*/2);
  EXPECT_EQ(maker.first_match_offset(), text.rfind("gifts"));
  EXPECT_EQ(matched(parts), std::vector<std::string>{"gifts"});
}

TEST_F(SnippetMakerTest, PassageSnippetHasEllipsesAndOffsetsInTheWholeText) {
  const std::string text = words_with(400, 200, "recusal");
  const size_t begin = text.find("w150 ");
  const size_t end = text.find("w250 ");
  Result<BuiltQuery> built = build_query(*parse_query("recusal"), *analyzer_, Language::kEn);
  ASSERT_TRUE(built.is_ok());
  SnippetMaker maker(*analyzer_, built->match_forms, built->match_stems, 1);
  const std::vector<TextPart> parts = maker.snippet_in(text, begin, end, Language::kEn);
  EXPECT_EQ(matched(parts), std::vector<std::string>{"recusal"});
  EXPECT_EQ(parts.front().text, "… ");
  EXPECT_EQ(parts.back().text, " …");
  EXPECT_EQ(maker.first_match_offset(), text.find("recusal"));
  // A passage at the very start and end of a short text has no ellipsis.
  const std::string short_text = "Judges refuse recusal requests.";
  const std::vector<TextPart> whole =
      maker.snippet_in(short_text, 0, short_text.size(), Language::kEn);
  EXPECT_NE(whole.front().text, "… ");
  EXPECT_NE(whole.back().text, " …");
}

TEST_F(SnippetMakerTest, NoMatchGivesTheOpeningWords) {
  const std::vector<TextPart> parts = snippet("absent", words_with(100, 0, "w0"), Language::kEn);
  ASSERT_FALSE(parts.empty());
  EXPECT_TRUE(matched(parts).empty());
  EXPECT_TRUE(parts.front().text.starts_with("w0 w1 w2")) << parts.front().text;
  EXPECT_EQ(parts.back().text, " …");
  EXPECT_EQ(word_count(joined(parts), Language::kEn), kSnippetWords);
}

TEST_F(SnippetMakerTest, ShortTextIsShownWholeWithoutEllipsis) {
  const std::vector<TextPart> parts = snippet("gifts", "Judges refuse gifts.", Language::kEn);
  EXPECT_EQ(joined(parts), "Judges refuse gifts.");
  EXPECT_EQ(matched(parts), std::vector<std::string>{"gifts"});
}

// A snippet that reaches the end of the text ends as the text does; one cut short ends with "…".
TEST_F(SnippetMakerTest, TheTextsClosingPunctuationEndsASnippetThatReachesIt) {
  EXPECT_EQ(joined(snippet("gifts", "Are gifts refused?\n\n", Language::kEn)),
            "Are gifts refused?");
  EXPECT_EQ(joined(snippet("gifts", "Refuse «gifts».", Language::kFr)), "Refuse «gifts».");
  EXPECT_EQ(joined(snippet("礼品", "法官不得收受礼品。", Language::kZh)), "法官不得收受礼品。");
  // A long run of symbols after the last word is not a closing mark.
  EXPECT_EQ(joined(snippet("gifts", "Refuse gifts ----------------------", Language::kEn)),
            "Refuse gifts");
  std::string longer = "Judges refuse gifts.";
  for (int repeat = 0; repeat < 60; ++repeat) longer += " Courts publish their rules.";
  const std::string cut = joined(snippet("gifts", longer, Language::kEn));
  EXPECT_EQ(cut.substr(cut.size() - 4), " \u2026") << cut;
}

TEST_F(SnippetMakerTest, EmptyTextGivesNoSnippet) {
  EXPECT_TRUE(snippet("gifts", "", Language::kEn).empty());
  EXPECT_TRUE(snippet("gifts", " ... ", Language::kEn).empty());
}

TEST_F(SnippetMakerTest, HighlightedKeepsTheWholeTitle) {
  const std::vector<TextPart> parts =
      highlighted("judicial", "«Judicial» conduct, 2021.", Language::kEn);
  EXPECT_EQ(joined(parts), "«Judicial» conduct, 2021.");
  EXPECT_EQ(matched(parts), std::vector<std::string>{"Judicial"});
  ASSERT_GE(parts.size(), 3u);
  EXPECT_EQ(parts[0].text, "«");
  EXPECT_FALSE(parts[0].match);
  EXPECT_TRUE(parts[1].match);
}

TEST_F(SnippetMakerTest, HighlightedTextWithoutWordsIsOnePart) {
  const std::vector<TextPart> parts = highlighted("judicial", "— ? —", Language::kEn);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].text, "— ? —");
  EXPECT_FALSE(parts[0].match);
}

TEST_F(SnippetMakerTest, AFunctionWordIsMarkedOnlyBetweenOtherMarkedWords) {
  const std::string text =
      "The purpose of this note is to explain what a conflict of interest is. Of course, the "
      "judge of the case must declare any conflict; interest of a party is not enough.";
  const std::vector<TextPart> parts =
      snippet("conflict of interest", text, Language::kEn, /*stop_early=*/false);
  EXPECT_EQ(matched(parts),
            (std::vector<std::string>{"conflict", "of", "interest", "conflict", "interest"}));
  // Beside a marked word ("interest of a"), or between two across punctuation ("conflict;
  // interest", "is. Of"): not marked.
  EXPECT_EQ(joined(parts).find("Of course"), joined(parts).find("Of"));
  // A title too: "Conduct of 2021" ends the run.
  EXPECT_EQ(matched(highlighted("code of conduct", "A Code of Conduct of 2021", Language::kEn)),
            (std::vector<std::string>{"Code", "of", "Conduct"}));
}

TEST_F(SnippetMakerTest, FunctionWordsAreMarkedWhenTheQueryHasNothingElse) {
  EXPECT_EQ(matched(snippet("of", "The duty of care of a judge.", Language::kEn)),
            (std::vector<std::string>{"of", "of"}));
}

TEST_F(SnippetMakerTest, FunctionWordsOfFrenchRussianAndArabicFollowTheSameRule) {
  EXPECT_EQ(matched(highlighted("accès à l'information",
                                "Le droit d'accès à l'information, ouvert à tous", Language::kFr)),
            (std::vector<std::string>{"d'accès", "à", "l'information"}));
  EXPECT_EQ(matched(highlighted("конфликт в суде", "Конфликт в суде и в семье", Language::kRu)),
            (std::vector<std::string>{"Конфликт", "в", "суде"}));
  EXPECT_EQ(matched(highlighted("نزاهة في القضاء", "نزاهة في القضاء وفي المحاكم", Language::kAr)),
            (std::vector<std::string>{"نزاهة", "في", "القضاء"}));
}

// Each list entry must be what the analyzer makes of it, or is_function_word never meets it.
TEST_F(SnippetMakerTest, EachFunctionWordIsItsOwnFolding) {
  for (const Language language : analysis::all_languages()) {
    for (const std::string_view word : function_words(language)) {
      const std::vector<analysis::Token> tokens = analyzer_->analyze(word, language);
      ASSERT_EQ(tokens.size(), 1u) << word;
      ASSERT_FALSE(tokens[0].forms.empty()) << word;
      EXPECT_EQ(tokens[0].forms.front(), word) << analysis::language_code(language);
      EXPECT_TRUE(is_function_word(word, language)) << word;
      EXPECT_TRUE(is_function_word(word, Language::kUnd)) << word;
    }
  }
  EXPECT_FALSE(is_function_word("conflict", Language::kEn));
  EXPECT_FALSE(is_function_word("of", Language::kFr));
}

}  // namespace
}  // namespace jil::search
