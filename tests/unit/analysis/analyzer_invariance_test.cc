// Tests that analysis/analyzer.cc is the same on both sides of search: a word inside a document
// sentence and the same word typed alone as a query give the same tokens, in the document's
// language and in kUnd (whose stems must include the document language's stem).
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"
#include "canonical_tokens.h"
#include "test_analyzer.h"

namespace jil::analysis {
namespace {

struct Sample {
  Language language;
  std::string_view sentence;
  std::vector<std::string_view> words;  // as they appear in the sentence
};

const std::vector<Sample>& samples() {
  static const std::vector<Sample> kSamples = {
      {Language::kFr,
       "Le juge doit s’abstenir lorsqu’il a un conflit d’intérêts : l’impartialité et "
       "l'indépendance de la magistrature garantissent l'égalité des citoyens devant la justice "
       "et protègent les œuvres des juges.",
       {"juge", "s’abstenir", "lorsqu’il", "conflit", "d’intérêts", "l’impartialité",
        "l'indépendance", "magistrature", "l'égalité", "citoyens", "œuvres", "juges"}},
      {Language::kEn,
       "The judge's duty of impartiality requires recusal whenever a conflict of interests "
       "arises; judges must disclose their assets, refuse bribery and protect the court’s "
       "integrity.",
       {"judge's", "duty", "impartiality", "recusal", "conflict", "interests", "judges", "disclose",
        "assets", "bribery", "court’s", "integrity"}},
      {Language::kEs,
       "Los jueces y las juezas deben presentar una declaración patrimonial y evitar cualquier "
       "conflicto de intereses que comprometa la imparcialidad, la transparencia y la rendición "
       "de cuentas del Poder Judicial.",
       {"jueces", "juezas", "declaración", "patrimonial", "conflicto", "intereses", "imparcialidad",
        "transparencia", "rendición", "cuentas", "Judicial"}},
      {Language::kRu,
       "Судья обязан заявить самоотвод при конфликте интересов; судьи ежегодно представляют "
       "декларацию об имуществе, и всё это ещё раз подтверждает независимость и "
       "беспристрастность судей.",
       {"Судья", "самоотвод", "конфликте", "интересов", "судьи", "декларацию", "имуществе", "всё",
        "ещё", "независимость", "беспристрастность", "судей"}},
      {Language::kAr,
       "يلتزم القاضي بالنزاهة والاستقلال، وعلى القضاة الإفصاح عن مصالحهم للجنة، وتنظر المحكمة "
       "في الشكاوى وفقاً للقانون وبالشفافية الكاملة.",
       {"القاضي", "بالنزاهة", "والاستقلال", "القضاة", "الإفصاح", "مصالحهم", "للجنة", "المحكمة",
        "الشكاوى", "وفقاً", "للقانون", "وبالشفافية"}},
      {Language::kZh,
       "法官應當迴避利益衝突，並依法申報財產。司法廉潔是公正審判的基礎，腐敗行為必須受到懲處。",
       {"法官", "應當", "迴避", "利益衝突", "申報", "財產", "司法廉潔", "公正", "審判", "腐敗",
        "懲處"}},
  };
  return kSamples;
}

// The tokens of `tokens` inside bytes [begin, end), renumbered from position 0.
std::vector<Token> tokens_within(const std::vector<Token>& tokens, size_t begin, size_t end) {
  std::vector<Token> out;
  for (const Token& token : tokens) {
    if (token.utf8_begin >= begin && token.utf8_end <= end) out.push_back(token);
  }
  const uint32_t first = out.empty() ? 0 : out.front().position;
  for (Token& token : out) token.position -= first;
  return out;
}

std::vector<Token> in_document(Analyzer& analyzer, const Sample& sample, std::string_view word) {
  const size_t begin = sample.sentence.find(word);
  EXPECT_NE(begin, std::string_view::npos) << word;
  if (begin == std::string_view::npos) return {};
  return tokens_within(analyzer.analyze(sample.sentence, sample.language), begin,
                       begin + word.size());
}

TEST(IndexQueryInvariance, WordAloneMatchesWordInSentence) {
  auto analyzer = new_analyzer();
  for (const Sample& sample : samples()) {
    for (std::string_view word : sample.words) {
      const std::vector<Token> document = in_document(*analyzer, sample, word);
      EXPECT_FALSE(document.empty()) << word;
      EXPECT_EQ(canonical_tokens(analyzer->analyze(word, sample.language)),
                canonical_tokens(document))
          << language_code(sample.language) << ": " << word;
    }
  }
}

TEST(IndexQueryInvariance, UndeterminedQueryMatchesDocumentLanguage) {
  auto analyzer = new_analyzer();
  for (const Sample& sample : samples()) {
    for (std::string_view word : sample.words) {
      const std::vector<Token> document = in_document(*analyzer, sample, word);
      const std::vector<Token> query = analyzer->analyze(word, Language::kUnd);
      ASSERT_EQ(query.size(), document.size()) << word;
      for (size_t index = 0; index < query.size(); ++index) {
        EXPECT_EQ(query[index].kind, document[index].kind) << word;
        EXPECT_EQ(query[index].position, document[index].position) << word;
        EXPECT_EQ(query[index].forms, document[index].forms) << word;
        EXPECT_EQ(query[index].exact, document[index].exact) << word;
        for (const std::string& stem : document[index].stems) {
          EXPECT_TRUE(contains(query[index].stems, stem)) << word << " lacks stem " << stem;
        }
      }
    }
  }
}

}  // namespace
}  // namespace jil::analysis
