// Tests thesaurus/concept_matcher.cc with the real Analyzer: labels meet inflected, Traditional,
// prefixed and elided forms of themselves in documents, and queries name concepts in any of the
// six languages.
#include "thesaurus/concept_matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

namespace jil::thesaurus {
namespace {

using analysis::Language;

class ConceptMatcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto analyzer = analysis::Analyzer::create();
    ASSERT_TRUE(analyzer.is_ok()) << analyzer.status().to_string();
    analyzer_ = std::move(analyzer).value().release();
    matcher_ = new ConceptMatcher(Thesaurus::built_in(), *analyzer_);
  }
  static void TearDownTestSuite() {
    delete matcher_;
    delete analyzer_;
  }

  static uint32_t mentions(const std::string& text, Language language, const std::string& id) {
    const auto counts = matcher_->count(analyzer_->analyze(text, language), language);
    const auto found = counts.find(id);
    return found == counts.end() ? 0 : found->second;
  }

  static bool query_names(const std::string& query, const std::string& id) {
    const std::vector<std::string> found = matcher_->concepts_in_query(query);
    return std::find(found.begin(), found.end(), id) != found.end();
  }

  static analysis::Analyzer* analyzer_;
  static ConceptMatcher* matcher_;
};

analysis::Analyzer* ConceptMatcherTest::analyzer_ = nullptr;
ConceptMatcher* ConceptMatcherTest::matcher_ = nullptr;

TEST_F(ConceptMatcherTest, InflectedFormsMeetTheLabel) {
  EXPECT_EQ(mentions("Judges must avoid conflicts of interest. A conflict of interest arises when",
                     Language::kEn, "conflict-of-interest"),
            2u);
  EXPECT_EQ(
      mentions("Урегулирование конфликта интересов судей.", Language::kRu, "conflict-of-interest"),
      1u);
  EXPECT_EQ(
      mentions("Les conflits d'intérêts des magistrats.", Language::kFr, "conflict-of-interest"),
      1u);
}

TEST_F(ConceptMatcherTest, ChineseMatchesInEitherScriptWithoutSpaces) {
  EXPECT_EQ(mentions("法官应当避免利益冲突。", Language::kZh, "conflict-of-interest"), 1u);
  EXPECT_EQ(mentions("法官應當避免利益衝突。", Language::kZh, "conflict-of-interest"), 1u);
}

TEST_F(ConceptMatcherTest, ArabicMatchesWithAndWithoutProclitics) {
  EXPECT_EQ(mentions("يجب على القاضي تجنب تضارب المصالح.", Language::kAr, "conflict-of-interest"),
            1u);
  EXPECT_EQ(mentions("الإفصاح عن حالات وتضارب المصالح", Language::kAr, "conflict-of-interest"), 1u);
}

// "juezas" (women judges) and "القاضيات" stem to the stems of "judge": as exact labels they
// meet only their own forms, so a text about judges is not about women judges.
TEST_F(ConceptMatcherTest, ExactLabelsMeetOnlyTheirOwnForms) {
  EXPECT_EQ(
      mentions("El juez y los jueces deben ser imparciales.", Language::kEs, "women-in-judiciary"),
      0u);
  EXPECT_EQ(mentions("Las juezas del tribunal.", Language::kEs, "women-in-judiciary"), 1u);
  EXPECT_EQ(mentions("Las mujeres juezas del tribunal.", Language::kEs, "women-in-judiciary"),
            1u);  // the preferred label and the exact one overlap: one mention
  EXPECT_EQ(mentions("على القاضي أن يكون محايدا", Language::kAr, "women-in-judiciary"), 0u);
  EXPECT_EQ(mentions("تعيين القاضيات والقاضيات الجدد", Language::kAr, "women-in-judiciary"), 2u);
  EXPECT_EQ(mentions("Judges answer to the law.", Language::kEn, "judicial-accountability"), 0u);
  EXPECT_EQ(mentions("The answerability of courts.", Language::kEn, "judicial-accountability"), 1u);
  EXPECT_FALSE(query_names("juez", "women-in-judiciary"));
  EXPECT_FALSE(query_names("القاضي", "women-in-judiciary"));
  EXPECT_TRUE(query_names("juezas", "women-in-judiciary"));
  EXPECT_TRUE(query_names("القاضيات", "women-in-judiciary"));
}

TEST_F(ConceptMatcherTest, LabelsOfOtherLanguagesDoNotTagADocument) {
  EXPECT_EQ(mentions("conflict of interest", Language::kFr, "conflict-of-interest"), 0u);
  EXPECT_EQ(mentions("The judge decided the case.", Language::kEn, "conflict-of-interest"), 0u);
}

TEST_F(ConceptMatcherTest, AQueryNamesAConceptInAnyLanguage) {
  for (const char* query :
       {"تضارب المصالح", "利益冲突", "利益衝突", "конфликт интересов", "conflict of interest",
        "conflicto de intereses", "conflits d'intérêts"}) {
    EXPECT_TRUE(query_names(query, "conflict-of-interest")) << query;
  }
  EXPECT_FALSE(query_names("weather report", "conflict-of-interest"));
}

}  // namespace
}  // namespace jil::thesaurus
