// Function words (articles, prepositions, conjunctions, pronouns, auxiliaries) of the languages
// that put spaces between words, spelled as the analyzer folds them. Snippets and titles mark one
// that the query has only beside another marked word ("conflict of interest"), not every "of"
// of the text (snippet_maker.h). Searching is not affected: the words are still looked for.
#pragma once

#include <span>
#include <string_view>

#include "analysis/language.h"

namespace jil::search {

// Whether `folded` (a token's first form) is a function word of `language`; for kUnd and kZh,
// of any of the five languages.
bool is_function_word(std::string_view folded, analysis::Language language);

// The list of `language` (empty for kUnd and kZh), for tests.
std::span<const std::string_view> function_words(analysis::Language language);

}  // namespace jil::search
