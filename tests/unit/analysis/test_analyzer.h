// Helpers for tests that run the real Analyzer: build one, analyze a single word, compare term
// lists. Each test builds its own Analyzer (it is not thread-safe and carries ICU state).
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"

namespace jil::analysis {

inline std::unique_ptr<Analyzer> new_analyzer() {
  auto created = Analyzer::create();
  JIL_CHECK(created.is_ok());  // ICU data is part of the installation
  return std::move(created).value();
}

// The single token of `word`. When there is not exactly one, a test failure and a placeholder
// token (one form, "<not one token>") so that callers may still read forms[0].
inline Token only_token(Analyzer& analyzer, std::string_view word, Language language) {
  std::vector<Token> tokens = analyzer.analyze(word, language);
  if (tokens.size() != 1) {
    ADD_FAILURE() << "expected one token for \"" << word << "\", got " << tokens.size();
    Token placeholder;
    placeholder.forms.push_back("<not one token>");
    return placeholder;
  }
  return tokens[0];
}

inline bool contains(const std::vector<std::string>& terms, std::string_view term) {
  return std::find(terms.begin(), terms.end(), term) != terms.end();
}

inline bool shares_a_term(const std::vector<std::string>& left,
                          const std::vector<std::string>& right) {
  return std::any_of(left.begin(), left.end(),
                     [&](const std::string& term) { return contains(right, term); });
}

}  // namespace jil::analysis
