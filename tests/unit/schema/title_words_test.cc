// Tests schema/title_words.cc: one XS<language><folded> <surface> term per title word, Han
// dictionary words but not single Han characters.
#include "schema/title_words.h"

#include <gtest/gtest.h>

#include <set>

#include "analysis/analyzer.h"

namespace jil::schema {
namespace {

std::set<std::string> title_terms(const std::string& title, analysis::Language language) {
  auto analyzer = analysis::Analyzer::create();
  EXPECT_TRUE(analyzer.is_ok());
  Xapian::Document document;
  add_title_words(document, (*analyzer)->analyze(title, language),
                  analysis::language_code(language));
  std::set<std::string> terms;
  for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
    terms.insert(*term);
  }
  return terms;
}

TEST(TitleWords, FoldedFormThenSurfaceForm) {
  EXPECT_EQ(title_terms("Code de Déontologie", analysis::Language::kFr),
            (std::set<std::string>{"XSfrcode code", "XSfrde de", "XSfrdeontologie déontologie"}));
  EXPECT_EQ(title_word_prefix("ar"), "XSar");
}

TEST(TitleWords, HanDictionaryWordsButNotSingleCharacters) {
  const std::set<std::string> terms = title_terms("法官行為指南", analysis::Language::kZh);
  EXPECT_TRUE(terms.count("XSzh法官 法官")) << "a dictionary word";
  EXPECT_FALSE(terms.count("XSzh法 法")) << "a single character";
  for (const std::string& term : terms) EXPECT_TRUE(term.starts_with("XSzh")) << term;
}

}  // namespace
}  // namespace jil::schema
