// Implementation of title_words.h.
#include "schema/title_words.h"

#include "schema/prefixes.h"

namespace jil::schema {
namespace {

// Xapian refuses terms longer than 245 bytes.
constexpr size_t kMaxTermBytes = 245;

}  // namespace

std::string title_word_prefix(std::string_view language) {
  return term(kTitleWordPrefix, language);
}

void add_title_words(Xapian::Document& document, const std::vector<analysis::Token>& title_tokens,
                     std::string_view language) {
  const std::string prefix = title_word_prefix(language);
  for (const analysis::Token& token : title_tokens) {
    if (token.kind == analysis::TokenKind::kHanChar || token.forms.empty()) continue;
    std::string word = prefix + token.forms.front() + " " + token.exact;
    if (word.size() <= kMaxTermBytes) document.add_boolean_term(word);
  }
}

}  // namespace jil::schema
