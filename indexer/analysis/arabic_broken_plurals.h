// Arabic broken plurals of the library's vocabulary and their singulars. A broken plural changes
// the word's inside (قضاة, judges, of قاضي; محاكم of محكمة), so the Snowball stemmer gives it
// another stem than its singular and a search for one missed the other. The analyzer indexes
// and queries a listed plural also as its singular, at the same position (analyzer.cc), so
// `قاضي` finds `القضاة` and `القضاة` finds `القاضي`, in words and in phrases.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace jil::analysis {

// The singulars of `folded`, a word folded as the analyzer folds it (token_folding.h: ة → ه,
// ى → ي, أ إ آ → ا, ئ ؤ → ي و), without proclitics, and with or without an attached possessive
// pronoun (ها هم هن هما كم كن نا); empty when it is not a listed plural.
std::span<const std::string> arabic_singulars_of(std::string_view folded);

// Every listed plural, folded (for tests).
std::span<const std::string> arabic_broken_plurals();

}  // namespace jil::analysis
