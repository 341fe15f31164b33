// Implementation of han_bigrams.h.
#include "schema/han_bigrams.h"

namespace jil::schema {

std::vector<std::string> han_bigrams(const std::vector<analysis::Token>& tokens) {
  std::vector<std::string> bigrams;
  const analysis::Token* previous = nullptr;  // the last Han character seen
  for (const analysis::Token& token : tokens) {
    if (token.kind == analysis::TokenKind::kHanWord) continue;  // at its first character
    if (token.kind != analysis::TokenKind::kHanChar || token.forms.empty()) {
      previous = nullptr;
      continue;
    }
    if (previous != nullptr && previous->position + 1 == token.position) {
      bigrams.push_back(previous->forms.front() + token.forms.front());
    }
    previous = &token;
  }
  return bigrams;
}

}  // namespace jil::schema
